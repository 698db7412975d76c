import { ScimError } from './scim-error.js';

/** Schema URNs whose attributes a path may be prefixed with. */
export const CORE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const CORE_GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** `type eq "work"` inside brackets: the multi-valued attribute's entries it selects. */
export interface ValueFilter {
  attribute: string;
  value: ScimValue;
}

export type ScimValue = string | number | boolean | null;

/**
 * An attribute path (RFC 7644 §3.10), names lower-cased: SCIM attribute names are
 * case-insensitive. `emails[type eq "work"].value` is
 * `{ attribute: 'emails', filter: { attribute: 'type', value: 'work' }, sub: 'value' }`; an
 * enterprise extension attribute carries `extension: true`.
 */
export interface AttributePath {
  extension: boolean;
  attribute: string;
  filter?: ValueFilter;
  sub?: string;
}

const NAME = /^[A-Za-z$][\w$-]*/;

/**
 * Parses an attribute path, with or without its schema URN.
 *
 * @throws ScimError 400 `invalidPath` for anything else.
 */
export function parsePath(text: string): AttributePath {
  const { extension, rest } = withoutSchema(text.trim());
  const reader = new PathReader(rest);
  const path = reader.path(extension);
  if (!reader.done()) throw invalidPath(text);
  return path;
}

function withoutSchema(text: string): { extension: boolean; rest: string } {
  const lower = text.toLowerCase();
  for (const [schema, extension] of [
    [ENTERPRISE_USER_SCHEMA, true],
    [CORE_USER_SCHEMA, false],
    [CORE_GROUP_SCHEMA, false],
  ] as const) {
    if (lower.startsWith(`${schema.toLowerCase()}:`))
      return { extension, rest: text.slice(schema.length + 1) };
  }
  if (lower.startsWith('urn:')) throw invalidPath(text);
  return { extension: false, rest: text };
}

/** Reads names, quoted strings and the few symbols of paths and filters, left to right. */
export class PathReader {
  private position = 0;

  constructor(private readonly text: string) {}

  done(): boolean {
    this.skipSpace();
    return this.position >= this.text.length;
  }

  path(extension: boolean): AttributePath {
    const attribute = this.name();
    const path: AttributePath = { extension, attribute };
    if (this.take('[')) {
      const filterAttribute = this.name();
      this.keyword('eq');
      path.filter = { attribute: filterAttribute, value: this.value() };
      if (!this.take(']')) throw invalidPath(this.text);
    }
    if (this.take('.')) path.sub = this.name();
    return path;
  }

  name(): string {
    this.skipSpace();
    const match = NAME.exec(this.text.slice(this.position));
    if (!match) throw invalidPath(this.text);
    this.position += match[0].length;
    return match[0].toLowerCase();
  }

  /** Consumes the word `word` (any case), or refuses the path. */
  keyword(word: string): void {
    if (!this.takeWord(word)) throw invalidPath(this.text);
  }

  takeWord(word: string): boolean {
    this.skipSpace();
    const next = this.text.slice(this.position, this.position + word.length).toLowerCase();
    const after = this.text[this.position + word.length];
    if (next !== word || (after !== undefined && after !== ' ' && after !== '(')) return false;
    this.position += word.length;
    return true;
  }

  take(symbol: string): boolean {
    if (this.text[this.position] !== symbol) return false;
    this.position++;
    return true;
  }

  /** A comparison value: a JSON string, number, true, false or null. */
  value(): ScimValue {
    this.skipSpace();
    const rest = this.text.slice(this.position);
    const match = /^("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true\b|false\b|null\b)/i.exec(rest);
    if (!match) throw invalidPath(this.text);
    this.position += match[0].length;
    // `True` and `NULL` as JSON spells them; strings stay as they are.
    return JSON.parse(match[0].startsWith('"') ? match[0] : match[0].toLowerCase());
  }

  private skipSpace(): void {
    while (this.text[this.position] === ' ') this.position++;
  }
}

function invalidPath(text: string): ScimError {
  return new ScimError(
    400,
    `The attribute path ${JSON.stringify(text)} is not supported.`,
    'invalidPath',
  );
}
