import type { MatchCandidate, MatchInput } from '@tandem/plugin-sdk';
import { type CandidateOptions, candidate, matchingStrategyContract } from '@tandem/plugin-testkit';
import t from 'tap';
import weighted from '../src/index.js';

for (const check of matchingStrategyContract(weighted)) t.test(check.name, check.run);

function person(
  id: string,
  role: MatchCandidate['role'],
  profile: Partial<MatchCandidate['profile']> = {},
  extra: Omit<CandidateOptions, 'role' | 'profile'> = {},
): MatchCandidate {
  return candidate(id, { role, profile, ...extra });
}

function round(candidates: MatchCandidate[], more: Partial<MatchInput> = {}): MatchInput {
  return {
    programme: { id: 'p', kind: 'reverse-mentoring', weights: { skills: 1 }, rules: {} },
    candidates,
    history: [],
    pins: [],
    forbids: [],
    seed: 1,
    ...more,
  };
}

const pairs = async (input: MatchInput) => {
  const proposal = await weighted.match(input, {} as never);
  return proposal.groups.map((g) => g.members.map((m) => m.enrolmentId).join('+')).sort();
};

t.test('the best pairing for the whole cohort, not first come, best served', async (t) => {
  // Brigitte fits Lena best, but Klaus fits only Lena: the cohort is best off with Brigitte–Jonas.
  const input = round([
    person('lena', 'mentor', { skillsOffered: ['ai-assistants', 'e-file'] }),
    person('jonas', 'mentor', { skillsOffered: ['ai-assistants'] }),
    person('brigitte', 'mentee', { skillsWanted: ['ai-assistants', 'e-file'] }),
    person('klaus', 'mentee', { skillsWanted: ['e-file'] }),
  ]);
  t.same(await pairs(input), ['jonas+brigitte', 'lena+klaus']);
});

t.test('each pair comes with its score and the reasons per criterion', async (t) => {
  const input = round(
    [
      person('lena', 'mentor', {
        skillsOffered: ['ai-assistants'],
        experienceYears: 3,
        department: 'IT',
        availability: [{ weekday: 2, from: '09:00', to: '11:00' }],
      }),
      person('brigitte', 'mentee', {
        skillsWanted: ['ai-assistants', 'video-meetings'],
        experienceYears: 28,
        department: 'Bürgerservice',
        availability: [{ weekday: 2, from: '10:00', to: '12:00' }],
      }),
    ],
    { programme: { id: 'p', kind: 'reverse-mentoring', weights: {}, rules: {} } },
  );
  const [group] = (await weighted.match(input, {} as never)).groups;
  t.ok(group && group.score > 0 && group.score <= 100);
  t.same(Object.fromEntries((group?.criteria ?? []).map((c) => [c.name, [c.score, c.weight]])), {
    skills: [50, 3],
    goals: [50, 1],
    availability: [100, 2],
    format: [100, 1],
    generation: [100, 2],
    department: [100, 1],
  });
  t.match(
    group?.criteria.find((c) => c.name === 'skills')?.why,
    /offers ai-assistants of what the mentee wants \(1 of 2\)/,
  );
  t.equal(
    group?.criteria.find((c) => c.name === 'generation')?.why,
    'The mentee has 25 more years of experience.',
  );
  t.equal(
    group?.criteria.find((c) => c.name === 'availability')?.why,
    'They are both free 1 hour a week.',
  );
  t.same(
    Object.fromEntries((group?.criteria ?? []).map((c) => [c.name, [c.code, c.params]])),
    {
      skills: ['skills.offered', { skills: ['ai-assistants'], count: 1, wanted: 2 }],
      goals: ['goals.unknown', undefined],
      availability: ['availability.free', { hours: 1, workingHours: false }],
      format: ['format.both-suit', undefined],
      generation: ['generation.gap', { senior: 'mentee', years: 25 }],
      department: ['department.different', { departments: ['IT', 'Bürgerservice'] }],
    },
    'each reason also comes as a code with values, for the host to word in the reader’s language',
  );
});

