import type { Locale, SessionPlan } from '@tandem/plugin-sdk';

/**
 * Short, common words that give a text away as German or English and do not occur in the
 * other language: a quick test that a plan written in two languages keeps each apart. Loanwords the German texts use on purpose (Open Data, Social Media, Prompt)
 * are none of them.
 */
const MARKERS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  de: new Set(['und', 'der', 'die', 'das', 'nicht', 'mit', 'für', 'ist', 'ihr', 'euch', 'eure']),
  en: new Set(['the', 'and', 'with', 'your', 'you', 'what', 'how', 'who', 'is', 'of', 'to']),
};

/** Every text of a plan a participant reads: titles, goals, agenda, tutorials, homework. */
export function textsOf(sessions: readonly SessionPlan[]): string[] {
  return sessions.flatMap((s) => [
    s.title,
    s.goal,
    ...s.agenda,
    ...s.tutorials.map((t) => t.title),
    ...s.homework.mentor,
    ...s.homework.mentee,
  ]);
}

/** The marker words of `locale` in `text`, e.g. `['the']` for German text with English in it. */
export function markersOf(locale: Locale, text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((word) => MARKERS[locale].has(word));
}
