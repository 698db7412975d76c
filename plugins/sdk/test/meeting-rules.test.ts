import t from 'tap';
import {
  canMeetWeekly,
  type MatchCandidate,
  type MatchInput,
  type MeetingVerdict,
  mayMeet,
  type WeeklyWindow,
  withoutPins,
} from '../src/index.js';
import { candidate } from './candidate.js';

const round = (candidates: MatchCandidate[], more: Partial<MatchInput> = {}): MatchInput => ({
  programme: { id: 'p', kind: 'reverse-mentoring', weights: {}, rules: {} },
  candidates,
  history: [],
  pins: [],
  forbids: [],
  seed: 1,
  ...more,
});

/** The rule keys of a verdict's reasons (empty when they may meet). */
const rules = (verdict: MeetingVerdict) => (verdict.ok ? [] : verdict.reasons.map((r) => r.rule));

t.test('two people with nothing against them may meet', async (t) => {
  t.same(mayMeet(round([candidate('a'), candidate('b')]), 'a', 'b'), { ok: true, avoid: [] });
});

t.test('each rule says no, with its key, a sentence and whom it concerns', async (t) => {
  const cases: [string, MatchInput][] = [
    ['excluded', round([candidate('a', { excludedPersonIds: ['person-b'] }), candidate('b')])],
    [
      'met-before',
      round([candidate('a'), candidate('b')], { history: [['person-b', 'person-a']] }),
    ],
    ['forbidden', round([candidate('a'), candidate('b')], { forbids: [['b', 'a']] })],
    ['no-language', round([candidate('a'), candidate('b', { profile: { languages: ['en'] } })])],
    [
      'same-side',
      round([candidate('a', { role: 'mentor' }), candidate('b', { role: 'mentor', capacity: 2 })]),
    ],
    [
      'same-department',
      round(
        [
          candidate('a', { profile: { department: 'IT' } }),
          candidate('b', { profile: { department: 'IT' } }),
        ],
        {
          programme: {
            id: 'p',
            kind: 'classic-mentoring',
            weights: {},
            rules: { department: 'different' },
          },
        },
      ),
    ],
    [
      'no-common-time',
      round(
        [
          candidate('a', {
            profile: { availability: [{ weekday: 1, from: '09:00', to: '10:00' }] },
          }),
          candidate('b', {
            profile: { availability: [{ weekday: 2, from: '09:00', to: '10:00' }] },
          }),
        ],
        {
          programme: {
            id: 'p',
            kind: 'classic-mentoring',
            weights: {},
            rules: { sessionMinutes: 60 },
          },
        },
      ),
    ],
  ];
  for (const [rule, input] of cases) {
    const verdict = mayMeet(input, 'a', 'b');
    t.same(rules(verdict), [rule], rule);
    if (verdict.ok) continue;
    t.same(verdict.reasons[0]?.members, ['a', 'b'], `${rule}: the pair`);
    t.match(verdict.reasons[0]?.text, /\w+ .*\./, `${rule}: a sentence`);
  }
});

t.test('department and time rules apply only where the programme sets them', async (t) => {
  const input = round([
    candidate('a', {
      profile: { department: 'IT', availability: [{ weekday: 1, from: '09:00', to: '10:00' }] },
    }),
    candidate('b', {
      profile: { department: 'IT', availability: [{ weekday: 2, from: '09:00', to: '10:00' }] },
    }),
  ]);
  t.ok(mayMeet(input, 'a', 'b').ok);
});

t.test('a host rule in `apart` keeps its key and sentence, in place of the forbid', async (t) => {
  const input = round([candidate('a'), candidate('b'), candidate('c')], {
    forbids: [
      ['a', 'b'],
      ['a', 'c'],
    ],
    apart: [
      {
        members: ['b', 'a'],
        rule: 'reporting-line',
        why: 'One reports to the other.',
        params: { levels: 2 },
      },
    ],
  });
  t.same(mayMeet(input, 'a', 'b'), {
    ok: false,
    reasons: [
      {
        rule: 'reporting-line',
        text: 'One reports to the other.',
        members: ['a', 'b'],
        params: { levels: 2 },
      },
    ],
    avoid: [],
  });
  t.same(rules(mayMeet(input, 'a', 'c')), ['forbidden']);
});

t.test('every broken rule is listed, in a fixed order', async (t) => {
  const input = round(
    [
      candidate('a', { excludedPersonIds: ['person-b'] }),
      candidate('b', { profile: { languages: ['en'] } }),
    ],
    { forbids: [['a', 'b']], history: [['person-a', 'person-b']] },
  );
  t.same(rules(mayMeet(input, 'b', 'a')), ['excluded', 'met-before', 'forbidden', 'no-language']);
});

t.test('groups of three: every pair, and one language and one time for all', async (t) => {
  const three = [
    candidate('a', { profile: { languages: ['de', 'en'] } }),
    candidate('b', { profile: { languages: ['de', 'fr'] } }),
    candidate('c', { profile: { languages: ['en', 'fr'] } }),
  ];
  const lunch = { id: 'l', kind: 'peer-lunch' as const, weights: {}, rules: {} };
  const input = round(three, { programme: lunch });
  t.ok(mayMeet(input, 'a', 'b').ok, 'each pair shares a language');
  const verdict = mayMeet(input, 'a', 'b', 'c');
  t.same(rules(verdict), ['no-language'], 'but the three share none');
  t.same(verdict.ok ? [] : verdict.reasons[0]?.members, ['a', 'b', 'c']);
  const forbidding = round(
    three.map((p) => ({ ...p, profile: { ...p.profile, languages: ['de'] } })),
    {
      programme: lunch,
      forbids: [['c', 'b']],
    },
  );
  const forbidden = mayMeet(forbidding, 'a', 'b', 'c');
  t.same(rules(forbidden), ['forbidden']);
  t.same(forbidden.ok ? [] : forbidden.reasons[0]?.members, ['b', 'c'], 'names the pair');
});

