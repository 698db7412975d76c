import type { Locale } from '@tandem/plugin-sdk';
import { createTestContext, curriculumContract, pluginConfig } from '@tandem/plugin-testkit';
import t from 'tap';
import quickstart from '../src/index.js';

for (const check of curriculumContract(quickstart)) t.test(check.name, check.run);

const programme = {
  id: 'p1',
  kind: 'reverse-mentoring' as const,
  goals: ['Videokonferenzen sicher leiten'],
  language: 'de' as const,
};

function plan(locale: Locale) {
  const { ctx } = createTestContext({ config: pluginConfig(quickstart) });
  return quickstart.sessions(locale, { ...programme, language: locale }, ctx);
}

function glossary(locale: Locale) {
  const { ctx } = createTestContext({ config: pluginConfig(quickstart) });
  if (!quickstart.glossary) throw new Error('qa-quickstart has no glossary');
  return quickstart.glossary(locale, ctx);
}

t.test('three sessions two weeks apart, from kick-off to closing', async (t) => {
  const sessions = await plan('de');
  t.same(
    sessions.map((s) => [s.title, s.offsetWeeks, s.durationMinutes, s.milestone]),
    [
      ['Kennenlernen, Tandem-Vereinbarung und erste Begriffe', 0, 45, 'kick-off'],
      ['Eure Fragen an echten Aufgaben', 2, 45, undefined],
      ['Rollentausch, Rückblick und wie es weitergeht', 4, 45, 'closing'],
    ],
  );
  t.notOk('milestone' in (sessions[1] ?? {}), 'an ordinary session carries no milestone key');
});

t.test('the programme goals join the kick-off, right after the question list', async (t) => {
  const [kickOff, second] = await plan('de');
  const at = kickOff?.agenda.findIndex((step) => step.startsWith('Eure Frageliste anlegen')) ?? -1;
  t.ok(at >= 0);
  t.equal(kickOff?.agenda[at + 1], 'Programmziel: Videokonferenzen sicher leiten');
  t.notOk(second?.agenda.some((step) => step.includes('Videokonferenzen sicher leiten')));
  const [english] = await plan('en');
  t.ok(english?.agenda.includes('Programme goal: Videokonferenzen sicher leiten'));
});

/** Words each language uses for the parts of the programme. */
const WORDS = {
  de: {
    game: 'Frage-Antwort-Spiel, Runde',
    list: 'Frageliste',
    ours: 'eure Frageliste',
    naive: 'keine Frage ist zu naiv',
    swap: 'Rollentausch',
  },
  en: {
    game: 'Q&A game, round',
    list: 'question list',
    ours: 'your question list',
    naive: 'no question is too naive',
    swap: 'role swap',
  },
} as const;

t.test('the Q&A game and the question list run through the sessions', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    const words = WORDS[locale];
    const [kickOff, second, closing] = (await plan(locale)).map((s) =>
      s.agenda.join('\n').toLowerCase(),
    );
    const says = (agenda: string | undefined, text: string) =>
      agenda?.includes(text.toLowerCase()) ?? false;
    t.ok(says(kickOff, `${words.game} 1`), `${locale}: the kick-off plays round 1`);
    t.ok(says(second, `${words.game} 2`), `${locale}: the second session plays round 2`);
    t.ok(says(kickOff, words.ours), `${locale}: the list is the pair's own`);
    t.ok(says(kickOff, words.naive), `${locale}: the tandem agreement makes asking safe`);
    for (const [i, agenda] of [kickOff, second, closing].entries())
      t.ok(says(agenda, words.list), `${locale}: session ${i + 1} works with ${words.list}`);
    t.ok(says(closing, words.swap), `${locale}: the closing has a role swap`);
    const [first] = await plan(locale);
    t.ok(
      first?.homework.mentee.some((task) => says(task.toLowerCase(), words.list)),
      `${locale}: the mentee keeps the question list until the next session`,
    );
  }
});

t.test('homework for both sides until the closing', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    const sessions = await plan(locale);
    t.same(
      sessions.map((s) => [s.homework.mentor.length > 0, s.homework.mentee.length > 0]),
      [
        [true, true],
        [true, true],
        [false, false],
      ],
      locale,
    );
  }
});

t.test('a glossary of at least 30 terms, the same in de and en', async (t) => {
  const de = await glossary('de');
  const en = await glossary('en');
  t.ok(de.length >= 30, `${de.length} terms`);
  t.equal(en.length, de.length, 'as many terms in en as in de');
  for (const [locale, entries] of [
    ['de', de],
    ['en', en],
  ] as const) {
    const terms = entries.map((e) => e.term.toLocaleLowerCase(locale));
    t.equal(new Set(terms).size, terms.length, `${locale}: no term twice`);
    t.ok(
      entries.every((e) => e.example && e.explanation.length <= 300),
      `${locale}: every term has an example and a short explanation`,
    );
  }
  // The same order: a term's place says which one it is, in both languages.
  const pairs = de.map((entry, i) => [entry.term, en[i]?.term]);
  for (const pair of [
    ['Cloud', 'Cloud'],
    ['Hashtag', 'Hashtag'],
    ['Open Data', 'Open data'],
    ['Künstliche Intelligenz (KI)', 'Artificial intelligence (AI)'],
    ['Wiki', 'Wiki'],
    ['Videokonferenz', 'Video conference'],
    ['E-Akte', 'E-file'],
    ['Onlinezugangsgesetz (OZG)', 'Online Access Act (OZG)'],
  ])
    t.ok(
      pairs.some(([d, e]) => d === pair[0] && e === pair[1]),
      `${pair[0]} / ${pair[1]}`,
    );
});

t.test('each call gets its own copy of the glossary', async (t) => {
  const first = await glossary('en');
  if (first[0]) first[0].term = 'changed';
  t.not((await glossary('en'))[0]?.term, 'changed');
});

t.test('the session length is configurable within bounds', async (t) => {
  const { ctx } = createTestContext({
    config: pluginConfig(quickstart, { sessionMinutes: 60 }),
  });
  const sessions = await quickstart.sessions('en', { ...programme, language: 'en' }, ctx);
  t.same(
    sessions.map((s) => s.durationMinutes),
    [60, 60, 60],
  );
  t.throws(() => pluginConfig(quickstart, { sessionMinutes: 10 }), /sessionMinutes must be >= 30/);
});
