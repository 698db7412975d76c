import type { CurriculumProgramme, Locale } from '@tandem/plugin-sdk';
import {
  createTestContext,
  curriculumContract,
  markersOf,
  pluginConfig,
  textsOf,
} from '@tandem/plugin-testkit';
import t from 'tap';
import lunchRounds from '../src/index.js';

for (const check of curriculumContract(lunchRounds)) t.test(check.name, check.run);

const PROGRAMME: CurriculumProgramme = {
  id: 'p1',
  kind: 'peer-lunch',
  goals: ['Abteilungsgrenzen überwinden'],
  language: 'de',
};

async function plan(locale: Locale, programme: CurriculumProgramme = PROGRAMME) {
  const { ctx } = createTestContext({ config: pluginConfig(lunchRounds) });
  return lunchRounds.sessions(locale, programme, ctx);
}

t.test('six lunches of an hour, a month apart, within the 24 weeks', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    const sessions = await plan(locale);
    t.same(
      sessions.map((s) => s.offsetWeeks),
      [0, 4, 8, 12, 16, 20],
      locale,
    );
    t.ok(
      sessions.every((s) => s.durationMinutes === 60),
      `${locale}: 60 minutes each`,
    );
  }
  t.same(lunchRounds.kinds, ['peer-lunch']);
  t.match(lunchRounds.defaults, {
    sessionCount: 6,
    cadenceWeeks: 4,
    durationWeeks: 24,
    sessionMinutes: 60,
    matchingStrategy: 'lunch',
    channels: ['email', 'in-app'],
  });
});

t.test('the rounds are numbered and named in German and English', async (t) => {
  t.same(
    (await plan('de')).map((s) => s.title),
    [
      'Runde 1: Was wir eigentlich machen',
      'Runde 2: Werkzeuge und Kniffe',
      'Runde 3: Über Abteilungsgrenzen hinweg',
      'Runde 4: Was sich verändert',
      'Runde 5: Lernen und Wissen weitergeben',
      'Runde 6: Ideen für unser Haus',
    ],
  );
  t.same(
    (await plan('en')).map((s) => s.title),
    [
      'Round 1: What we actually do',
      'Round 2: Tools and tricks',
      'Round 3: Across department lines',
      'Round 4: What is changing',
      'Round 5: Learning and passing it on',
      'Round 6: Ideas for our agency',
    ],
  );
});

t.test('each plan is in its own language throughout', async (t) => {
  for (const [locale, other] of [
    ['de', 'en'],
    ['en', 'de'],
  ] as const) {
    const texts = textsOf(await plan(locale));
    t.same(
      texts.filter((text) => markersOf(other, text).length > 0),
      [],
      `no ${other} words in the ${locale} plan`,
    );
    t.ok(texts.filter((text) => markersOf(locale, text).length > 0).length > 20, locale);
  }
});

t.test('every round brings four to six questions of its own', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    const sessions = await plan(locale);
    for (const [i, s] of sessions.entries()) {
      t.ok(s.agenda.length >= 4 && s.agenda.length <= 6, `${locale} round ${i + 1}`);
      t.same(
        s.agenda.filter((starter) => !starter.endsWith('?')),
        [],
        'every starter is a question',
      );
    }
    const starters = sessions.flatMap((s) => s.agenda);
    t.equal(new Set(starters).size, starters.length, `${locale}: no question asked twice`);
  }
});

t.test('peers get no homework, no reading and no milestones', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    for (const s of await plan(locale)) {
      t.same(s.homework, { mentor: [], mentee: [] });
      t.same(s.tutorials, []);
      t.equal(s.milestone, undefined);
    }
  }
});

t.test('nothing to configure, and the programme does not change the rounds', async (t) => {
  t.same(pluginConfig(lunchRounds), {});
  t.same(await plan('en'), await plan('en', { ...PROGRAMME, goals: [], language: 'en' }));
});
