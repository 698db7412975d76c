import ICAL from 'ical.js';
import { type Replacement, wordRegExp } from './identifying-values.js';

/** How a column stores its text: as it reads, or as JSON whose strings are text again. */
export type StoredForm = 'text' | 'json';

const CALENDAR = /^\s*BEGIN:VCALENDAR/i;

/**
 * The stored text with every identifying value replaced, read the way its readers read it:
 * JSON is parsed and each key and string scrubbed (the strings may be calendars themselves),
 * and an iCalendar object is parsed too, since it folds lines at 75 octets, also inside a name
 * (RFC 5545), and escapes commas and line breaks; it is written back folded. Anything else is
 * scrubbed as it is. A search of the raw text misses what a calendar shows.
 */
export function scrubStoredText(
  text: string,
  replacements: readonly Replacement[],
  form: StoredForm = 'text',
): string {
  if (form === 'json') return JSON.stringify(scrubbedJson(JSON.parse(text), replacements));
  if (CALENDAR.test(text)) return scrubbedCalendar(text, replacements);
  return scrubbedWords(text, replacements);
}

function scrubbedJson(value: unknown, replacements: readonly Replacement[]): unknown {
  if (typeof value === 'string') return scrubStoredText(value, replacements);
  if (Array.isArray(value)) return value.map((item) => scrubbedJson(item, replacements));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      scrubbedWords(key, replacements),
      scrubbedJson(item, replacements),
    ]),
  );
}

/** A calendar ical.js cannot parse is unfolded and scrubbed as plain text: the name goes first. */
function scrubbedCalendar(text: string, replacements: readonly Replacement[]): string {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch {
    return scrubbedWords(text.replace(/\r?\n[ \t]/g, ''), replacements);
  }
  // jCal (RFC 7265) holds every name, parameter and value unescaped, as JSON does.
  return ICAL.stringify(scrubbedJson(parsed, replacements) as unknown[]);
}

function scrubbedWords(text: string, replacements: readonly Replacement[]): string {
  return replacements.reduce(
    (result, { value, by }) => result.replace(wordRegExp(value), () => by),
    text,
  );
}
