/**
 * `@tandem/curriculum-half-year`: the structured half-year programme — twelve fortnightly
 * sessions over six months on the digital everyday of a public agency, from shared documents
 * and the e-file to AI assistants and accessible documents, with a kick-off, a mid-term review
 * and a closing. For reverse and classic mentoring. A built-in of Tandem, built on
 * `@tandem/plugin-sdk` alone like any other plugin.
 *
 * @packageDocumentation
 */
import { defineCurriculum, Type } from '@tandem/plugin-sdk';
import { CADENCE_WEEKS, planSessions } from './plan.js';
import { SESSIONS } from './sessions.js';

/** An hour: long enough to try something out together, short enough for a leader's diary. */
const SESSION_MINUTES = 60;

/** The half-year curriculum, `half-year`: the package's default export, loaded by the host. */
export default defineCurriculum({
  name: 'half-year',
  version: '0.1.0',
  host: '^0.1.0',
  configSchema: Type.Object({
    sessionMinutes: Type.Integer({
      minimum: 30,
      maximum: 120,
      default: SESSION_MINUTES,
      description: 'How long each of the twelve sessions is, in minutes.',
    }),
  }),
  kinds: ['reverse-mentoring', 'classic-mentoring'],
  title: {
    de: 'Halbjahresprogramm: digital arbeiten in der Behörde',
    en: 'Half-year programme: working digitally in the agency',
  },
  description: {
    de: 'Zwölf Treffen in sechs Monaten, alle zwei Wochen: vom Kennenlernen über E-Akte, Informationssicherheit, KI-Assistenten und barrierefreie Dokumente bis zum Abschluss mit Rollentausch. Mit Grundgerüst, kurzen Tutorials und Hausaufgaben für beide Seiten.',
    en: 'Twelve meetings over six months, one a fortnight: from getting to know each other through e-files, information security, AI assistants and accessible documents to a closing with a role swap. With a set frame, short tutorials and homework for both sides.',
  },
  defaults: {
    sessionCount: SESSIONS.length,
    sessionMinutes: SESSION_MINUTES,
    cadenceWeeks: CADENCE_WEEKS,
    // The closing falls in week 22; the programme runs to week 24 for its homework.
    durationWeeks: SESSIONS.length * CADENCE_WEEKS,
    matchingStrategy: 'weighted',
    channels: ['email', 'in-app'],
  },
  sessions(locale, programme, ctx) {
    return planSessions(locale, programme, ctx.config.sessionMinutes);
  },
});
