import type { Locale } from '@tandem/plugin-sdk';

export interface RequestFacts {
  /** The recipient's name. */
  name: string;
  /** The other person: who asked, or who was asked. */
  other: string;
  programme: string;
  /** The asker's note, if they wrote one. */
  message: string | null;
}

/** To the person asked: who would like to be their tandem, and where to answer. */
export function askedText(locale: Locale, f: RequestFacts) {
  if (locale === 'en') {
    const note = f.message ? `\n\nTheir note: "${f.message}"` : '';
    return {
      title: `${f.other} would like to be your tandem`,
      text: `Hello ${f.name},\n\n${f.other} would like to be your tandem in "${f.programme}".${note}\n\nAccept or decline in Tandem; until you answer, ${f.other} waits for you.`,
    };
  }
  const note = f.message ? `\n\nDie Nachricht dazu: „${f.message}“` : '';
  return {
    title: `${f.other} möchte Ihr Tandem sein`,
    text: `Hallo ${f.name},\n\n${f.other} möchte in „${f.programme}“ Ihr Tandem sein.${note}\n\nNehmen Sie die Anfrage in Tandem an oder lehnen Sie sie ab; bis zu Ihrer Antwort wartet ${f.other} auf Sie.`,
  };
}

/** To the asker: the person asked said yes, and their tandem begins. */
export function acceptedText(locale: Locale, f: RequestFacts) {
  if (locale === 'en')
    return {
      title: `${f.other} accepted: you are a tandem`,
      text: `Hello ${f.name},\n\n${f.other} accepted your request in "${f.programme}". You are a tandem now; your plan and first meeting follow in Tandem.`,
    };
  return {
    title: `${f.other} hat angenommen: Sie sind ein Tandem`,
    text: `Hallo ${f.name},\n\n${f.other} hat Ihre Anfrage in „${f.programme}“ angenommen. Sie sind jetzt ein Tandem; Ihr Ablauf und Ihr erstes Treffen folgen in Tandem.`,
  };
}

/** To the asker: the person asked said no, kindly, with the way on. */
export function declinedText(locale: Locale, f: RequestFacts) {
  if (locale === 'en')
    return {
      title: `${f.other} cannot be your tandem`,
      text: `Hello ${f.name},\n\n${f.other} cannot be your tandem in "${f.programme}" this time. That says nothing about you. Tandem suggests your next partners: choose one in Tandem.`,
    };
  return {
    title: `${f.other} kann nicht Ihr Tandem sein`,
    text: `Hallo ${f.name},\n\n${f.other} kann in „${f.programme}“ diesmal nicht Ihr Tandem sein. Das sagt nichts über Sie aus. Tandem schlägt Ihnen die nächsten Tandem-Partnerinnen und -Partner vor: Wählen Sie in Tandem eine oder einen davon.`,
  };
}

/** To the asker: nobody answered in time; the way on is another suggestion. */
export function expiredText(locale: Locale, f: RequestFacts) {
  if (locale === 'en')
    return {
      title: `Your request to ${f.other} has run out`,
      text: `Hello ${f.name},\n\n${f.other} did not answer your request in "${f.programme}" in time, so it has run out. Tandem suggests your next partners: choose one in Tandem.`,
    };
  return {
    title: `Ihre Anfrage an ${f.other} ist abgelaufen`,
    text: `Hallo ${f.name},\n\n${f.other} hat auf Ihre Anfrage in „${f.programme}“ nicht rechtzeitig geantwortet, deshalb ist sie abgelaufen. Tandem schlägt Ihnen die nächsten Tandem-Partnerinnen und -Partner vor: Wählen Sie in Tandem eine oder einen davon.`,
  };
}

/**
 * To the other side of a waiting request when one of its two found a tandem by another
 * request: the request is withdrawn, nobody has to answer it any more.
 */
export function takenText(locale: Locale, f: RequestFacts) {
  if (locale === 'en')
    return {
      title: `${f.other} has found a tandem`,
      text: `Hello ${f.name},\n\n${f.other} has found a tandem in "${f.programme}" in the meantime, so the request between you two is withdrawn. Tandem suggests your next partners: choose one in Tandem.`,
    };
  return {
    title: `${f.other} hat ein Tandem gefunden`,
    text: `Hallo ${f.name},\n\n${f.other} hat in „${f.programme}“ inzwischen ein Tandem gefunden, deshalb ist die Anfrage zwischen Ihnen beiden zurückgezogen. Tandem schlägt Ihnen die nächsten Tandem-Partnerinnen und -Partner vor: Wählen Sie in Tandem eine oder einen davon.`,
  };
}
