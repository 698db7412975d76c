import t from 'tap';
import { type MatchInput, matchProposalProblem } from '../src/index.js';
import { candidate } from './candidate.js';

t.test('a proposal that places a person twice or breaks the rules is caught', async (t) => {
  const input: MatchInput = {
    programme: { id: 'p', kind: 'classic-mentoring', weights: {}, rules: {} },
    candidates: [candidate('a', { capacity: 2 }), candidate('b'), candidate('c'), candidate('d')],
    history: [],
    pins: [],
    forbids: [['a', 'd']],
    seed: 7,
  };
  const group = (...members: [string, 'mentor' | 'mentee'][]) => ({
    members: members.map(([enrolmentId, role]) => ({ enrolmentId, role })),
    score: 50,
    criteria: [],
  });
  const unmatched = (...ids: string[]) =>
    ids.map((enrolmentId) => ({ enrolmentId, reason: 'none' }));

  t.equal(
    matchProposalProblem(input, {
      groups: [group(['a', 'mentor'], ['b', 'mentee']), group(['a', 'mentor'], ['c', 'mentee'])],
      unmatched: unmatched('d'),
    }),
    undefined,
    'a mentor within capacity',
  );
  t.equal(
    matchProposalProblem(input, {
      groups: [group(['a', 'mentor'], ['b', 'mentee']), group(['c', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('d'),
    }),
    'b is placed 2 times (at most 1)',
  );
  t.equal(
    matchProposalProblem(input, {
      groups: [group(['b', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('a', 'c', 'd'),
    }),
    'a group lists b twice',
  );
  t.equal(
    matchProposalProblem(input, {
      groups: [group(['a', 'mentor'], ['d', 'mentee'])],
      unmatched: unmatched('b', 'c'),
    }),
    'a and d may not meet (forbidden): An admin ruled out that they share a group.',
  );
  t.equal(
    matchProposalProblem(input, {
      groups: [group(['a', 'mentor'], ['x', 'mentee'])],
      unmatched: unmatched('b', 'c', 'd'),
    }),
    'x is not a candidate of this round',
  );
  t.equal(
    matchProposalProblem(input, {
      groups: [group(['a', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('c'),
    }),
    'd is neither matched nor unmatched',
  );
  t.equal(
    matchProposalProblem(input, {
      groups: [group(['a', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('b', 'c', 'd'),
    }),
    'b is both matched and unmatched',
  );
  t.equal(
    matchProposalProblem(
      {
        ...input,
        candidates: [...input.candidates.slice(0, 3), candidate('d', { role: 'mentee' })],
      },
      { groups: [group(['d', 'mentor'], ['b', 'mentee'])], unmatched: unmatched('a', 'c') },
    ),
    'd enrolled as mentee but is placed as mentor',
  );
  const pinned: MatchInput = { ...input, pins: [{ members: ['a', 'c'] }] };
  t.equal(
    matchProposalProblem(pinned, {
      groups: [group(['a', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('c', 'd'),
    }),
    'a, c are pinned together but not grouped together',
  );
  t.equal(
    matchProposalProblem(pinned, {
      groups: [group(['a', 'mentor'], ['c', 'mentee'])],
      unmatched: unmatched('b', 'd'),
    }),
    undefined,
    'a pin honoured',
  );
  t.equal(
    matchProposalProblem(pinned, {
      groups: [group(['a', 'mentor'], ['c', 'mentee']), group(['a', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('d'),
    }),
    undefined,
    'a pinned mentor with capacity 2 may mentor someone else as well',
  );
  const excluding: MatchInput = {
    ...input,
    candidates: input.candidates.map((c) =>
      c.enrolmentId === 'b' ? { ...c, excludedPersonIds: ['person-a'] } : c,
    ),
  };
  t.equal(
    matchProposalProblem(excluding, {
      groups: [group(['a', 'mentor'], ['b', 'mentee'])],
      unmatched: unmatched('c', 'd'),
    }),
    'a and b may not meet (excluded): One of them asked not to meet the other.',
  );
});
