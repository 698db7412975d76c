import { getLocale } from './locale.js';

/** The forms German and English need: "one" (1) and "other" (0, 2, 3 …). */
export interface PluralForms<T> {
  one: T;
  other: T;
}

/**
 * @lit/localize has no plurals, so each form is a message of its own and this picks the one
 * the current language's rules ask for (Intl.PluralRules). Both forms keep the count as a
 * placeholder, so a language whose "one" also covers 21 would still read right.
 *
 *   plural(count, {
 *     one: msg(str`${count} meeting`, { id: 'x.count.one' }),
 *     other: msg(str`${count} meetings`, { id: 'x.count' }),
 *   })
 */
export function plural<T>(count: number, forms: PluralForms<T>, locale = getLocale()): T {
  return new Intl.PluralRules(locale).select(count) === 'one' ? forms.one : forms.other;
}
