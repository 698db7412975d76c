/**
 * `@tandem/plugin-sdk/solvers`: exact matching solvers for matching strategies.
 *
 * - {@link maxWeightAssignment}: two-sided (mentors × mentees), dense score matrix.
 * - {@link maxWeightAssignmentSparse}: two-sided, candidate lists in CSR form.
 * - {@link maxWeightMatching}: one pool (peer lunch rounds), any graph.
 * - {@link assignMentees} and {@link pairPeers}: the same on people, with capacities and a
 *   `score(a, b)` that may forbid a pair; indexing and mapping back done.
 *
 * All three find the most pairs first and, among those, the largest total weight; they never
 * modify their inputs, answer the same for the same input, and throw a `RangeError` on
 * malformed input.
 *
 * @packageDocumentation
 */
export {
  assignMentees,
  LATER_PLACE_COST,
  type MenteeAssignment,
  type PairScore,
  type PeerPairing,
  pairPeers,
} from './assign-people.js';
export { type AssignmentResult, maxWeightAssignment } from './assignment.js';
export { type MatchingResult, maxWeightMatching } from './general-matching.js';
export { maxWeightAssignmentSparse } from './sparse-assignment.js';
