import { ScimError } from './scim-error.js';
import {
  type AttributePath,
  ENTERPRISE_USER_SCHEMA,
  parsePath,
  type ValueFilter,
} from './scim-path.js';

/**
 * A resource as PATCH works on it: attribute names lower-cased at every level (SCIM names are
 * case-insensitive), the enterprise extension under its lower-cased schema URN.
 */
export type Resource = Record<string, unknown>;

export interface PatchOperation {
  op: string;
  path?: string;
  value?: unknown;
}

type Op = 'add' | 'replace' | 'remove';

const EXTENSION = ENTERPRISE_USER_SCHEMA.toLowerCase();

/** Lower-cases the attribute names of a resource or value, at every level. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key.toLowerCase(), normalize(inner)]),
  );
}

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to a normalised resource and returns the
 * result, leaving the input as it was. Takes what Microsoft Entra ID sends besides the RFC:
 * `Add`/`Replace`/`Remove` capitalised; a `value` object without `path` whose keys are paths
 * themselves (`name.givenName`, `emails[type eq "work"].value`, the extension's
 * `urn:…:User:department`); removal of `members` listed in `value`.
 *
 * @throws ScimError 400 `invalidSyntax`, `invalidPath` or `noTarget` for what cannot apply.
 */
export function applyPatch(resource: Resource, operations: PatchOperation[]): Resource {
  const result = structuredClone(resource);
  for (const operation of operations) {
    const op = operationName(operation.op);
    if (operation.path !== undefined && operation.path !== '') {
      apply(result, op, parsePath(operation.path), normalize(operation.value));
      continue;
    }
    if (op === 'remove') {
      throw new ScimError(400, 'A remove operation needs a path.', 'noTarget');
    }
    for (const [path, value] of pathsOf(operation.value)) apply(result, op, path, value);
  }
  return result;
}

function operationName(op: unknown): Op {
  const name = typeof op === 'string' ? op.toLowerCase() : '';
  if (name === 'add' || name === 'replace' || name === 'remove') return name;
  throw new ScimError(400, `Unknown PATCH operation ${JSON.stringify(op)}.`, 'invalidSyntax');
}

/** The (path, value) pairs of a path-less operation's value object. */
function pathsOf(value: unknown): [AttributePath, unknown][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScimError(
      400,
      'An operation without path needs an object as value.',
      'invalidSyntax',
    );
  }
  return Object.entries(value).flatMap(([key, inner]): [AttributePath, unknown][] => {
    if (key.toLowerCase() !== EXTENSION) return [[parsePath(key), normalize(inner)]];
    return pathsOf(inner).map(([path, v]) => [{ ...path, extension: true }, v]);
  });
}

function apply(resource: Resource, op: Op, path: AttributePath, value: unknown): void {
  const container = path.extension ? extensionOf(resource) : resource;
  if (path.filter) {
    applyFiltered(container, op, path, path.filter, value);
    return;
  }
  if (path.sub) {
    applySub(container, op, path.attribute, path.sub, value);
    return;
  }
  const current = container[path.attribute];
  if (op === 'remove') {
    if (Array.isArray(current) && Array.isArray(value)) {
      container[path.attribute] = current.filter(
        (entry) => !value.some((v) => sameValue(v, entry)),
      );
    } else delete container[path.attribute];
    return;
  }
  if (op === 'add' && Array.isArray(current) && Array.isArray(value)) {
    container[path.attribute] = [
      ...current,
      ...value.filter((v) => !current.some((entry) => sameValue(v, entry))),
    ];
    return;
  }
  container[path.attribute] = value;
}

/** `name.givenName`: one attribute of a complex attribute. */
function applySub(container: Resource, op: Op, attribute: string, sub: string, value: unknown) {
  const current = container[attribute];
  const complex: Resource =
    current !== null && typeof current === 'object' && !Array.isArray(current)
      ? (current as Resource)
      : {};
  if (op === 'remove') delete complex[sub];
  else complex[sub] = value;
  container[attribute] = complex;
}

/** `emails[type eq "work"].value`, `members[value eq "…"]`: the entries the filter selects. */
function applyFiltered(
  container: Resource,
  op: Op,
  path: AttributePath,
  filter: ValueFilter,
  value: unknown,
) {
  const current = container[path.attribute];
  const entries = (Array.isArray(current) ? current : []) as Resource[];
  const selected = (entry: Resource) => equalValues(entry[filter.attribute], filter.value);
  if (op === 'remove') {
    container[path.attribute] = path.sub
      ? entries.map((entry) => (selected(entry) ? without(entry, path.sub ?? '') : entry))
      : entries.filter((entry) => !selected(entry));
    return;
  }
  const replacement = (entry: Resource): Resource =>
    path.sub ? { ...entry, [path.sub]: value } : { ...entry, ...(value as Resource) };
  // Entra sets a work address that is not there yet by replacing it: add it.
  container[path.attribute] = entries.some(selected)
    ? entries.map((entry) => (selected(entry) ? replacement(entry) : entry))
    : [...entries, replacement({ [filter.attribute]: filter.value })];
}

function extensionOf(resource: Resource): Resource {
  const current = resource[EXTENSION];
  if (current !== null && typeof current === 'object' && !Array.isArray(current))
    return current as Resource;
  const created: Resource = {};
  resource[EXTENSION] = created;
  return created;
}

/** Entries of multi-valued attributes are the same when their `value`s are. */
function sameValue(a: unknown, b: unknown): boolean {
  const entryValue = (x: unknown) =>
    x !== null && typeof x === 'object' ? (x as Resource).value : x;
  return equalValues(entryValue(a), entryValue(b));
}

/** SCIM compares strings case-insensitively unless an attribute says otherwise. */
function equalValues(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function without(entry: Resource, key: string): Resource {
  const { [key]: _, ...rest } = entry;
  return rest;
}
