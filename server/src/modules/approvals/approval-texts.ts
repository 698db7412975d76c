import type { Locale } from '@tandem/plugin-sdk';

export interface ApprovalFacts {
  /** The manager's name. */
  name: string;
  /** Who would like to take part. */
  person: string;
  programme: string;
  /** The last day to answer, written out in the recipient's language. */
  until: string;
}

/**
 * To the manager: someone of their team would like to take part. Only who and which
 * programme: the manager learns nothing of the person's profile.
 */
export function askedText(locale: Locale, f: ApprovalFacts) {
  if (locale === 'en')
    return {
      title: `${f.person} would like to take part in "${f.programme}"`,
      text: `Hello ${f.name},\n\n${f.person} would like to take part in the programme "${f.programme}" during working time and asks for your approval as their line manager.\n\nApprove or decline in Tandem with one click, by ${f.until}. Without an answer the request runs out.`,
    };
  return {
    title: `${f.person} möchte an „${f.programme}“ teilnehmen`,
    text: `Hallo ${f.name},\n\n${f.person} möchte während der Arbeitszeit am Programm „${f.programme}“ teilnehmen und bittet Sie als Führungskraft um Ihre Zustimmung.\n\nStimmen Sie in Tandem mit einem Klick zu oder lehnen Sie ab, bis zum ${f.until}. Ohne Antwort läuft die Anfrage ab.`,
  };
}

/** To the manager, once, halfway: the request still waits for them. */
export function reminderText(locale: Locale, f: ApprovalFacts) {
  if (locale === 'en')
    return {
      title: `Reminder: ${f.person} waits for your approval`,
      text: `Hello ${f.name},\n\n${f.person} still waits for your approval to take part in "${f.programme}". Please approve or decline in Tandem by ${f.until}; without an answer the request runs out.`,
    };
  return {
    title: `Erinnerung: ${f.person} wartet auf Ihre Zustimmung`,
    text: `Hallo ${f.name},\n\n${f.person} wartet noch auf Ihre Zustimmung zur Teilnahme an „${f.programme}“. Bitte stimmen Sie in Tandem bis zum ${f.until} zu oder lehnen Sie ab; ohne Antwort läuft die Anfrage ab.`,
  };
}
