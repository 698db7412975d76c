import type { MatchCandidate } from '@tandem/plugin-sdk';

/**
 * Mentors and mentees. People who enrolled as `either` fill the smaller side, one at a time, in
 * the order they come, so that as many as possible find a partner.
 */
export function sides(candidates: readonly MatchCandidate[]): {
  mentors: MatchCandidate[];
  mentees: MatchCandidate[];
} {
  const mentors = candidates.filter((c) => c.role === 'mentor');
  const mentees = candidates.filter((c) => c.role === 'mentee');
  const mentorSlots = () => mentors.reduce((sum, m) => sum + m.capacity, 0);
  for (const candidate of candidates.filter((c) => c.role === 'either')) {
    if (mentorSlots() < mentees.length + 1) mentors.push(candidate);
    else mentees.push(candidate);
  }
  return { mentors, mentees };
}
