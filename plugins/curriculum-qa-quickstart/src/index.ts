/**
 * `@tandem/curriculum-qa-quickstart`: the shortest way into mentoring — three Q&A sessions in six
 * weeks, for a first reverse or classic mentoring round: the mentee's question list, worked
 * through on real tasks, and a Q&A game over a glossary of everyday digital terms. A built-in of
 * Tandem, built on `@tandem/plugin-sdk` alone like any other plugin.
 *
 * @packageDocumentation
 */
import { defineCurriculum, type SessionPlan, Type } from '@tandem/plugin-sdk';
import { GLOSSARY } from './glossary.js';
import { GOAL_LABEL, SESSIONS } from './sessions.js';

const CADENCE_WEEKS = 2;

export default defineCurriculum({
  name: 'qa-quickstart',
  version: '0.1.0',
  host: '^0.1.0',
  configSchema: Type.Object({
    sessionMinutes: Type.Integer({
      minimum: 30,
      maximum: 120,
      default: 45,
      description: 'How long each of the three sessions is.',
    }),
  }),
  kinds: ['reverse-mentoring', 'classic-mentoring'],
  title: { de: 'Schnellstart: Fragen und Antworten', en: 'Quick start: questions and answers' },
  description: {
    de: 'Drei Treffen in sechs Wochen: ein Frage-Antwort-Spiel über Begriffe des digitalen Alltags und eine Frageliste, die das Tandem an eigenen Aufgaben abarbeitet. Für den ersten Durchgang.',
    en: 'Three meetings in six weeks: a Q&A game over everyday digital terms and a question list the pair works through on real tasks. For a first round.',
  },
  defaults: {
    sessionCount: SESSIONS.length,
    sessionMinutes: 45,
    cadenceWeeks: CADENCE_WEEKS,
    durationWeeks: SESSIONS.length * CADENCE_WEEKS,
    matchingStrategy: 'weighted',
    channels: ['email', 'in-app'],
  },
  sessions(locale, programme, ctx) {
    return SESSIONS.map((draft, index): SessionPlan => {
      const text = draft[locale];
      const agenda = [...text.agenda];
      // The programme's goals become the first entries of the pair's question list.
      if (draft.goalsAfter !== undefined)
        agenda.splice(
          draft.goalsAfter,
          0,
          ...programme.goals.map((goal) => `${GOAL_LABEL[locale]}: ${goal}`),
        );
      return {
        title: text.title,
        goal: text.goal,
        agenda,
        tutorials: text.tutorials.map((tutorial) => ({ ...tutorial })),
        homework: { mentor: [...text.homework.mentor], mentee: [...text.homework.mentee] },
        durationMinutes: ctx.config.sessionMinutes,
        // Spread only when set: a plan carries no `milestone` key for ordinary sessions.
        ...(draft.milestone && { milestone: draft.milestone }),
        offsetWeeks: index * CADENCE_WEEKS,
      };
    });
  },
  glossary(locale) {
    // Copies, so a caller that edits its answer cannot change the next one.
    return GLOSSARY.map((entry) => ({ ...entry[locale] }));
  },
});
