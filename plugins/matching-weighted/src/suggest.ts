import type { MatchInput, Suggestions } from '@tandem/plugin-sdk';
import { barriers } from './barriers.js';
import { pairScorer } from './score.js';
import { sides } from './sides.js';

/**
 * Self-service: everyone on the other side who may meet the person, best first (ties by id, so
 * the order is stable), scored on the same criteria as the cohort matching.
 */
export function suggest(input: MatchInput, enrolmentId: string): Suggestions {
  const person = input.candidates.find((c) => c.enrolmentId === enrolmentId);
  if (!person) return [];
  const { mentors, mentees } = sides(input.candidates);
  const isMentee = mentees.includes(person);
  const blocked = barriers(input);
  const scorer = pairScorer(input);
  const self = scorer.person(person);
  const pairs = (isMentee ? mentors : mentees)
    .filter((other) => other !== person)
    .map((other) => ({
      other,
      mentor: isMentee ? other : person,
      mentee: isMentee ? person : other,
    }));
  return pairs
    .filter(({ mentor, mentee }) => !blocked(mentor, mentee))
    .map(({ other, mentor }) => {
      const them = scorer.person(other);
      return {
        enrolmentId: other.enrolmentId,
        ...(mentor === other ? scorer.explain(them, self) : scorer.explain(self, them)),
      };
    })
    .sort((a, b) => b.score - a.score || (a.enrolmentId < b.enrolmentId ? -1 : 1));
}
