/** One encoder for every line: the fold measures characters by their UTF-8 length. */
const utf8 = new TextEncoder();

/**
 * One content line folded as ical-generator's `foldLines` folds it (RFC 5545, 3.1): a line
 * break and a space before the character that would take the line past 74 octets of UTF-8,
 * a surrogate pair never split. The same characters measured the same way, only ASCII without
 * an encoder: the library makes one per character, which cost more than the rest of a whole
 * invitation. The line must hold no line break.
 */
export function foldLine(line: string): string {
  let result = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    let ch = line.charAt(i);
    // A high surrogate takes the next unit with it, whatever that is, as the library does.
    if (ch >= '\ud800' && ch <= '\udbff') ch += line.charAt(++i);
    const size = ch.length === 1 && ch < '\u0080' ? 1 : utf8.encode(ch).length;
    octets += size;
    if (octets > 74) {
      result += '\r\n ';
      octets = size;
    }
    result += ch;
  }
  return result;
}
