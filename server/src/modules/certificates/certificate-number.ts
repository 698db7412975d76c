import { randomInt } from 'node:crypto';

/** Digits and capitals without the look-alikes 0/O, 1/I/L and U/V, so a number read aloud or typed is unambiguous. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

/** `TND-` and three groups of four: 29^12, about 2^58 numbers, too many to guess one. */
const NUMBER = new RegExp(`^TND(-[${ALPHABET}]{4}){3}$`);

/** A fresh random certificate number such as `TND-7K3M-Q9XP-2D4F`. */
export function newCertificateNumber(): string {
  const group = () =>
    Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `TND-${group()}-${group()}-${group()}`;
}

/**
 * The number as typed, in its canonical form (capitals, dashes where they belong), or undefined
 * when it cannot be a certificate number at all.
 */
export function canonicalNumber(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith('TND') || compact.length !== 15) return undefined;
  const groups = compact.slice(3).match(/.{4}/g) ?? [];
  const number = ['TND', ...groups].join('-');
  return NUMBER.test(number) ? number : undefined;
}
