import {
  defineCurriculum,
  type GlossaryEntry,
  type Locale,
  type Milestone,
  type SessionPlan,
  Type,
} from '@tandem/plugin-sdk';
import t from 'tap';
import { curriculumContract } from '../src/index.js';
import { failures } from './helpers/check-results.js';

/** Ways to break the curriculum, each on its own. */
interface Flaws {
  sessionCount?: number;
  swapOffsets?: boolean;
  lateStart?: boolean;
  overrun?: boolean;
  noMenteeHomework?: boolean;
  shortSession?: boolean;
  plainHttp?: boolean;
  fewerInEnglish?: boolean;
  wrongShape?: boolean;
  throws?: boolean;
  lateKickOff?: boolean;
  earlyClosing?: boolean;
  twoReviews?: boolean;
  twoKickOffs?: boolean;
  noClosingInEnglish?: boolean;
  glossaryShape?: boolean;
  fewerTermsInEnglish?: boolean;
  duplicateTerm?: boolean;
  glossaryThrows?: boolean;
}

const TOPICS = [
  'Kick-off',
  'E-Akte',
  'KI-Assistenten',
  'Datenkompetenz',
  'Agiles Arbeiten',
  'Bilanz',
];

/** Where the milestones fall, by session: kick-off, a review half-way, closing. */
const MILESTONES: readonly (Milestone | undefined)[] = [
  'kick-off',
  undefined,
  'mid-term-review',
  undefined,
  undefined,
  'closing',
];

const TERMS: readonly Record<Locale, GlossaryEntry>[] = [
  {
    de: { term: 'Cloud', explanation: 'Speicher im Rechenzentrum.' },
    en: { term: 'Cloud', explanation: 'Storage in a data centre.' },
  },
  {
    de: { term: 'Wiki', explanation: 'Gemeinsam geschriebene Seiten.', example: 'Das Hauswiki.' },
    en: { term: 'Wiki', explanation: 'Pages written together.', example: 'The in-house wiki.' },
  },
  {
    de: { term: 'E-Akte', explanation: 'Die Akte in digitaler Form.' },
    en: { term: 'E-file', explanation: 'The file in digital form.' },
  },
];

/** The glossary in one language; flaws break one glossary rule each. */
function glossary(locale: Locale, flaws: Flaws): GlossaryEntry[] {
  if (flaws.glossaryThrows) throw new Error('no words today');
  const entries = TERMS.map((entry) => ({ ...entry[locale] }));
  if (flaws.fewerTermsInEnglish && locale === 'en') entries.pop();
  // Replaced rather than added, so de and en keep the same number of entries.
  if (flaws.duplicateTerm && locale === 'de')
    entries[2] = { term: ' cloud', explanation: 'Noch einmal.' };
  if (flaws.glossaryShape && locale === 'en') entries.push({ term: 'VPN', explanation: '' });
  return entries;
}

function milestone(locale: Locale, i: number, flaws: Flaws): Milestone | undefined {
  if (flaws.lateKickOff && i < 2) return i === 1 ? 'kick-off' : undefined;
  if (flaws.earlyClosing && i > 3) return i === 4 ? 'closing' : undefined;
  if (flaws.twoReviews && i === 3) return 'mid-term-review';
  if (flaws.twoKickOffs && i === 1) return 'kick-off';
  if (flaws.noClosingInEnglish && locale === 'en' && i === 5) return undefined;
  return MILESTONES[i];
}

