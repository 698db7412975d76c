import type { ReviewedMatch } from '../data/matching.js';

type Member = ReviewedMatch['members'][number];

const ROLE_ORDER: Record<Member['role'], number> = { mentor: 0, mentee: 1, peer: 2 };

/** Members in a stable order (mentor first, then by name): the server's order may vary. */
export function sortedMembers(match: ReviewedMatch): Member[] {
  return [...match.members].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name),
  );
}

/** A pair as the review names it: "Mia & Erik". */
export function pairNames(match: ReviewedMatch): string {
  return sortedMembers(match)
    .map((member) => member.name)
    .join(' & ');
}
