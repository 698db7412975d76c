import { defineCurriculum, type Locale, type SessionPlan, Type } from '@tandem/plugin-sdk';
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
}

const TOPICS = [
  'Kick-off',
  'E-Akte',
  'KI-Assistenten',
  'Datenkompetenz',
  'Agiles Arbeiten',
  'Bilanz',
];

/** Six monthly-ish sessions over half a year; flaws break one rule each. */
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
  'de and en plan the same sessions',
];

const both = (rule: string) => [`reverse-mentoring: ${rule}`, `classic-mentoring: ${rule}`];

t.test('the checks: the config, then every rule for every kind', async (t) => {
  const checks = curriculumContract(halfYear());
  t.same(
    checks.map((c) => c.name),
    [
      'config is valid against configSchema',
      ...RULES.map((rule) => `reverse-mentoring: ${rule}`),
      ...RULES.map((rule) => `classic-mentoring: ${rule}`),
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
  t.equal(shape.size, 18, 'all but the config check');
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
