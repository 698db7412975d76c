import { ScimError } from './scim-error.js';
import { type AttributePath, PathReader, parsePath, type ScimValue } from './scim-path.js';

/** One `attribute eq value` comparison of a filter. */
export interface Comparison {
  path: AttributePath;
  value: ScimValue;
}

/**
 * Parses the filters provisioning clients send (RFC 7644 §3.4.2.2): comparisons with `eq`,
 * joined by `and` — `userName eq "ada"`, `emails[type eq "work"].value eq "a@b.de"`,
 * `externalId eq "…" and id eq "…"`. Returns the comparisons, all of which must hold.
 *
 * @throws ScimError 400 `invalidFilter` for any other operator, `or`, `not` or grouping.
 */
export function parseFilter(filter: string): Comparison[] {
  const terms = splitOutside(filter.trim(), ' and ');
  if (terms.some((term) => !term.trim())) throw invalidFilter(filter);
  return terms.map((term) => comparison(term.trim(), filter));
}

function comparison(term: string, filter: string): Comparison {
  const [pathText, rest] = splitAtSpace(term);
  if (!pathText) throw invalidFilter(filter);
  try {
    const path = parsePath(pathText);
    // `members[value eq "…"]` alone: some entry's value is that.
    if (rest === undefined && path.filter && !path.sub) {
      const { filter: inner, ...outer } = path;
      return { path: { ...outer, sub: inner.attribute }, value: inner.value };
    }
    if (rest === undefined) throw invalidFilter(filter);
    const reader = new PathReader(rest);
    reader.keyword('eq');
    const value = reader.value();
    if (!reader.done()) throw invalidFilter(filter);
    return { path, value };
  } catch (error) {
    if (error instanceof ScimError) throw invalidFilter(filter);
    throw error;
  }
}

/** The attribute path (up to the first space outside brackets and quotes) and the rest. */
function splitAtSpace(term: string): [string, string | undefined] {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < term.length; i++) {
    const char = term[i];
    if (char === '"' && term[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && char === '[') depth++;
    else if (!quoted && char === ']') depth--;
    else if (!quoted && depth === 0 && char === ' ') return [term.slice(0, i), term.slice(i)];
  }
  return [term, undefined];
}

/** Splits on `separator` (case-insensitive) where it stands outside quotes and brackets. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && char === '[') depth++;
    else if (!quoted && char === ']') depth--;
    else if (
      !quoted &&
      depth === 0 &&
      text.slice(i, i + separator.length).toLowerCase() === separator
    ) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function invalidFilter(filter: string): ScimError {
  return new ScimError(
    400,
    `The filter ${JSON.stringify(filter)} is not supported: use attribute eq "value", joined by and.`,
    'invalidFilter',
  );
}