/** Six monthly-ish sessions over half a year, with a glossary; flaws break one rule each. */
function halfYear(flaws: Flaws = {}) {
  return defineCurriculum({
    name: 'half-year',
    version: '1.0.0',
    host: '^0.1.0',
    configSchema: Type.Object({ minutes: Type.Integer({ minimum: 15, default: 60 }) }),
    kinds: ['reverse-mentoring', 'classic-mentoring'],
    title: { de: 'Halbjahr', en: 'Half year' },
    description: { de: 'Sechs Treffen in sechs Monaten.', en: 'Six meetings in six months.' },
    defaults: {
      sessionCount: 6,
      sessionMinutes: 60,
      cadenceWeeks: 4,
      durationWeeks: 26,
      matchingStrategy: 'weighted',
      channels: ['email'],
    },
    sessions: (locale, programme, ctx) => {
      if (flaws.throws) throw new Error('no plan today');
      const count = locale === 'en' && flaws.fewerInEnglish ? 5 : (flaws.sessionCount ?? 6);
      const sessions = TOPICS.slice(0, count).map((topic, i) =>
        session(locale, topic, i, ctx.config.minutes, flaws),
      );
      if (programme.goals.length === 0) throw new Error('the contract passes goals');
      return flaws.wrongShape
        ? sessions.map(({ homework: _, ...rest }) => rest as SessionPlan)
        : sessions;
    },
    glossary: (locale) => glossary(locale, flaws),
  });
}

function session(
  locale: Locale,
  topic: string,
  i: number,
  minutes: number,
  flaws: Flaws,
): SessionPlan {
  const offsets = flaws.swapOffsets ? [0, 4, 12, 8, 16, 20] : [0, 4, 8, 12, 16, 20];
  const offset =
    (offsets[i] ?? 0) + (flaws.lateStart ? 5 : 0) + (flaws.overrun && i === 5 ? 10 : 0);
  const mark = milestone(locale, i, flaws);
  return {
    title: locale === 'de' ? `Treffen ${i + 1}: ${topic}` : `Meeting ${i + 1}: ${topic}`,
    goal: locale === 'de' ? 'Voneinander lernen' : 'Learn from each other',
    agenda: ['Check-in', topic, 'Next steps'],
    tutorials: [
      {
        title: topic,
        url: `${flaws.plainHttp && i === 2 ? 'http' : 'https'}://learn.example.org/${i}`,
        minutes: 10,
      },
    ],
    homework: {
      mentor: i === 0 ? ['Bring an example from your daily work.'] : [],
      mentee: i === 1 && !flaws.noMenteeHomework ? ['Try it once on your own.'] : [],
    },
    durationMinutes: flaws.shortSession && i === 4 ? 5 : minutes,
    ...(mark && { milestone: mark }),
    offsetWeeks: offset,
  };
}

const RULES = [
  'sessions fit SessionPlanSchema',
  'plans at least one session',
  'plans defaults.sessionCount sessions',
  'gives mentor and mentee homework',
  'offsets never decrease',
  'sessions fall within the programme',
  'sessions last 15 to 480 minutes',
  'tutorial links use https',
  'kick-off is the first session',
  'closing is the last session',
  'no milestone twice',
  'de and en plan the same sessions',
];

const GLOSSARY_CHECKS = [
  'glossary fits GlossaryEntrySchema',
  'glossary has as many entries in de as in en',
  'glossary names each term once',
];

const both = (rule: string) => [`reverse-mentoring: ${rule}`, `classic-mentoring: ${rule}`];

t.test('the checks: the config, every rule for every kind, then the glossary', async (t) => {
  const checks = curriculumContract(halfYear());
  t.same(
    checks.map((c) => c.name),
    [
      'config is valid against configSchema',
      ...RULES.map((rule) => `reverse-mentoring: ${rule}`),
      ...RULES.map((rule) => `classic-mentoring: ${rule}`),
      ...GLOSSARY_CHECKS,
    ],
  );
  t.ok(checks.every((c) => c.run.length === 0));
});

t.test('a correct curriculum passes every check', async (t) => {
  t.same([...(await failures(curriculumContract(halfYear()))).entries()], []);
  const custom = curriculumContract(halfYear(), { config: { minutes: 90 }, goals: ['Netzwerk'] });
  t.same([...(await failures(custom)).entries()], []);
});

