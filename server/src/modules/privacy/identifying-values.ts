/** A value that identifies a person, and what replaces it wherever it appears in text. */
export interface Replacement {
  value: string;
  by: string;
}

/** Shorter subjects are left alone in free text: "max" would take "maximum" with it. */
const MIN_SUBJECT_LENGTH = 6;

/**
 * What identifies a person in text that is not theirs (a partner's inbox, a meeting title, an
 * audit event's data): their id, email, name and IdP subject, with their replacements.
 */
export function identifyingValues(
  person: { id: string; name: string; email?: string | null; subject: string },
  tombstone: { id: string; name: string },
): Replacement[] {
  return [
    { value: person.id, by: tombstone.id },
    ...(person.email ? [{ value: person.email, by: '' }] : []),
    ...(person.subject.length >= MIN_SUBJECT_LENGTH
      ? [{ value: person.subject, by: tombstone.id }]
      : []),
    { value: person.name, by: tombstone.name },
  ].filter(({ value }) => value.trim() !== '');
}

/** A PostgreSQL regular expression for the value as a whole word, case-insensitively. */
export function wordPattern(value: string): string {
  const { words, starts, ends } = wordParts(value);
  return `${starts ? '\\m' : ''}${words}${ends ? '\\M' : ''}`;
}

/** {@link wordPattern} for the value as it is spelled inside a JSON string (`"` as `\"`). */
export function jsonWordPattern(value: string): string {
  return wordPattern(JSON.stringify(value.trim()).slice(1, -1));
}

/**
 * A JavaScript regular expression for the value as a whole word in any case, as
 * {@link wordPattern} finds it in PostgreSQL.
 */
export function wordRegExp(value: string): RegExp {
  const { words, starts, ends } = wordParts(value);
  const edge = '[\\p{L}\\p{N}]';
  return new RegExp(`${starts ? `(?<!${edge})` : ''}${words}${ends ? `(?!${edge})` : ''}`, 'giu');
}

/**
 * The value's words escaped for a regular expression, joined so that any run of white space
 * (a line break inside a name, a non-breaking space) matches between them; and whether it
 * starts and ends with a letter or digit, where a word edge must then be.
 */
function wordParts(value: string): { words: string; starts: boolean; ends: boolean } {
  const text = value.trim();
  const letter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  const words = text.split(/\s+/).map((word) => word.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&'));
  return { words: words.join('\\s+'), starts: letter(text[0]), ends: letter(text.at(-1)) };
}
