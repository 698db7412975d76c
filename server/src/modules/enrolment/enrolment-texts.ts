import type { Locale } from '@tandem/plugin-sdk';

export interface EnrolmentFacts {
  /** The person's name. */
  name: string;
  programme: string;
  /** Their place on the waitlist, when they are on it. */
  position: number | null;
}

/** To the person: their manager approved, and they take part. */
export function approvedText(locale: Locale, f: EnrolmentFacts) {
  if (locale === 'en')
    return {
      title: `Your manager approved: you take part in "${f.programme}"`,
      text: `Hello ${f.name},\n\nyour line manager approved your taking part in "${f.programme}". You are enrolled now; Tandem tells you when your tandem is found.`,
    };
  return {
    title: `Ihre Führungskraft hat zugestimmt: Sie nehmen an „${f.programme}“ teil`,
    text: `Hallo ${f.name},\n\nIhre Führungskraft hat Ihrer Teilnahme an „${f.programme}“ zugestimmt. Sie sind jetzt angemeldet; Tandem sagt Ihnen Bescheid, sobald Ihr Tandem gefunden ist.`,
  };
}

/** To the person: approved, but the programme is full; they wait at a place on the list. */
export function approvedWaitlistedText(locale: Locale, f: EnrolmentFacts) {
  if (locale === 'en')
    return {
      title: `Your manager approved: you are on the waitlist for "${f.programme}"`,
      text: `Hello ${f.name},\n\nyour line manager approved your taking part in "${f.programme}". The programme is full at the moment, so you are on its waitlist, at place ${f.position}. When a place frees, you move up and Tandem tells you.`,
    };
  return {
    title: `Ihre Führungskraft hat zugestimmt: Sie stehen auf der Warteliste für „${f.programme}“`,
    text: `Hallo ${f.name},\n\nIhre Führungskraft hat Ihrer Teilnahme an „${f.programme}“ zugestimmt. Das Programm ist zurzeit voll, deshalb stehen Sie auf der Warteliste, an Platz ${f.position}. Sobald ein Platz frei wird, rücken Sie nach, und Tandem sagt Ihnen Bescheid.`,
  };
}

/** To the person: their manager declined. */
export function declinedText(locale: Locale, f: EnrolmentFacts) {
  if (locale === 'en')
    return {
      title: `Your enrolment in "${f.programme}" was not approved`,
      text: `Hello ${f.name},\n\nyour line manager did not approve your taking part in "${f.programme}" this time. Please talk to them about it; you may enrol again later.`,
    };
  return {
    title: `Ihre Anmeldung zu „${f.programme}“ wurde nicht genehmigt`,
    text: `Hallo ${f.name},\n\nIhre Führungskraft hat Ihrer Teilnahme an „${f.programme}“ diesmal nicht zugestimmt. Bitte sprechen Sie mit ihr darüber; Sie können sich später erneut anmelden.`,
  };
}

/** To the person: nobody answered the request for approval in time. */
export function expiredText(locale: Locale, f: EnrolmentFacts) {
  if (locale === 'en')
    return {
      title: `Your enrolment in "${f.programme}" has run out`,
      text: `Hello ${f.name},\n\nyour line manager did not answer the request to approve your taking part in "${f.programme}" in time, so your enrolment has run out. You may enrol again; the request then goes out anew.`,
    };
  return {
    title: `Ihre Anmeldung zu „${f.programme}“ ist abgelaufen`,
    text: `Hallo ${f.name},\n\nIhre Führungskraft hat die Bitte um Zustimmung zu Ihrer Teilnahme an „${f.programme}“ nicht rechtzeitig beantwortet, deshalb ist Ihre Anmeldung abgelaufen. Sie können sich erneut anmelden; die Bitte geht dann neu hinaus.`,
  };
}

/** To the person: a place freed and they moved up from the waitlist. */
export function movedUpText(locale: Locale, f: EnrolmentFacts) {
  if (locale === 'en')
    return {
      title: `A place is free: you take part in "${f.programme}"`,
      text: `Hello ${f.name},\n\na place in "${f.programme}" has become free, and you moved up from the waitlist. You are enrolled now; Tandem tells you when your tandem is found.`,
    };
  return {
    title: `Ein Platz ist frei: Sie nehmen an „${f.programme}“ teil`,
    text: `Hallo ${f.name},\n\nin „${f.programme}“ ist ein Platz frei geworden, und Sie sind von der Warteliste nachgerückt. Sie sind jetzt angemeldet; Tandem sagt Ihnen Bescheid, sobald Ihr Tandem gefunden ist.`,
  };
}
