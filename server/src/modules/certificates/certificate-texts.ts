import type { Locale } from '@tandem/plugin-sdk';

/** The wording of a certificate in one language. */
export interface CertificateWording {
  title: string;
  /** The sentence under the name, e.g. "took part in the mentoring programme". */
  tookPart: (programme: string) => string;
  period: string;
  sessions: string;
  hours: string;
  topics: string;
  organisation: string;
  issued: string;
  number: string;
  verify: string;
  /** Hours with one decimal, as the language writes them. */
  hoursValue: (hours: number) => string;
  /** A day, YYYY-MM-DD, written out. */
  day: (isoDay: string) => string;
}

const day = (tag: string) => (isoDay: string) =>
  new Date(`${isoDay}T12:00:00Z`).toLocaleDateString(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const hours = (tag: string) => (value: number) =>
  value.toLocaleString(tag, { maximumFractionDigits: 1 });

export const CERTIFICATE_WORDING: Record<Locale, CertificateWording> = {
  de: {
    title: 'Teilnahmebescheinigung',
    tookPart: (programme) => `hat am Mentoring-Programm „${programme}“ teilgenommen.`,
    period: 'Zeitraum',
    sessions: 'Gehaltene Treffen',
    hours: 'Stunden',
    topics: 'Behandelte Themen',
    organisation: 'Organisation',
    issued: 'Ausgestellt am',
    number: 'Bescheinigungsnummer',
    verify: 'Echtheit prüfen',
    hoursValue: hours('de-DE'),
    day: day('de-DE'),
  },
  en: {
    title: 'Certificate of participation',
    tookPart: (programme) => `took part in the mentoring programme “${programme}”.`,
    period: 'Period',
    sessions: 'Sessions held',
    hours: 'Hours',
    topics: 'Topics covered',
    organisation: 'Organisation',
    issued: 'Issued on',
    number: 'Certificate number',
    verify: 'Verify',
    hoursValue: hours('en-GB'),
    day: day('en-GB'),
  },
};

/** To the holder, when an admin issued the programme's certificates: theirs is ready. */
export function certificateReadyText(locale: Locale, f: { name: string; programme: string }) {
  if (locale === 'en')
    return {
      title: `Your certificate for "${f.programme}" is ready`,
      text: `Hello ${f.name},\n\nyour certificate of participation in "${f.programme}" is ready. Download it as a PDF from your certificates in Tandem.`,
    };
  return {
    title: `Ihre Teilnahmebescheinigung für „${f.programme}“ liegt bereit`,
    text: `Hallo ${f.name},\n\nIhre Teilnahmebescheinigung für „${f.programme}“ liegt bereit. Sie können sie in Tandem unter „Bescheinigungen“ als PDF herunterladen.`,
  };
}
