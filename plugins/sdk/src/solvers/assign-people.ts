import { maxWeightAssignment } from './assignment.js';
import { maxWeightMatching } from './general-matching.js';
import { maxWeightAssignmentSparse } from './sparse-assignment.js';

/**
 * A pair's score, or `null` / `undefined` when the two must not be paired (e.g. when
 * `mayMeet` says no). Any finite number is allowed; higher is better.
 */
export type PairScore = number | null | undefined;

/** A mentor's second and later places cost this much each, so equal scores spread mentees. */
export const LATER_PLACE_COST = 1e-6;

/** Above this many matrix cells, the sparse solver runs on the allowed pairs instead. */
const DENSE_CELLS = 4_000_000;

/** What {@link assignMentees} answers. */
export interface MenteeAssignment<M, E> {
  /** One entry per pair, in the order of `mentees`, with the pair's score. */
  pairs: { mentor: M; mentee: E; score: number }[];
  /** The mentees without a mentor, in their order. */
  unassigned: E[];
}

/**
 * Assigns mentees to mentors exactly: as many pairs as the capacities and the allowed pairs
 * permit, and among those the largest total score (never first come, best served). Each mentor
 * takes up to `capacity(mentor)` mentees (1 when not given); `score` is asked once per mentor
 * and mentee, and `null` or `undefined` forbids the pair. Among equal totals, mentees spread
 * over mentors ({@link LATER_PLACE_COST}). Builds on {@link maxWeightAssignment} (or
 * {@link maxWeightAssignmentSparse} for very large rounds): the capacity expansion, indexing
 * and mapping back to people are done here.
 *
 * @example
 * ```ts
 * const { pairs } = assignMentees({
 *   mentors, mentees,
 *   capacity: (m) => m.capacity,
 *   score: (mentor, mentee) =>
 *     mayMeet(input, mentor.enrolmentId, mentee.enrolmentId).ok ? myScore(mentor, mentee) : null,
 * });
 * ```
 * @throws RangeError when a capacity is not a whole number ≥ 0, or a score is `+Infinity`.
 */
export function assignMentees<M, E>(options: {
  mentors: readonly M[];
  mentees: readonly E[];
  capacity?: (mentor: M) => number;
  score: (mentor: M, mentee: E) => PairScore;
}): MenteeAssignment<M, E> {
  const { mentors, mentees, capacity = () => 1, score } = options;
  const slots = mentors.flatMap((mentor, m) => {
    const places = capacity(mentor);
    if (!Number.isInteger(places) || places < 0)
      throw new RangeError(`assignMentees: capacity must be a whole number ≥ 0, got ${places}`);
    return Array.from({ length: places }, (_, k) => ({ m, k }));
  });
  const scores = mentees.map((mentee) => mentors.map((mentor) => score(mentor, mentee)));
  const weightOf = (r: number, c: number) => {
    const slot = slots[c];
    const fit = slot && scores[r]?.[slot.m];
    return typeof fit === 'number' && slot ? fit - slot.k * LATER_PLACE_COST : Number.NaN;
  };
  const rowToCol =
    mentees.length * slots.length <= DENSE_CELLS
      ? dense(mentees.length, slots.length, weightOf)
      : sparse(mentees.length, slots.length, weightOf);
  const pairs: MenteeAssignment<M, E>['pairs'] = [];
  const unassigned: E[] = [];
  mentees.forEach((mentee, r) => {
    const slot = slots[rowToCol[r] ?? -1];
    const mentor = slot && mentors[slot.m];
    const fit = slot && scores[r]?.[slot.m];
    if (mentor !== undefined && typeof fit === 'number') pairs.push({ mentor, mentee, score: fit });
    else unassigned.push(mentee);
  });
  return { pairs, unassigned };
}

type Weight = (row: number, col: number) => number;

function dense(rows: number, cols: number, weightOf: Weight): Int32Array {
  const matrix = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) matrix[r * cols + c] = weightOf(r, c);
  return maxWeightAssignment(matrix, rows, cols).rowToCol;
}

function sparse(rows: number, cols: number, weightOf: Weight): Int32Array {
  const rowStart = new Int32Array(rows + 1);
  const colIndex: number[] = [];
  const weight: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const w = weightOf(r, c);
      if (Number.isNaN(w)) continue;
      colIndex.push(c);
      weight.push(w);
    }
    rowStart[r + 1] = colIndex.length;
  }
  return maxWeightAssignmentSparse(
    rows,
    cols,
    rowStart,
    Int32Array.from(colIndex),
    Float64Array.from(weight),
  ).rowToCol;
}

/** What {@link pairPeers} answers. */
export interface PeerPairing<P> {
  /** The pairs, in the order of their first member. */
  pairs: { a: P; b: P; score: number }[];
  /** Who has no partner, in their order. */
  unpaired: P[];
}

/**
 * Pairs people of one pool (peers, lunch partners) exactly: the most pairs possible, and among
 * those the largest total score, with {@link maxWeightMatching}. Give either `score`, asked once
 * per two people (`null` or `undefined` forbids the pair), or — for large pools — `edges`, the
 * allowed pairs by index into `people` with their score.
 */
export function pairPeers<P>(
  options: { people: readonly P[] } & (
    | { score: (a: P, b: P) => PairScore }
    | { edges: readonly { a: number; b: number; score: number }[] }
  ),
): PeerPairing<P> {
  const { people } = options;
  const edges = 'edges' in options ? options.edges : allowedPairs(people, options.score);
  const { mate } = maxWeightMatching(
    people.length,
    Int32Array.from(edges, (e) => e.a),
    Int32Array.from(edges, (e) => e.b),
    Float64Array.from(edges, (e) => e.score),
  );
  // Each pair's score by its lower index; of parallel edges the last one's.
  const scoreOf = new Float64Array(people.length);
  for (const { a, b, score } of edges) if (mate[a] === b) scoreOf[Math.min(a, b)] = score;
  const pairs: PeerPairing<P>['pairs'] = [];
  const unpaired: P[] = [];
  people.forEach((a, i) => {
    const j = mate[i] ?? -1;
    const b = people[j];
    if (b === undefined) unpaired.push(a);
    else if (j > i) pairs.push({ a, b, score: scoreOf[i] ?? 0 });
  });
  return { pairs, unpaired };
}

function allowedPairs<P>(people: readonly P[], score: (a: P, b: P) => PairScore) {
  const edges: { a: number; b: number; score: number }[] = [];
  people.forEach((x, a) => {
    for (let b = a + 1; b < people.length; b++) {
      const y = people[b] as P;
      const s = score(x, y);
      if (typeof s === 'number') edges.push({ a, b, score: s });
    }
  });
  return edges;
}
