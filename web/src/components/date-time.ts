import { getLocale } from '../i18n/locale.js';

/**
 * The app's language with the browser's region where they agree ("en-GB" rather than "en",
 * so a British reader sees 24-hour times), else the app's language alone.
 */
function dateLocale(): string {
  const language = getLocale();
  const browser = navigator.language;
  return browser.toLowerCase().startsWith(`${language}-`) ? browser : language;
}

/**
 * A date and time in the reader's language ("Dienstag, 1. Dezember 2026 um 12:00"), in the
 * browser's time zone. Created per call so a language switch takes effect at once.
 */
export function formatDateTime(iso: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { dateStyle: 'full', timeStyle: 'short' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(dateLocale(), options).format(new Date(iso));
}

/** Just the time of day, for the end of a meeting ("13:00"). */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(dateLocale(), { timeStyle: 'short' }).format(new Date(iso));
}

/** The value a datetime-local field shows for an ISO time, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
