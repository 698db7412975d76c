import type { MatchInput, Suggestions } from '@tandem/plugin-sdk';
import { peerRules, weigh } from './peer-edges.js';

/**
 * Self-service lunch: everyone the person may have lunch with, new people first and, among
 * them, other departments first (ties by id, so the order is stable). Earlier partners come
 * last, and only when nobody new is left; where the programme asks for different departments,
 * colleagues from one’s own department come after everyone else.
 */
export function suggestPeers(input: MatchInput, enrolmentId: string): Suggestions {
  const person = input.candidates.find((c) => c.enrolmentId === enrolmentId);
  if (!person) return [];
  const { pair } = peerRules(input);
  const others = input.candidates
    .filter((c) => c !== person)
    .map((other) => ({ other, ...pair(person, other) }))
    .filter(({ possible }) => possible);
  const fresh = others.filter(({ metBefore }) => !metBefore);
  return (fresh.length ? fresh : others)
    .map(({ other, metBefore, apart }) => {
      const { weight, ...why } = weigh(person, other, metBefore, apart);
      return {
        enrolmentId: other.enrolmentId,
        score: weight,
        criteria: [{ name: 'department', score: weight, weight: 1, ...why }],
      };
    })
    .sort((a, b) => b.score - a.score || (a.enrolmentId < b.enrolmentId ? -1 : 1));
}