t.test(
  'each broken rule fails its own check, with a message that says what is wrong',
  async (t) => {
    const cases: [string, Flaws, string, string][] = [
      [
        'too few sessions',
        { sessionCount: 5 },
        'plans defaults.sessionCount sessions',
        `sessions('de') for a reverse-mentoring programme planned 5 sessions, but defaults.sessionCount is 6`,
      ],
      [
        'decreasing offsets',
        { swapOffsets: true },
        'offsets never decrease',
        `sessions('de') for a reverse-mentoring programme puts session 4 at week 8, before session 3 at week 12`,
      ],
      [
        'a late start',
        { lateStart: true },
        'sessions fall within the programme',
        'puts the first session at week 5, later than defaults.cadenceWeeks (4)',
      ],
      [
        'an overrun',
        { overrun: true },
        'sessions fall within the programme',
        'puts the last session at week 30, after defaults.durationWeeks (26)',
      ],
      [
        'no homework for mentees',
        { noMenteeHomework: true },
        'gives mentor and mentee homework',
        'gives the mentee homework in no session',
      ],
      [
        'a five-minute session',
        { shortSession: true },
        'sessions last 15 to 480 minutes',
        'plans session 5 for 5 minutes',
      ],
      [
        'a plain http link',
        { plainHttp: true },
        'tutorial links use https',
        'links a tutorial without https: http://learn.example.org/2',
      ],
      [
        'fewer sessions in English',
        { fewerInEnglish: true },
        'de and en plan the same sessions',
        'de plans 6 sessions but en 5',
      ],
    ];
    for (const [label, flaws, rule, message] of cases) {
      const failed = await failures(curriculumContract(halfYear(flaws)));
      const expected =
        label === 'fewer sessions in English'
          ? [...both(rule), ...both('plans defaults.sessionCount sessions')]
          : both(rule);
      t.same([...failed.keys()].sort(), expected.sort(), label);
      t.match(failed.get(`reverse-mentoring: ${rule}`), message, label);
      t.match(failed.get(`reverse-mentoring: ${rule}`), /^curriculum "half-year": /, label);
    }
  },
);

t.test('a wrong shape or a throw fails every check that needs the plan', async (t) => {
  const shape = await failures(curriculumContract(halfYear({ wrongShape: true })));
  t.equal(shape.size, 2 * RULES.length, 'all but the config and the glossary checks');
  t.equal(
    shape.get('reverse-mentoring: sessions fit SessionPlanSchema'),
    `curriculum "half-year": sessions('de') for a reverse-mentoring programme answered outside SessionPlan[]: /0/homework: Expected required property`,
  );
  const thrown = await failures(curriculumContract(halfYear({ throws: true })));
  t.equal(
    thrown.get('classic-mentoring: plans at least one session'),
    `curriculum "half-year": sessions('de') for a classic-mentoring programme threw Error: no plan today`,
  );
});

t.test('peer lunches need no homework; an empty plan fails at least-one', async (t) => {
  const lunch = (count: number) =>
    defineCurriculum({
      name: 'lunch-roulette',
      version: '1.0.0',
      host: '^0.1.0',
      configSchema: Type.Object({}),
      kinds: ['peer-lunch'],
      title: { de: 'Mittagsroulette', en: 'Lunch roulette' },
      description: { de: 'Einmal im Monat Mittagessen.', en: 'Lunch once a month.' },
      defaults: {
        sessionCount: 3,
        sessionMinutes: 60,
        cadenceWeeks: 4,
        durationWeeks: 12,
        matchingStrategy: 'random-pairs',
        channels: ['email'],
      },
      sessions: (locale) =>
        Array.from({ length: count }, (_, i) => ({
          title: locale === 'de' ? `Mittagessen ${i + 1}` : `Lunch ${i + 1}`,
          goal: '',
          agenda: [],
          tutorials: [],
          homework: { mentor: [], mentee: [] },
          durationMinutes: 60,
          offsetWeeks: i * 4,
        })),
    });
  const checks = curriculumContract(lunch(3));
  t.notOk(
    checks.some((c) => c.name.includes('homework')),
    'no homework check for peer lunches',
  );
  t.notOk(
    checks.some((c) => c.name.includes('glossary')),
    'no glossary checks without a glossary',
  );
  t.same([...(await failures(checks)).keys()], []);
  t.same(
    [...(await failures(curriculumContract(lunch(0)))).keys()],
    ['peer-lunch: plans at least one session', 'peer-lunch: plans defaults.sessionCount sessions'],
  );
});

