import { configureLocalization } from '@lit/localize';

/** The languages of the app; English is the source, German comes as translations. */
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const { getLocale, setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['de'],
  loadLocale: () => import('./de.js'),
});

export { getLocale };

/** The person's choice if they made one, else the browser's first language we speak. */
export function preferredLocale(choice: Locale | null | undefined): Locale {
  if (choice) return choice;
  for (const language of navigator.languages) {
    const base = language.slice(0, 2).toLowerCase();
    if (base === 'de' || base === 'en') return base;
  }
  return 'de';
}

/** Switches the app's language and tells assistive technology which language the page is in. */
export async function useLocale(locale: Locale): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = locale;
}
