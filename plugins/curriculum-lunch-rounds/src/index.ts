/**
 * `@tandem/curriculum-lunch-rounds`: cross-department mystery lunches — six rounds, one a month,
 * each with a new partner from another department and its own conversation starters. For peer
 * lunch programmes. A built-in of Tandem, built on `@tandem/plugin-sdk` alone like any other
 * plugin.
 *
 * @packageDocumentation
 */
import { defineCurriculum, Type } from '@tandem/plugin-sdk';
import { ROUND_LABEL, ROUNDS } from './rounds.js';

/** A month between rounds: often enough to keep it going, rare enough to fit any diary. */
const CADENCE_WEEKS = 4;

/** A lunch break. */
const LUNCH_MINUTES = 60;

/** The lunch rounds curriculum, `lunch-rounds`: the package's default export, loaded by the host. */
export default defineCurriculum({
  name: 'lunch-rounds',
  version: '0.1.0',
  host: '^0.1.0',
  // Nothing to configure: how many rounds and how often is the programme's to set, not the plugin's.
  configSchema: Type.Object({}),
  kinds: ['peer-lunch'],
  title: {
    de: 'Mittagsrunden: Mystery Lunch quer durchs Haus',
    en: 'Lunch rounds: mystery lunches across the agency',
  },
  description: {
    de: 'Sechs Runden, einmal im Monat, jedes Mal mit jemand Neuem aus einer anderen Abteilung. Jede Runde bringt eigene Gesprächsanstöße mit; Hausaufgaben gibt es keine.',
    en: 'Six rounds, once a month, each time with someone new from another department. Every round brings its own conversation starters; there is no homework.',
  },
  defaults: {
    sessionCount: ROUNDS.length,
    sessionMinutes: LUNCH_MINUTES,
    cadenceWeeks: CADENCE_WEEKS,
    // The last lunch falls in week 20; the programme closes when a seventh would have been due.
    durationWeeks: ROUNDS.length * CADENCE_WEEKS,
    matchingStrategy: 'lunch',
    channels: ['email', 'in-app'],
  },
  // Peers have no mentor or mentee, so no homework; a lunch needs no reading either. No round is
  // a milestone: the host's kick-off asks for a tandem agreement, which a one-off lunch has not.
  sessions(locale) {
    return ROUNDS.map((round, index) => {
      const text = round[locale];
      return {
        title: `${ROUND_LABEL[locale]} ${index + 1}: ${text.theme}`,
        goal: text.goal,
        agenda: [...text.starters],
        tutorials: [],
        homework: { mentor: [], mentee: [] },
        durationMinutes: LUNCH_MINUTES,
        offsetWeeks: index * CADENCE_WEEKS,
      };
    });
  },
});
