import { Client, type Entry, InvalidCredentialsError } from 'ldapts';
import type { DirectoryAttributes, DirectorySettings } from './directory-settings.js';

/** How long the directory may take to accept a connection, and to answer one request (a page). */
const CONNECT_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** What one directory entry says of a person, as plain values. */
export interface DirectoryEntry {
  /** The entry's DN, normalised (see {@link normaliseDn}), which managers refer to. */
  dn: string;
  externalId: string;
  username: string;
  name: string;
  email: string | null;
  department: string | null;
  title: string | null;
  /** The manager's DN, normalised; null when none is given. */
  managerDn: string | null;
  locale: 'de' | 'en' | null;
  disabled: boolean;
}

/** What a search found: the people, and how many entries lacked a username or id. */
export interface DirectoryReading {
  entries: DirectoryEntry[];
  /** Entries without a username or stable id, which cannot be linked to anyone. */
  incomplete: number;
}

/** The directory could not be read in full; nothing may be concluded from it. */
export class DirectoryUnavailable extends Error {
  override readonly name = 'DirectoryUnavailable';
}

/**
 * Reads every person under the base DN that matches the filter, a page at a time (servers cap
 * unpaged searches: OpenLDAP at 500 entries by default), and gives them as plain entries. Any
 * failure on the way (unreachable, refused bind, a page that fails) throws
 * {@link DirectoryUnavailable}: a partial reading would make everyone on the missing pages
 * look like a leaver.
 */
export async function readDirectory(
  settings: DirectorySettings,
  onPage?: (read: number) => void,
): Promise<DirectoryReading> {
  const client = new Client({
    url: settings.url,
    connectTimeout: CONNECT_TIMEOUT_MS,
    timeout: REQUEST_TIMEOUT_MS,
    tlsOptions: settings.ca ? { ca: settings.ca } : {},
  });
  try {
    await connect(client, settings);
    return await search(client, settings, onPage);
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function connect(client: Client, settings: DirectorySettings): Promise<void> {
  const server = settings.url;
  try {
    if (settings.startTls) await client.startTLS(settings.ca ? { ca: settings.ca } : {});
    if (settings.bindDn) await client.bind(settings.bindDn, settings.bindPassword ?? '');
  } catch (error) {
    if (error instanceof InvalidCredentialsError)
      throw new DirectoryUnavailable(
        `${server} refused the bind as ${settings.bindDn}: invalid credentials (check LDAP_BIND_DN and LDAP_BIND_PASSWORD)`,
      );
    throw new DirectoryUnavailable(`cannot reach ${server}: ${reason(error)}`);
  }
}

async function search(
  client: Client,
  settings: DirectorySettings,
  onPage?: (read: number) => void,
): Promise<DirectoryReading> {
  const attributes = settings.attributes;
  const binary = binaryAttributes(attributes);
  const entries: DirectoryEntry[] = [];
  let incomplete = 0;
  try {
    const pages = client.searchPaginated(settings.baseDn, {
      scope: 'sub',
      filter: settings.filter,
      attributes: [...requested(attributes), 'cn'],
      explicitBufferAttributes: binary,
      paged: { pageSize: settings.pageSize },
    });
    for await (const page of pages) {
      for (const raw of page.searchEntries) {
        const entry = toEntry(raw, attributes);
        if (entry) entries.push(entry);
        else incomplete++;
      }
      onPage?.(entries.length + incomplete);
    }
  } catch (error) {
    throw new DirectoryUnavailable(
      `searching ${settings.baseDn} at ${settings.url} failed: ${reason(error)}`,
    );
  }
  return { entries, incomplete };
}

function requested(attributes: DirectoryAttributes): string[] {
  return Object.values(attributes).filter((name): name is string => name !== undefined);
}

/** AD's objectGUID is 16 bytes, not text: read as a buffer and written as a GUID. */
function binaryAttributes(attributes: DirectoryAttributes): string[] {
  return attributes.externalId.toLowerCase() === 'objectguid' ? [attributes.externalId] : [];
}

function toEntry(raw: Entry, attributes: DirectoryAttributes): DirectoryEntry | undefined {
  const text = (name: string) => first(raw, name);
  const username = text(attributes.username);
  const externalId = stableId(raw, attributes.externalId);
  if (!username || !externalId) return undefined;
  const manager = text(attributes.manager);
  return {
    dn: normaliseDn(raw.dn),
    externalId,
    username,
    name: text(attributes.name) ?? text('cn') ?? username,
    email: text(attributes.email) ?? null,
    department: text(attributes.department) ?? null,
    title: text(attributes.title) ?? null,
    managerDn: manager ? normaliseDn(manager) : null,
    locale: locale(text(attributes.language)),
    disabled: attributes.disabled ? isDisabled(text(attributes.disabled)) : false,
  };
}

/** The attribute's first value as text; undefined when missing or blank. */
function first(raw: Entry, name: string): string | undefined {
  const key = Object.keys(raw).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : raw[key];
  const one = Array.isArray(value) ? value[0] : value;
  const textValue = Buffer.isBuffer(one) ? one.toString('utf8') : one;
  return textValue?.trim() || undefined;
}

function stableId(raw: Entry, name: string): string | undefined {
  const key = Object.keys(raw).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : raw[key];
  const one = Array.isArray(value) ? value[0] : value;
  if (Buffer.isBuffer(one)) return one.length === 16 ? guid(one) : one.toString('hex');
  return one?.trim().toLowerCase() || undefined;
}

/** A Windows GUID as AD shows it: the first three groups are stored little-endian. */
function guid(bytes: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = [...bytes.subarray(from, to)];
    return (reverse ? part.reverse() : part).map((b) => b.toString(16).padStart(2, '0')).join('');
  };
  return [
    hex(0, 4, true),
    hex(4, 6, true),
    hex(6, 8, true),
    hex(8, 10, false),
    hex(10, 16, false),
  ].join('-');
}

/** `de`, `de-DE`, `de_AT`, `German`… → de; English likewise; anything else → none. */
function locale(value: string | undefined): 'de' | 'en' | null {
  const lower = value?.toLowerCase() ?? '';
  if (lower.startsWith('de') || lower === 'german') return 'de';
  if (lower.startsWith('en') || lower === 'english') return 'en';
  return null;
}

/** AD's userAccountControl has bit 0x2 (ACCOUNTDISABLE); other directories keep a TRUE flag. */
function isDisabled(value: string | undefined): boolean {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return (Number(value) & 0x2) !== 0;
  return value.toUpperCase() === 'TRUE';
}

/**
 * A DN in one spelling, so that a manager attribute finds the entry it names: lower case, no
 * spaces around separators. (Enough for the DNs directories write; escaped commas stay as they are.)
 */
export function normaliseDn(dn: string): string {
  return dn
    .trim()
    .toLowerCase()
    .replace(/\s*(?<!\\),\s*/g, ',')
    .replace(/\s*=\s*/g, '=');
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.message}${typeof code === 'number' ? ` (LDAP result ${code})` : ''}`;
}
