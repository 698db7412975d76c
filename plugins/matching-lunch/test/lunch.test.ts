import type { MatchCandidate, MatchInput } from '@tandem/plugin-sdk';
import { candidate, generateMatchInput, matchingStrategyContract } from '@tandem/plugin-testkit';
import t from 'tap';
import lunch from '../src/index.js';

for (const check of matchingStrategyContract(lunch, { kind: 'peer-lunch' }))
  t.test(check.name, check.run);

const peer = (id: string, department: string, languages = ['de']): MatchCandidate =>
  candidate(id, { profile: { languages, format: 'on-site', department } });

const round = (candidates: MatchCandidate[], more: Partial<MatchInput> = {}): MatchInput => ({
  programme: { id: 'lunch', kind: 'peer-lunch', weights: {}, rules: {} },
  candidates,
  history: [],
  pins: [],
  forbids: [],
  seed: 1,
  ...more,
});

const groupsOf = async (input: MatchInput) =>
  (await lunch.match(input, {} as never)).groups
    .map((g) =>
      g.members
        .map((m) => m.enrolmentId)
        .sort()
        .join('+'),
    )
    .sort();

t.test('different departments are preferred; an odd one out joins a group of three', async (t) => {
  const input = round([
    peer('a', 'IT'),
    peer('b', 'IT'),
    peer('c', 'Haushalt'),
    peer('d', 'Haushalt'),
    peer('e', 'Recht'),
  ]);
  const proposal = await lunch.match(input, {} as never);
  t.same(proposal.unmatched, [], 'everyone has lunch');
  t.equal(proposal.groups.length, 2);
  t.same(proposal.groups.map((g) => g.members.length).sort(), [2, 3]);
  for (const group of proposal.groups) {
    const departments = group.members.map(
      (m) => input.candidates.find((c) => c.enrolmentId === m.enrolmentId)?.profile.department,
    );
    t.ok(
      new Set(departments).size === departments.length,
      `${departments.join(', ')}: all different`,
    );
  }
});

t.test('nobody meets the same person again until the pool is exhausted', async (t) => {
  const people = [peer('a', 'IT'), peer('b', 'Haushalt'), peer('c', 'IT'), peer('d', 'Haushalt')];
  const history: [string, string][] = [
    ['person-a', 'person-b'],
    ['person-c', 'person-d'],
  ];
  t.same(
    await groupsOf(round(people, { history })),
    ['a+d', 'b+c'],
    'new partners, same departments or not',
  );
  const everyone: [string, string][] = [
    ...history,
    ['person-a', 'person-d'],
    ['person-b', 'person-c'],
    ['person-a', 'person-c'],
    ['person-b', 'person-d'],
  ];
  const again = await lunch.match(round(people, { history: everyone }), {} as never);
  t.equal(
    again.groups.length,
    2,
    'when everyone has met everyone, they meet again rather than eat alone',
  );
  t.match(again.groups[0]?.criteria[0]?.why, /Met before/);
  t.match(again.groups[0]?.criteria[0], { code: 'lunch.met-before' });
});

t.test('no shared language, nobody to have lunch with', async (t) => {
  const proposal = await lunch.match(
    round([peer('a', 'IT'), peer('b', 'Recht'), peer('sam', 'IT', ['en'])]),
    {} as never,
  );
  t.same(proposal.unmatched, [
    {
      enrolmentId: 'sam',
      reason:
        'Nobody left could have lunch with them: no shared language, no common time for lunch, or excluded.',
      code: 'unmatched.no-lunch-partner',
    },
  ]);
});

t.test('a large round of 301 people pairs everyone', async (t) => {
  const input = generateMatchInput({ count: 301, seed: 7, kind: 'peer-lunch' });
  const proposal = await lunch.match({ ...input, history: [] }, {} as never);
  const placed = proposal.groups.reduce((sum, g) => sum + g.members.length, 0);
  t.equal(placed + proposal.unmatched.length, 301);
  t.ok(
    proposal.unmatched.length <= 3,
    `${proposal.unmatched.length} without lunch (language or exclusions)`,
  );
});

