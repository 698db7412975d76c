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

/**
 * A PostgreSQL regular expression for the value as a whole word, case-insensitively; as it is
 * spelled inside a JSON string when `json` is set.
 */
export function wordPattern(value: string, json = false): string {
  const text = json ? JSON.stringify(value).slice(1, -1) : value;
  const escaped = text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
  const edge = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  return `${edge(text[0]) ? '\\m' : ''}${escaped}${edge(text.at(-1)) ? '\\M' : ''}`;
}
