import type { Locale } from '../i18n/locale.js';
import type { PairSession } from './pairs.js';

type HomeworkItem = PairSession['homework']['mentor'][number];

/**
 * A session of the pair's plan as one member reads it: the curriculum's texts in their
 * language where the curriculum gave them, the plan's own otherwise (the pair's own words, and
 * sessions planned before the plan kept every language).
 */
export function inLanguage(session: PairSession, language: string): PairSession {
  const locale: Locale = language === 'en' ? 'en' : 'de';
  const { translations } = session;
  const item = (task: HomeworkItem): HomeworkItem => ({
    ...task,
    text: task.texts?.[locale] ?? task.text,
  });
  return {
    ...session,
    title: translations.title?.[locale] ?? session.title,
    goal: translations.goal?.[locale] ?? session.goal,
    agenda: translations.agenda?.[locale] ?? session.agenda,
    tutorials: translations.tutorials?.[locale] ?? session.tutorials,
    homework: {
      mentor: session.homework.mentor.map(item),
      mentee: session.homework.mentee.map(item),
    },
  };
}
