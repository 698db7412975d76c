/**
 * `@tandem/curriculum-qa-quickstart`: the shortest way into mentoring — three Q&A sessions in six
 * weeks, for a first reverse or classic mentoring round. A built-in of Tandem, built on
 * `@tandem/plugin-sdk` alone like any other plugin.
 *
 * @packageDocumentation
 */
import { defineCurriculum, Type } from '@tandem/plugin-sdk';
import { SESSIONS } from './sessions.js';

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
    de: 'Drei Treffen in sechs Wochen: Fragen sammeln, an eigenen Aufgaben beantworten, zurückblicken. Für den ersten Durchgang.',
    en: 'Three meetings in six weeks: collect questions, answer them on real tasks, look back. For a first round.',
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
    return SESSIONS.map((texts, index) => {
      const text = texts[locale];
      // The programme's goals frame the first meeting's question collection.
      const goals = index === 0 ? programme.goals : [];
      return {
        ...text,
        agenda: goals.length ? [...text.agenda, ...goals] : [...text.agenda],
        durationMinutes: ctx.config.sessionMinutes,
        offsetWeeks: index * CADENCE_WEEKS,
      };
    });
  },
});
