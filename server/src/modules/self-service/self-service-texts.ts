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
