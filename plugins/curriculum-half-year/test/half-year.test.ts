import type { CurriculumProgramme, Locale } from '@tandem/plugin-sdk';
import {
  createTestContext,
  curriculumContract,
  markersOf,
  pluginConfig,
  textsOf,
} from '@tandem/plugin-testkit';
import t from 'tap';
import halfYear from '../src/index.js';

for (const check of curriculumContract(halfYear)) t.test(check.name, check.run);

const GOALS = ['Videokonferenzen sicher leiten', 'Die E-Akte im Alltag nutzen'];

function programme(overrides: Partial<CurriculumProgramme> = {}): CurriculumProgramme {
  return { id: 'p1', kind: 'reverse-mentoring', goals: GOALS, language: 'de', ...overrides };
}

async function plan(
  locale: Locale,
  overrides: Partial<CurriculumProgramme> = {},
  config: { sessionMinutes?: number } = {},
) {
  const { ctx } = createTestContext({ config: pluginConfig(halfYear, config) });
  return halfYear.sessions(locale, programme(overrides), ctx);
}

t.test('twelve sessions of an hour, a fortnight apart, within the six months', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    const sessions = await plan(locale);
    t.equal(sessions.length, 12, locale);
    t.same(
      sessions.map((s) => s.offsetWeeks),
      [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22],
      locale,
    );
    t.ok(
      sessions.every((s) => s.durationMinutes === 60),
      `${locale}: 60 minutes each`,
    );
  }
  t.match(halfYear.defaults, {
    sessionCount: 12,
    cadenceWeeks: 2,
    durationWeeks: 24,
    sessionMinutes: 60,
    matchingStrategy: 'weighted',
    channels: ['email', 'in-app'],
  });
});

t.test('kick-off first, mid-term review at half time, closing last', async (t) => {
  const sessions = await plan('en');
  const milestones = sessions.flatMap((s, i) => (s.milestone ? [[i + 1, s.milestone]] : []));
  t.same(milestones, [
    [1, 'kick-off'],
    [7, 'mid-term-review'],
    [12, 'closing'],
  ]);
  t.equal(sessions[6]?.offsetWeeks, 12, 'the review falls in week 12 of 24');
});

t.test('the titles in German and English', async (t) => {
  t.same(
    (await plan('de')).map((s) => s.title),
    [
      'Kennenlernen und Tandem-Vereinbarung',
      'Gemeinsam an Dokumenten arbeiten und Wissen teilen',
      'Videokonferenzen und hybride Besprechungen',
      'E-Akte und digitale Arbeitsabläufe',
      'Informationssicherheit und Phishing',
      'KI-Assistenten und ihre Grenzen',
      'Halbzeit: Was trägt, was ändern wir?',
      'Mit Daten arbeiten und Open Data',
      'Social Media und die Öffentlichkeitsarbeit der Behörde',
      'Barrierefreie Dokumente',
      'Agil arbeiten und digital führen',
      'Abschluss: Rückblick und Rollentausch',
    ],
  );
  t.same(
    (await plan('en')).map((s) => s.title),
    [
      'Getting to know each other and the tandem agreement',
      'Working on shared documents and sharing knowledge',
      'Video conferences and hybrid meetings',
      'E-files and digital workflows',
      'Information security and phishing',
      'AI assistants and their limits',
      'Mid-term review: what works, what do we change?',
      'Working with data and open data',
      'Social media and the agency’s public communication',
      'Accessible documents',
      'Working in agile ways and leading digitally',
      'Closing: looking back and swapping roles',
    ],
  );
});

t.test('each plan is in its own language throughout', async (t) => {
  // Goals in the plan's language, so that only the curriculum's own texts are judged.
  const goals = { de: ['Digitale Kompetenz stärken'], en: ['Build digital skills'] };
  for (const [locale, other] of [
    ['de', 'en'],
    ['en', 'de'],
  ] as const) {
    const texts = textsOf(await plan(locale, { goals: goals[locale], language: locale }));
    const foreign = texts.filter((text) => markersOf(other, text).length > 0);
    t.same(foreign, [], `no ${other} words in the ${locale} plan`);
    t.ok(texts.filter((text) => markersOf(locale, text).length > 0).length > 30, locale);
  }
});