t.test('hard rules keep people apart, and the unmatched learn why', async (t) => {
  const input = round(
    [
      person('lena', 'mentor', { skillsOffered: ['e-file'] }),
      person(
        'brigitte',
        'mentee',
        { skillsWanted: ['e-file'] },
        { excludedPersonIds: ['person-lena'] },
      ),
      person('sam', 'mentor', { languages: ['en'] }),
      person('klaus', 'mentee', {}),
    ],
    { history: [['person-lena', 'person-klaus']] },
  );
  const proposal = await weighted.match(input, {} as never);
  t.same(proposal.groups, []);
  t.same(Object.fromEntries(proposal.unmatched.map((u) => [u.enrolmentId, u.reason])), {
    lena: 'Everyone who would fit was excluded by them or excluded them.',
    brigitte: 'Everyone who would fit was excluded by them or excluded them.',
    sam: 'Nobody on the other side shares a language with them.',
    klaus: 'They have been paired with everyone who would fit before.',
  });
  t.same(Object.fromEntries(proposal.unmatched.map((u) => [u.enrolmentId, u.code])), {
    lena: 'unmatched.excluded',
    brigitte: 'unmatched.excluded',
    sam: 'unmatched.no-language',
    klaus: 'unmatched.met-before',
  });
});

t.test('a mentor with room takes two mentees, and the programme cap holds', async (t) => {
  const mentees = ['a', 'b', 'c'].map((id) => person(id, 'mentee', { skillsWanted: ['e-file'] }));
  const lena = person('lena', 'mentor', { skillsOffered: ['e-file'] }, { capacity: 2 });
  t.same(await pairs(round([lena, ...mentees])), ['lena+a', 'lena+b']);
  const capped = await weighted.match(
    round([lena, person('jonas', 'mentor'), ...mentees], {
      programme: {
        id: 'p',
        kind: 'reverse-mentoring',
        weights: { skills: 1 },
        rules: { maxTandems: 2 },
      },
    }),
    {} as never,
  );
  t.equal(capped.groups.length, 2);
  const full = 'The programme is full: at most 2 tandems.';
  t.match(capped.unmatched, [{ code: 'unmatched.full', params: { tandems: 2 } }]);
  t.same(
    capped.unmatched.map((u) => [u.enrolmentId, u.reason]),
    [
      ['jonas', full],
      [capped.unmatched[1]?.enrolmentId, full],
    ],
    'the weakest pair gives way',
  );
  t.ok(
    capped.groups.every((g) => g.members[0]?.enrolmentId === 'lena'),
    'the two pairs with the skills wanted are kept',
  );
});

t.test('admins weight the criteria; a criterion weighted 0 is left out', async (t) => {
  const input = round([person('lena', 'mentor'), person('klaus', 'mentee')], {
    programme: { id: 'p', kind: 'classic-mentoring', weights: { skills: 0, goals: 0 }, rules: {} },
  });
  const [group] = (await weighted.match(input, {} as never)).groups;
  t.same(
    group?.criteria.map((c) => c.name),
    ['availability', 'format', 'generation', 'department'],
  );
});

t.test('self-service suggestions: who may meet the person, best first, with reasons', async (t) => {
  const input = round([
    person('lena', 'mentor', { skillsOffered: ['e-file', 'ai-assistants'] }),
    person('jonas', 'mentor', { skillsOffered: ['ai-assistants'] }),
    person('sam', 'mentor', { skillsOffered: ['e-file'], languages: ['en'] }),
    person('brigitte', 'mentee', { skillsWanted: ['e-file', 'ai-assistants'] }),
  ]);
  const skillsOnly = {
    skills: 1,
    goals: 0,
    availability: 0,
    format: 0,
    generation: 0,
    department: 0,
  };
  input.programme.weights = skillsOnly;
  const suggestions = (await weighted.suggest?.(input, 'brigitte', {} as never)) ?? [];
  t.same(
    suggestions.map((s) => [s.enrolmentId, s.score]),
    [
      ['lena', 100],
      ['jonas', 50],
    ],
    'sam shares no language and is left out',
  );
  t.match(suggestions[0]?.criteria, [{ name: 'skills', why: /e-file, ai-assistants/ }]);
  t.same(await weighted.suggest?.(input, 'nobody', {} as never), []);
});