t.test('an invalid config is named', async (t) => {
  const failed = await failures(curriculumContract(halfYear(), { config: { minutes: 5 } }));
  t.equal(
    failed.get('config is valid against configSchema'),
    'curriculum "half-year": config does not fit configSchema: /minutes must be >= 15',
  );
});

t.test('a milestone out of place fails its own check, in every kind', async (t) => {
  const cases: [string, Flaws, string[], string, string][] = [
    [
      'a kick-off in the second session',
      { lateKickOff: true },
      ['kick-off is the first session'],
      'kick-off is the first session',
      `sessions('de') for a reverse-mentoring programme makes session 2 of 6 the kick-off, which must be the first session`,
    ],
    [
      'a closing before the last session',
      { earlyClosing: true },
      ['closing is the last session'],
      'closing is the last session',
      `sessions('de') for a reverse-mentoring programme makes session 5 of 6 the closing, which must be the last session`,
    ],
    [
      'two mid-term reviews',
      { twoReviews: true },
      ['no milestone twice'],
      'no milestone twice',
      `sessions('de') for a reverse-mentoring programme marks both session 3 and session 4 as mid-term-review`,
    ],
    [
      'two kick-offs: the second is out of place too',
      { twoKickOffs: true },
      ['kick-off is the first session', 'no milestone twice'],
      'no milestone twice',
      'marks both session 1 and session 2 as kick-off',
    ],
    [
      'a closing only in German',
      { noClosingInEnglish: true },
      ['de and en plan the same sessions'],
      'de and en plan the same sessions',
      'for reverse-mentoring, session 6 is the closing in de but no milestone in en',
    ],
  ];
  for (const [label, flaws, rules, rule, message] of cases) {
    const failed = await failures(curriculumContract(halfYear(flaws)));
    t.same([...failed.keys()].sort(), rules.flatMap(both).sort(), label);
    t.match(failed.get(`reverse-mentoring: ${rule}`), message, label);
    t.match(failed.get(`reverse-mentoring: ${rule}`), /^curriculum "half-year": /, label);
  }
});

t.test('a broken glossary fails the glossary checks and nothing else', async (t) => {
  const cases: [string, Flaws, string[], string, string][] = [
    [
      'fewer terms in English',
      { fewerTermsInEnglish: true },
      ['glossary has as many entries in de as in en'],
      'glossary has as many entries in de as in en',
      `curriculum "half-year": glossary('de') has 3 entries but glossary('en') 2`,
    ],
    [
      'a term twice, told apart only by case and a space',
      { duplicateTerm: true },
      ['glossary names each term once'],
      'glossary names each term once',
      `curriculum "half-year": glossary('de') names " cloud" twice, in entries 1 and 3`,
    ],
    [
      'an entry without an explanation: every glossary check needs the shape',
      { glossaryShape: true },
      GLOSSARY_CHECKS,
      'glossary fits GlossaryEntrySchema',
      `curriculum "half-year": glossary('en') answered outside GlossaryEntry[]: /3/explanation: Expected string length greater or equal to 1`,
    ],
    [
      'a glossary that throws',
      { glossaryThrows: true },
      GLOSSARY_CHECKS,
      'glossary names each term once',
      `curriculum "half-year": glossary('de') threw Error: no words today`,
    ],
  ];
  for (const [label, flaws, names, name, message] of cases) {
    const failed = await failures(curriculumContract(halfYear(flaws)));
    t.same([...failed.keys()].sort(), [...names].sort(), label);
    t.equal(failed.get(name), message, label);
  }
});

t.test('the glossary is asked in both languages, with the config', async (t) => {
  const asked: [Locale, number][] = [];
  const curriculum = halfYear();
  const spied = defineCurriculum({
    ...curriculum,
    glossary: (locale, ctx) => {
      asked.push([locale, ctx.config.minutes]);
      return glossary(locale, {});
    },
  });
  const failed = await failures(curriculumContract(spied, { config: { minutes: 90 } }));
  t.same([...failed.keys()], []);
  t.same(asked, [
    ['de', 90],
    ['en', 90],
    ['de', 90],
    ['en', 90],
    ['de', 90],
    ['en', 90],
  ]);
});