t.test('the programme goals frame the kick-off and only the kick-off', async (t) => {
  const [kickOff, ...rest] = await plan('de');
  t.same(kickOff?.agenda.slice(-2), [
    'Programmziel „Videokonferenzen sicher leiten“: Was heißt das für euch?',
    'Programmziel „Die E-Akte im Alltag nutzen“: Was heißt das für euch?',
  ]);
  const later = rest.flatMap((s) => s.agenda).filter((step) => GOALS.some((g) => step.includes(g)));
  t.same(later, []);

  const [english] = await plan('en', { goals: ['  ', 'Lead hybrid meetings'] });
  t.equal(
    english?.agenda.at(-1),
    'Programme goal “Lead hybrid meetings”: what does it mean for you?',
  );
  t.equal(english?.agenda.length, 5, 'a blank goal adds no step');
});

t.test('every session has the Grundgerüst, tutorials and homework for both sides', async (t) => {
  for (const locale of ['de', 'en'] as const) {
    for (const [i, s] of (await plan(locale, { goals: [] })).entries()) {
      const at = `${locale} session ${i + 1}`;
      t.ok(s.agenda.length >= 3 && s.agenda.length <= 5, `${at}: ${s.agenda.length} steps`);
      t.ok(s.tutorials.length >= 1 && s.tutorials.length <= 2, `${at}: tutorials`);
      t.ok(s.homework.mentor.length > 0 && s.homework.mentee.length > 0, `${at}: homework`);
      for (const url of s.tutorials.flatMap((tutorial) => tutorial.url ?? []))
        t.ok(url.startsWith(`https://${locale}.wikipedia.org/wiki/`), `${at}: ${url}`);
    }
  }
});

t.test('classic mentoring gives the sides the other role', async (t) => {
  const reverse = await plan('de');
  const classic = await plan('de', { kind: 'classic-mentoring' });
  for (const [i, s] of reverse.entries()) {
    t.same(classic[i]?.homework, { mentor: s.homework.mentee, mentee: s.homework.mentor });
  }
  // The digital native mentors in reverse mentoring: the tips are the mentor's homework there.
  t.match(reverse[3]?.homework.mentor, [
    'Drei Tipps zur Suche in der E-Akte aufschreiben, die im Alltag Zeit sparen',
  ]);
  // The role swap hands the mentoring to whoever was mentored.
  const swap = (sessions: typeof reverse) =>
    sessions.at(-1)?.agenda.find((step) => step.startsWith('Rollentausch'));
  t.match(swap(reverse), /^Rollentausch \(freiwillig\): Die Führungskraft übernimmt/);
  t.match(swap(classic), /^Rollentausch \(freiwillig\): Wer bisher Mentee war/);
});

t.test('a changed plan leaves the next one untouched', async (t) => {
  const first = await plan('en');
  first[0]?.agenda.push('changed');
  first[0]?.homework.mentor.push('changed');
  const tutorial = first[1]?.tutorials[0];
  if (tutorial) tutorial.title = 'changed';
  const second = await plan('en');
  t.notOk(second[0]?.agenda.includes('changed'));
  t.notOk(second[0]?.homework.mentor.includes('changed'));
  t.not(second[1]?.tutorials[0]?.title, 'changed');
});

t.test('the session length is configurable from 30 to 120 minutes', async (t) => {
  t.equal(pluginConfig(halfYear).sessionMinutes, 60);
  const sessions = await plan('en', {}, { sessionMinutes: 90 });
  t.ok(sessions.every((s) => s.durationMinutes === 90));
  t.equal(pluginConfig(halfYear, { sessionMinutes: 30 }).sessionMinutes, 30);
  t.equal(pluginConfig(halfYear, { sessionMinutes: 120 }).sessionMinutes, 120);
  t.throws(() => pluginConfig(halfYear, { sessionMinutes: 29 }), /sessionMinutes must be >= 30/);
  t.throws(() => pluginConfig(halfYear, { sessionMinutes: 121 }), /sessionMinutes must be <= 120/);
  t.throws(
    () => pluginConfig(halfYear, { sessionMinutes: 45.5 }),
    /sessionMinutes must be integer/,
  );
});