const planned = (sessionMinutes: number, weights: Record<string, number> = { skills: 1 }) => ({
  programme: { id: 'p', kind: 'reverse-mentoring' as const, weights, rules: { sessionMinutes } },
});

t.test('people who can never meet for a whole session are not paired', async (t) => {
  const input = round(
    [
      person('lena', 'mentor', {
        skillsOffered: ['e-file'],
        availability: [{ weekday: 2, from: '09:00', to: '10:30' }],
      }),
      person('jonas', 'mentor', { availability: [{ weekday: 3, from: '14:00', to: '16:00' }] }),
      // Half an hour with Lena on Tuesdays, a whole hour with Jonas on Wednesdays.
      person('brigitte', 'mentee', {
        skillsWanted: ['e-file'],
        availability: [
          { weekday: 2, from: '10:00', to: '11:00' },
          { weekday: 3, from: '14:00', to: '15:00' },
        ],
      }),
      // An hour with Jonas, but not from a quarter hour: no planned meeting fits it.
      person('klaus', 'mentee', { availability: [{ weekday: 3, from: '15:05', to: '16:05' }] }),
    ],
    planned(60),
  );
  const proposal = await weighted.match(input, {} as never);
  t.same(await pairs(input), ['jonas+brigitte'], 'Brigitte goes to the mentor she can meet');
  t.same(Object.fromEntries(proposal.unmatched.map((u) => [u.enrolmentId, u.reason])), {
    lena: 'Nobody who would fit is free at the same time as them for a whole session, so no meeting could be planned.',
    klaus:
      'Nobody who would fit is free at the same time as them for a whole session, so no meeting could be planned.',
  });
  t.same(
    (await weighted.suggest?.(input, 'klaus', {} as never))?.map((s) => s.enrolmentId),
    [],
    'nobody is suggested whom Klaus can never meet',
  );
});

t.test(
  'someone who gave no times is free during working hours, as the planner assumes',
  async (t) => {
    const input = round(
      [
        person('lena', 'mentor', { skillsOffered: ['e-file'] }),
        person('brigitte', 'mentee', {
          skillsWanted: ['e-file'],
          availability: [{ weekday: 2, from: '16:00', to: '18:00' }],
        }),
        person('klaus', 'mentee', {
          skillsWanted: ['e-file'],
          availability: [{ weekday: 6, from: '10:00', to: '12:00' }],
        }),
      ],
      planned(60, { skills: 1, availability: 1 }),
    );
    const proposal = await weighted.match(input, {} as never);
    t.same(await pairs(input), ['lena+brigitte']);
    t.same(
      proposal.groups[0]?.criteria.find((c) => c.name === 'availability'),
      {
        name: 'availability',
        score: 100,
        weight: 1,
        why: 'They are both free 1 hour a week (working hours assumed where no times were given).',
        code: 'availability.free',
        params: { hours: 1, workingHours: true },
      },
    );
    t.match(proposal.unmatched, [{ enrolmentId: 'klaus', reason: /free at the same time/ }]);
  },
);

t.test(
  'where meetings are not planned, people with no common time may pair, with availability 0',
  async (t) => {
    const input = round(
      [
        person('lena', 'mentor', {
          skillsOffered: ['e-file'],
          availability: [{ weekday: 1, from: '09:00', to: '10:00' }],
        }),
        person('brigitte', 'mentee', {
          skillsWanted: ['e-file'],
          availability: [{ weekday: 5, from: '09:00', to: '10:00' }],
        }),
      ],
      {
        programme: {
          id: 'p',
          kind: 'reverse-mentoring',
          weights: {
            skills: 1,
            availability: 1,
            goals: 0,
            format: 0,
            generation: 0,
            department: 0,
          },
          rules: {},
        },
      },
    );
    const [group] = (await weighted.match(input, {} as never)).groups;
    t.equal(group?.score, 50, 'the mean of 100 and 0: no barrier, no further penalty');
    t.same(
      group?.criteria.find((c) => c.name === 'availability'),
      {
        name: 'availability',
        score: 0,
        weight: 1,
        why: 'They share no weekly time.',
        code: 'availability.none',
        params: { workingHours: false },
      },
    );
  },
);
