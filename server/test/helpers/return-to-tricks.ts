import fc from 'fast-check';

/** The four tricks of the outside review; each normalises to `//evil.com`. */
export const REVIEWED_TRICKS = [
  '/.//evil.com',
  '/..//evil.com',
  '/x/..//evil.com',
  '/./\\evil.com',
];

/**
 * returnTo values as they reach the server after query decoding, built from the pieces that
 * path tricks are made of: slashes and backslashes, dot segments plain and percent-encoded,
 * hosts, userinfo, schemes, ports and the control characters URL parsers drop.
 */
export const returnToTricks: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('/', '/', '/', '\\', '', 'https:', '/\t/', ' /'),
    fc.array(
      fc.constantFrom(
        '/',
        '\\',
        '.',
        '..',
        '%2e',
        '%2E%2e',
        '%2f',
        '%5C',
        '%09',
        '\t',
        '\n',
        '\r',
        '\0',
        'evil.com',
        'x',
        '@',
        ':',
        ':443',
        '?',
        '#',
        'https:',
        'javascript:',
      ),
      { maxLength: 8 },
    ),
  )
  .map(([start, pieces]) => start + pieces.join(''));
