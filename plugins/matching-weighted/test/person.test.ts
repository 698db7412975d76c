import { canMeetWeekly, commonWeeklyMinutes, type WeeklyWindow } from '@tandem/plugin-sdk';
import { candidate, generateMatchInput } from '@tandem/plugin-testkit';
import t from 'tap';
import weighted from '../src/index.js';
import { canMeet, commonMinutes, personOf } from '../src/person.js';

// The strategy reads each person's windows and goals once per round and pairs them up from
// there; these tests hold that to what reading the two people's profiles together answers.

t.test('weekly time read once per person is what the SDK answers for the pair', async (t) => {
  // A small seeded generator: the same pairs every run.
  let state = 11;
  const next = (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  };
  const time = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  // Overlapping, touching, empty or backwards windows, on the quarter hour or any minute, on
  // days the schema allows and some it does not; now and then none (working hours then).
  const minute = (quarters: number) => (next(2) === 0 ? 15 * next(quarters) : next(15 * quarters));
  const windows = (): WeeklyWindow[] =>
    Array.from({ length: next(5) }, () => {
      const from = 7 * 60 + minute(40);
      const to = Math.min(from + minute(16) - 15, 23 * 60 + 59);
      return { weekday: [0, 1, 2, 3, 5, 7, 8][next(7)] ?? 1, from: time(from), to: time(to) };
    });
  const person = (id: string) => candidate(id, { profile: { availability: windows() } });
  let [sameMinutes, sameMeeting, shared, meet] = [0, 0, 0, 0];
  for (let round = 0; round < 800; round++) {
    const minutes = [15, 30, 45, 60, 90, 240][next(6)] ?? 60;
    const [a, b] = [person('a'), person('b')];
    const pair = [a.profile.availability, b.profile.availability];
    const [x, y] = [personOf(a, minutes), personOf(b, minutes)];
    const overlap = commonWeeklyMinutes(pair);
    const can = canMeetWeekly(pair, minutes);
    if (commonMinutes(x.week, y.week) === overlap) sameMinutes++;
    if (canMeet(x, y, minutes) === can) sameMeeting++;
    if (overlap > 0) shared++;
    if (can) meet++;
  }
  t.equal(sameMinutes, 800, 'the minutes both are free, every pair alike');
  t.equal(sameMeeting, 800, 'whether a meeting fits, every pair alike');
  t.ok(shared > 200 && shared < 700, `some pairs share time, some not (${shared} of 800)`);
  t.ok(meet > 100 && meet < shared, `some of those can meet for a session (${meet})`);
});

t.test('goals are read in words of four letters or more, in any case, umlauts too', async (t) => {
  const mentor = candidate('m', {
    role: 'mentor',
    profile: { goals: ['Digitalisierung verstehen', 'KI im Alltag', 'Führung', 'den Kopf frei'] },
  });
  const mentee = candidate('e', {
    role: 'mentee',
    profile: { goals: ['DIGITALISIERUNG', 'den Alltag erleichtern', 'KI', 'führung'] },
  });
  const proposal = await weighted.match(
    {
      programme: { id: 'p', kind: 'reverse-mentoring', weights: { goals: 1 }, rules: {} },
      candidates: [mentor, mentee],
      history: [],
      pins: [],
      forbids: [],
      seed: 1,
    },
    {} as never,
  );
  const goals = proposal.groups[0]?.criteria.find((c) => c.name === 'goals');
  t.same(
    [goals?.score, goals?.code, goals?.params],
    [100, 'goals.shared', { words: ['digitalisierung', 'alltag', 'führung'] }],
  );
});

t.test('each proposed pair scores the weighted mean of the criteria it lists', async (t) => {
  for (const [seed, rules] of [
    [3, {}],
    [4, { sessionMinutes: 45 }],
    [5, { sessionMinutes: 90, department: 'different' }],
  ] as const) {
    const input = generateMatchInput({
      count: 120,
      seed,
      kind: 'reverse-mentoring',
      mentorShare: 0.5,
      weights: { skills: 3, goals: 1, availability: 2, format: 1, generation: 0.5 },
      rules,
    });
    const { groups } = await weighted.match(input, {} as never);
    t.ok(groups.length > 30, `seed ${seed}: ${groups.length} pairs`);
    const off = groups.filter(({ score, criteria }) => {
      const sum = criteria.reduce((s, c) => s + c.score * c.weight, 0);
      const total = criteria.reduce((s, c) => s + c.weight, 0);
      return score !== Math.round((10 * sum) / total) / 10;
    });
    t.same(
      off.map((g) => g.members.map((m) => m.enrolmentId)),
      [],
      `seed ${seed}: every pair`,
    );
  }
});
