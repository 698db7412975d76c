import type { User } from '../users/user.js';
import { ScimError } from './scim-error.js';
import type { Resource } from './scim-patch.js';
import { CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA } from './scim-path.js';

const EXTENSION = ENTERPRISE_USER_SCHEMA.toLowerCase();

/** What Tandem keeps of a SCIM User; anything else it is sent (phone numbers, addresses) it drops. */
export interface ScimUserFields {
  username: string;
  externalId: string | null;
  name: string;
  email: string | null;
  title: string | null;
  department: string | null;
  /** Only `de` or `en`, from preferredLanguage or locale (`de-DE` → `de`). */
  locale: 'de' | 'en' | null;
  /** The manager's SCIM id, which is their Tandem id. */
  managerId: string | null;
  active: boolean;
}

/** A person as a SCIM User resource: core schema and the enterprise extension. */
export function toScimUser(user: User, baseUrl: string): Record<string, unknown> {
  const enterprise = {
    ...(user.department ? { department: user.department } : {}),
    ...(user.manager
      ? { manager: { value: user.manager.id, $ref: `${baseUrl}/Users/${user.manager.id}` } }
      : {}),
  };
  return {
    schemas: [CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA],
    id: user.id,
    ...(user.externalId ? { externalId: user.externalId } : {}),
    userName: user.username ?? '',
    displayName: user.name,
    name: { formatted: user.name },
    active: !user.deactivatedAt,
    emails: user.email ? [{ value: user.email, type: 'work', primary: true }] : [],
    ...(user.title ? { title: user.title } : {}),
    ...(user.locale ? { preferredLanguage: user.locale } : {}),
    [ENTERPRISE_USER_SCHEMA]: enterprise,
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${user.id}`,
    },
  };
}

/**
 * The fields of a normalised User resource (see normalize in scim-patch.ts), as POST and PUT
 * send it or PATCH leaves it.
 *
 * @throws ScimError 400 `invalidValue` without a userName, or for an `active` that is no boolean.
 */
export function fromScimUser(resource: Resource): ScimUserFields {
  const username = text(resource.username);
  if (!username) throw new ScimError(400, 'A User needs a userName.', 'invalidValue');
  const name = nameOf(resource) ?? username;
  const enterprise = object(resource[EXTENSION]);
  return {
    username,
    externalId: text(resource.externalid) ?? null,
    name,
    email: emailOf(resource.emails),
    title: text(resource.title) ?? null,
    department: text(enterprise.department) ?? null,
    locale: localeOf(text(resource.preferredlanguage) ?? text(resource.locale)),
    managerId: managerOf(enterprise.manager),
    active: activeOf(resource.active),
  };
}

function nameOf(resource: Resource): string | undefined {
  const name = object(resource.name);
  const parts = [text(name.givenname), text(name.familyname)].filter(Boolean).join(' ');
  return text(resource.displayname) ?? text(name.formatted) ?? (parts || undefined);
}

/** The primary address, else the work address, else the first. */
function emailOf(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const entries = emails.map(object).filter((entry) => text(entry.value));
  const chosen =
    entries.find((entry) => activeOf(entry.primary ?? false)) ??
    entries.find((entry) => text(entry.type)?.toLowerCase() === 'work') ??
    entries[0];
  return text(chosen?.value) ?? null;
}

function localeOf(language: string | undefined): 'de' | 'en' | null {
  const primary = language?.slice(0, 2).toLowerCase();
  return primary === 'de' || primary === 'en' ? primary : null;
}

/** Entra replaces the manager with the manager's id as a plain string; the RFC has `{ value }`. */
function managerOf(manager: unknown): string | null {
  if (typeof manager === 'string') return manager.trim() || null;
  return text(object(manager).value) ?? null;
}

/**
 * `active` as a boolean; Entra ID sent it as the string "True" or "False" before the
 * aadOptscim062020 flag, and some connectors still do. Missing means active.
 */
function activeOf(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw new ScimError(
    400,
    `active must be true or false, not ${JSON.stringify(value)}.`,
    'invalidValue',
  );
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function object(value: unknown): Resource {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Resource)
    : {};
}
