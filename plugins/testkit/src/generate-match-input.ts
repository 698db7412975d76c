import type { MatchCandidate, MatchInput } from '@tandem/plugin-sdk';
import { type GenerateCandidatesOptions, generateCandidates } from './generate-candidates.js';
import { type SeededRandom, seededRandom } from './seeded-random.js';

/** Options of {@link generateMatchInput}: those of `generateCandidates` plus the round's rest. */
export interface GenerateMatchInputOptions extends GenerateCandidatesOptions {
  /** The programme's id; `'programme-1'` when omitted. */
  programmeId?: string;
  /** Weight per criterion; {@link DEFAULT_MATCH_WEIGHTS} when omitted. */
  weights?: Record<string, number>;
  /** Strategy-specific rules; none when omitted. */
  rules?: Record<string, unknown>;
  /** Person-id pairs who were partners before; when omitted, some generated ones. */
  history?: MatchInput['history'];
  /** Enrolment ids fixed to share a group; none when omitted. */
  pins?: MatchInput['pins'];
  /** Enrolment-id pairs ruled out from sharing a group; none when omitted. */
  forbids?: MatchInput['forbids'];
}

/** The weights a generated programme uses unless told otherwise. */
export const DEFAULT_MATCH_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  skills: 3,
  languages: 2,
  availability: 2,
  format: 1,
  location: 1,
  department: 1,
});

// Mixed into the seed for the history, so that generateMatchInput's candidates are exactly
// generateCandidates' for the same options.
const HISTORY_SALT = 0x5bd1e995;

/**
 * Generates everything a matching strategy gets for one round — programme, candidates (as
 * {@link generateCandidates} makes them), history, pins, forbids and seed — the same for the
 * same options. The history pairs about one in six candidates with an earlier partner; pins
 * and forbids are empty unless given. `seed` also becomes the input's `seed`.
 *
 * @throws RangeError as {@link generateCandidates} does.
 */
export function generateMatchInput(options: GenerateMatchInputOptions): MatchInput {
  const { seed, kind = 'reverse-mentoring' } = options;
  const candidates = generateCandidates(options);
  return {
    programme: {
      id: options.programmeId ?? 'programme-1',
      kind,
      weights: { ...(options.weights ?? DEFAULT_MATCH_WEIGHTS) },
      rules: { ...options.rules },
    },
    candidates,
    history: options.history ?? earlierPartners(seededRandom(seed ^ HISTORY_SALT), candidates),
    pins: options.pins ?? [],
    forbids: options.forbids ?? [],
    seed,
  };
}

/** Distinct person-id pairs, smaller id first as the host sends them, mentors with mentees. */
function earlierPartners(random: SeededRandom, candidates: MatchCandidate[]): [string, string][] {
  const givers = candidates.filter((c) => c.role !== 'mentee');
  const takers = candidates.filter((c) => c.role !== 'mentor');
  if (givers.length === 0 || takers.length === 0) return [];
  const pairs = new Map<string, [string, string]>();
  for (let i = 0; i < Math.floor(candidates.length / 6); i++) {
    const [a, b] = [random.pick(givers).personId, random.pick(takers).personId].sort();
    if (a && b && a !== b) pairs.set(`${a} ${b}`, [a, b]);
  }
  // Sorted by code units, not localeCompare, so the order is the same under every locale.
  return [...pairs.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, p]) => p);
}