t.test('self-service lunch: new people from other departments first', async (t) => {
  const people = [
    peer('a', 'IT'),
    peer('b', 'IT'),
    peer('c', 'Recht'),
    peer('d', 'Haushalt'),
    peer('e', 'Recht', ['en']),
  ];
  const input = round(people, { history: [['person-a', 'person-d']] });
  const suggestions = (await lunch.suggest?.(input, 'a', {} as never)) ?? [];
  t.same(
    suggestions.map((s) => [s.enrolmentId, s.score]),
    [
      ['c', 100],
      ['b', 40],
    ],
    'd was met before, e shares no language',
  );
  const everyoneMet = round(people.slice(0, 2), { history: [['person-a', 'person-b']] });
  t.match(
    await lunch.suggest?.(everyoneMet, 'a', {} as never),
    [{ enrolmentId: 'b', criteria: [{ why: /^Met before/ }] }],
    'when nobody new is left, an earlier partner',
  );
});

t.test('where lunches are planned, a group always has a weekly time for one', async (t) => {
  const at = (weekday: number, from: string, to: string) => [{ weekday, from, to }];
  const person = (
    id: string,
    department: string,
    availability: MatchCandidate['profile']['availability'],
  ) => candidate(id, { profile: { format: 'on-site', department, availability } });
  const input = round(
    [
      person('a', 'IT', at(2, '12:00', '13:00')),
      person('b', 'Haushalt', at(2, '12:00', '13:00')),
      // Both fit a and b by department, but c lunches only on Thursdays, d at 12:30.
      person('c', 'Recht', at(4, '12:00', '13:00')),
      person('d', 'Presse', at(2, '12:30', '13:30')),
    ],
    { programme: { id: 'lunch', kind: 'peer-lunch', weights: {}, rules: { sessionMinutes: 60 } } },
  );
  const proposal = await lunch.match(input, {} as never);
  t.same(await groupsOf(input), ['a+b'], 'nobody joins a group they cannot lunch with');
  t.same(proposal.unmatched.map((u) => u.enrolmentId).sort(), ['c', 'd'], 'the rest are told why');
  t.match(proposal.unmatched[0]?.reason, /no common time for lunch/);
});

t.test('where lunches are not planned, no common time neither bars nor weighs', async (t) => {
  const input = round([
    candidate('a', {
      profile: {
        format: 'on-site',
        department: 'IT',
        availability: [{ weekday: 2, from: '12:00', to: '13:00' }],
      },
    }),
    candidate('b', {
      profile: {
        format: 'on-site',
        department: 'Recht',
        availability: [{ weekday: 4, from: '12:00', to: '13:00' }],
      },
    }),
  ]);
  t.same(await groupsOf(input), ['a+b']);
  t.same(await lunch.suggest?.(input, 'a', {} as never), [
    {
      enrolmentId: 'b',
      score: 100,
      criteria: [
        {
          name: 'department',
          score: 100,
          weight: 1,
          why: 'They come from IT and Recht.',
          code: 'department.different',
          params: { departments: ['IT', 'Recht'] },
        },
      ],
    },
  ]);
});

t.test(
  'with the rule of different departments, an earlier partner comes before a colleague',
  async (t) => {
    const people = [peer('a', 'IT'), peer('b', 'IT'), peer('c', 'Recht'), peer('d', 'Personal')];
    const history: [string, string][] = [
      ['person-a', 'person-c'],
      ['person-a', 'person-d'],
    ];
    t.same(
      await groupsOf(round(people, { history })),
      ['a+b', 'c+d'],
      'without the rule: someone new, even from the same department',
    );
    const rule = {
      programme: {
        id: 'lunch',
        kind: 'peer-lunch' as const,
        weights: {},
        rules: { department: 'different' },
      },
    };
    const groups = await groupsOf(round(people, { history, ...rule }));
    t.notOk(groups.includes('a+b'), `with it no pair of one department: ${groups.join(', ')}`);
    t.equal(groups.length, 2, 'and still everyone has lunch');

    const three = [peer('a', 'IT'), peer('b', 'IT'), peer('c', 'IT'), peer('d', 'Recht')];
    t.equal(
      (await groupsOf(round(three, rule))).length,
      2,
      'where it cannot be avoided, colleagues share a lunch rather than eat alone',
    );
  },
);