t.test('the time rule answers as canMeetWeekly, for odd windows and lengths too', async (t) => {
  // A small seeded generator: the same groups every run.
  let state = 7;
  const next = (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  };
  const time = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  // Mornings of a few days, on the quarter hour or on any minute; overlapping, touching, empty
  // or backwards windows; now and then none at all (office hours then).
  const minute = (quarters: number) => (next(2) === 0 ? 15 * next(quarters) : next(15 * quarters));
  const windows = (): WeeklyWindow[] =>
    Array.from({ length: next(4) }, () => {
      const from = 8 * 60 + minute(16);
      const to = Math.min(from + minute(12) - 15, 23 * 60 + 59);
      return { weekday: [1, 2, 3, 7][next(4)] ?? 1, from: time(from), to: time(to) };
    });
  let [agreed, apart] = [0, 0];
  for (let round = 0; round < 600; round++) {
    const minutes = [7, 15, 30, 45, 60, 90, 100, 240][next(8)] ?? 60;
    const people = Array.from({ length: 2 + next(2) }, (_, i) =>
      candidate(`p${i}`, { profile: { availability: windows() } }),
    );
    const input: MatchInput = {
      programme: { id: 'p', kind: 'peer-lunch', weights: {}, rules: { sessionMinutes: minutes } },
      candidates: people,
      history: [],
      pins: [],
      forbids: [],
      seed: 1,
    };
    const can = canMeetWeekly(
      people.map((p) => p.profile.availability),
      minutes,
    );
    const verdict = mayMeet(input, ...people.map((p) => p.enrolmentId));
    if (can === !rules(verdict).includes('no-common-time')) agreed++;
    if (!can) apart++;
  }
  t.equal(agreed, 600, 'every group alike');
  t.ok(apart > 100 && apart < 500, `both answers come up (${apart} of 600 cannot meet)`);
});

t.test('in a peer lunch, meeting again and one department yield: avoid, not no', async (t) => {
  const input = round(
    [
      candidate('a', { profile: { department: 'IT' } }),
      candidate('b', { profile: { department: 'IT' } }),
    ],
    {
      programme: { id: 'l', kind: 'peer-lunch', weights: {}, rules: { department: 'different' } },
      history: [['person-a', 'person-b']],
    },
  );
  const verdict = mayMeet(input, 'a', 'b');
  t.equal(verdict.ok, true);
  t.same(
    verdict.avoid.map((r) => r.rule),
    ['met-before', 'same-department'],
  );
  const mentoring = {
    ...input,
    programme: { ...input.programme, kind: 'classic-mentoring' as const },
  };
  t.same(rules(mayMeet(mentoring, 'a', 'b')), ['met-before', 'same-department']);
});

t.test('a mentoring group needs both sides; `either` takes any', async (t) => {
  const input = round([
    candidate('m', { role: 'mentor', capacity: 2 }),
    candidate('x', { role: 'mentee' }),
    candidate('y', { role: 'mentee' }),
    candidate('e'),
  ]);
  t.ok(mayMeet(input, 'm', 'x', 'y').ok, 'a mentor with two mentees');
  t.same(rules(mayMeet(input, 'x', 'y')), ['same-side']);
  t.ok(mayMeet(input, 'x', 'e').ok);
});

t.test('unknown ids and lone people are refused loudly', async (t) => {
  const input = round([candidate('a'), candidate('b')]);
  t.throws(() => mayMeet(input, 'a', 'z'), RangeError);
  t.throws(() => mayMeet(input, 'a'), RangeError);
});

t.test('withoutPins: pinned groups with sides, the rest with capacities reduced', async (t) => {
  const input = round(
    [
      candidate('m', { role: 'mentor', capacity: 3 }),
      candidate('e', { capacity: 2 }),
      candidate('x', { role: 'mentee' }),
      candidate('y', { role: 'mentee' }),
      candidate('z', { role: 'mentee' }),
    ],
    {
      pins: [{ members: ['x', 'm'], roles: { m: 'mentor', x: 'mentee' } }, { members: ['y', 'e'] }],
    },
  );
  const { pinned, rest } = withoutPins(input);
  t.same(pinned, [
    [
      { enrolmentId: 'x', role: 'mentee' },
      { enrolmentId: 'm', role: 'mentor' },
    ],
    [
      { enrolmentId: 'y', role: 'mentee' },
      { enrolmentId: 'e', role: 'mentor' },
    ],
  ]);
  t.same(
    rest.candidates.map((c) => [c.enrolmentId, c.role, c.capacity]),
    [
      ['m', 'mentor', 2],
      ['e', 'mentor', 1],
      ['z', 'mentee', 1],
    ],
  );
  t.same(rest.pins, []);
  const lunch = withoutPins({
    ...input,
    programme: { ...input.programme, kind: 'peer-lunch' },
    pins: [{ members: ['y', 'z'] }],
  });
  t.same(lunch.pinned, [
    [
      { enrolmentId: 'y', role: 'peer' },
      { enrolmentId: 'z', role: 'peer' },
    ],
  ]);
});
