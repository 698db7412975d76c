import { getLocale } from '../i18n/locale.js';

/**
 * The app's language with the browser's region where they agree ("en-GB" rather than "en",
 * so a British reader sees 24-hour times), else the app's language alone.
 */
function dateLocale(): string {
  const language = getLocale();
  return (
    navigator.languages.find((tag) => tag.toLowerCase().startsWith(`${language}-`)) ?? language
  );
}

const dateTimeStyles = {
  long: { dateStyle: 'full', timeStyle: 'short' },
  short: { dateStyle: 'medium', timeStyle: 'short' },
  numeric: { dateStyle: 'short', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A date and time in the reader's language ("Dienstag, 1. Dezember 2026 um 12:00"), in the
 * browser's time zone. Created per call so a language switch takes effect at once.
 */
export function formatDateTime(iso: string, style: keyof typeof dateTimeStyles = 'long'): string {
  return new Intl.DateTimeFormat(dateLocale(), dateTimeStyles[style]).format(new Date(iso));
}

/** From one time to another, the shared part once ("27 Nov 2026, 12:00–13:00"). */
export function formatTimeRange(startIso: string, endIso: string): string {
  return new Intl.DateTimeFormat(dateLocale(), dateTimeStyles.short).formatRange(
    new Date(startIso),
    new Date(endIso),
  );
}

/** Just the date of a point in time ("27 Nov 2026", or "27 November 2026" when long). */
export function formatDate(iso: string, style: 'medium' | 'long' = 'medium'): string {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: style }).format(new Date(iso));
}

/** A calendar day ("2026-11-27") as a long date, the same day in every time zone. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
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
