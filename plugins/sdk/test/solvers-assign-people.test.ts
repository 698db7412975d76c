import t from 'tap';
import { assignMentees, pairPeers } from '../src/solvers/index.js';

interface Person {
  id: string;
  capacity?: number;
}

const ids = (pairs: { mentor: Person; mentee: Person }[]) =>
  pairs.map(({ mentor, mentee }) => `${mentor.id}-${mentee.id}`);

t.test('assignMentees: the best total for the cohort, not the best first', async (t) => {
  const mentors = [{ id: 'A' }, { id: 'B' }];
  const mentees = [{ id: 'x' }, { id: 'y' }];
  const table: Record<string, number> = { 'A-x': 10, 'A-y': 9, 'B-x': 8, 'B-y': 1 };
  const { pairs, unassigned } = assignMentees({
    mentors,
    mentees,
    score: (m, e) => table[`${m.id}-${e.id}`],
  });
  // Greedy would take A-x (10) and leave B-y (1): 11; the exact answer is A-y + B-x: 17.
  t.same(ids(pairs), ['B-x', 'A-y']);
  t.same(
    pairs.map((p) => p.score),
    [8, 9],
  );
  t.same(unassigned, []);
});

t.test('assignMentees: capacities, forbidden pairs and the unassigned', async (t) => {
  const mentors: Person[] = [{ id: 'A', capacity: 2 }, { id: 'B' }];
  const mentees: Person[] = [{ id: 'x' }, { id: 'y' }, { id: 'z' }, { id: 'w' }];
  const { pairs, unassigned } = assignMentees({
    mentors,
    mentees,
    capacity: (m) => m.capacity ?? 1,
    // B may meet nobody but w; w only B. z may meet nobody.
    score: (m, e) =>
      e.id === 'z' ? null : m.id === 'B' ? (e.id === 'w' ? 5 : undefined) : e.id === 'w' ? null : 7,
  });
  t.same(ids(pairs), ['A-x', 'A-y', 'B-w']);
  t.same(
    unassigned.map((e) => e.id),
    ['z'],
  );
});

t.test('assignMentees: most pairs first, then the total', async (t) => {
  const { pairs } = assignMentees({
    mentors: [{ id: 'A' }, { id: 'B' }],
    mentees: [{ id: 'x' }, { id: 'y' }],
    // x with A is worth 100, but then y has nobody: two pairs worth 2 win.
    score: (m, e) => (e.id === 'y' ? (m.id === 'A' ? 1 : null) : m.id === 'A' ? 100 : 1),
  });
  t.same(ids(pairs), ['B-x', 'A-y']);
});

t.test('assignMentees: equal scores spread mentees over mentors', async (t) => {
  const { pairs } = assignMentees({
    mentors: [{ id: 'A' }, { id: 'B' }],
    mentees: [{ id: 'x' }, { id: 'y' }],
    capacity: () => 2,
    score: () => 50,
  });
  t.equal(new Set(pairs.map((p) => p.mentor.id)).size, 2);
});

t.test('assignMentees: a capacity that is not a whole number is refused', async (t) => {
  t.throws(
    () => assignMentees({ mentors: [{}], mentees: [{}], capacity: () => 1.5, score: () => 1 }),
    RangeError,
  );
});

t.test('pairPeers: the most pairs, then the best total, by score or by edges', async (t) => {
  const people = ['a', 'b', 'c', 'd'];
  const table: Record<string, number> = { 'a-b': 1, 'b-c': 10, 'c-d': 1 };
  const byScore = pairPeers({ people, score: (x, y) => table[`${x}-${y}`] });
  t.same(
    byScore.pairs.map(({ a, b, score }) => `${a}${b}:${score}`),
    ['ab:1', 'cd:1'],
  );
  t.same(byScore.unpaired, []);
  const byEdges = pairPeers({ people: ['a', 'b', 'c'], edges: [{ a: 1, b: 2, score: 3 }] });
  t.same(
    byEdges.pairs.map(({ a, b }) => a + b),
    ['bc'],
  );
  t.same(byEdges.unpaired, ['a']);
});
