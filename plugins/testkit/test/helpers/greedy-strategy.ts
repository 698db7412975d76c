/**
 * A small but correct matching strategy to run the contract against, and the flaws that can be
 * switched on one at a time to break it in a known way.
 */
import {
  defineMatchingStrategy,
  type MatchCandidate,
  type MatchInput,
  type MatchProposal,
  mayMeet,
  type Suggestions,
  Type,
} from '@tandem/plugin-sdk';

/** Ways to break the strategy, each on its own. */
export interface Flaws {
  placeTwice?: boolean;
  ignoreForbids?: boolean;
  ignoreExclusions?: boolean;
  ignorePins?: boolean;
  randomScores?: boolean;
  crashOnEmpty?: boolean;
  emptyWhy?: boolean;
  emptyUnmatchedReason?: boolean;
  ignoreHistory?: boolean;
  suggestSelf?: boolean;
  suggestWorstFirst?: boolean;
  suggestWithoutWhy?: boolean;
}

type Group = MatchProposal['groups'][number];

/**
 * Pins first, then each mentee (or peer) in enrolment order with the first mentor (or peer)
 * who has room and may meet them (`mayMeet`).
 */
export function greedyStrategy(flaws: Flaws = {}) {
  return defineMatchingStrategy({
    name: 'greedy',
    version: '1.0.0',
    host: '^0.1.0',
    configSchema: Type.Object({
      baseScore: Type.Integer({ minimum: 0, maximum: 90, default: 50 }),
    }),
    match(input, ctx) {
      // The flaw: reduce without a start value throws on an empty list.
      if (flaws.crashOnEmpty) input.candidates.reduce((a) => a);
      const left = initialRoom(input);
      const groups = [...pinnedGroups(input, left, flaws), ...greedyGroups(input, left, flaws)].map(
        (members) => scored(input, members, ctx.config.baseScore, flaws),
      );
      if (flaws.placeTwice && groups[0]) groups.push(groups[0]);
      const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.enrolmentId)));
      const unmatched = input.candidates
        .filter((c) => !placed.has(c.enrolmentId))
        .map((c) => ({
          enrolmentId: c.enrolmentId,
          reason: flaws.emptyUnmatchedReason ? '' : 'No suitable partner with room left.',
        }));
      return { groups, unmatched };
    },
    suggest: (input, enrolmentId, ctx) =>
      suggestions(input, enrolmentId, ctx.config.baseScore, flaws),
  });
}

/** Everyone on the other side who suits the person, scored as in a group, best first. */
function suggestions(
  input: MatchInput,
  enrolmentId: string,
  base: number,
  flaws: Flaws,
): Suggestions {
  const person = input.candidates.find((c) => c.enrolmentId === enrolmentId);
  if (!person) return [];
  const others = input.candidates.filter(
    (c) =>
      (flaws.suggestSelf || c !== person) &&
      (c === person ||
        (suits(input, c, person, flaws, flaws.ignoreHistory ? OWN_RULES_AND_HISTORY : OWN_RULES) &&
          (flaws.ignoreHistory || !metBefore(input, c, person)))),
  );
  const scoredOthers = others.map((other) => {
    const pair: Pair = person.role === 'mentor' ? [person, other] : [other, person];
    const { score, criteria } = scored(input, pair, base, flaws);
    const explained = flaws.suggestWithoutWhy ? criteria.map((c) => ({ ...c, why: '' })) : criteria;
    return { enrolmentId: other.enrolmentId, score, criteria: explained };
  });
  const sign = flaws.suggestWorstFirst ? -1 : 1;
  return scoredOthers.sort(
    (a, b) => sign * (b.score - a.score) || (a.enrolmentId < b.enrolmentId ? -1 : 1),
  );
}

function metBefore(input: MatchInput, a: MatchCandidate, b: MatchCandidate): boolean {
  return input.history.some(
    ([x, y]) => (x === a.personId && y === b.personId) || (x === b.personId && y === a.personId),
  );
}

type Pair = [MatchCandidate, MatchCandidate];

/** Places left per enrolment id: a mentor's capacity, 1 for everyone else. */
type Room = Map<string, number>;

function initialRoom(input: MatchInput): Room {
  return new Map(
    input.candidates.map((c) => [c.enrolmentId, c.role === 'mentor' ? c.capacity : 1]),
  );
}

function take(left: Room, pair: Pair): Pair {
  for (const c of pair) left.set(c.enrolmentId, (left.get(c.enrolmentId) ?? 0) - 1);
  return pair;
}

function pinnedGroups(input: MatchInput, left: Room, flaws: Flaws): Pair[] {
  if (flaws.ignorePins) return [];
  const byId = new Map(input.candidates.map((c) => [c.enrolmentId, c]));
  return input.pins.flatMap(({ members: [a, b] }) => {
    const x = byId.get(a ?? '');
    const y = byId.get(b ?? '');
    if (!x || !y) return [];
    return [take(left, x.role === 'mentee' || y.role === 'mentor' ? [y, x] : [x, y])];
  });
}

function greedyGroups(input: MatchInput, left: Room, flaws: Flaws): Pair[] {
  const pairs: Pair[] = [];
  for (const taker of input.candidates.filter((c) => c.role !== 'mentor')) {
    if ((left.get(taker.enrolmentId) ?? 0) < 1) continue;
    const giver = input.candidates.find(
      (c) =>
        c !== taker &&
        c.role !== 'mentee' &&
        (left.get(c.enrolmentId) ?? 0) > 0 &&
        suits(input, c, taker, flaws),
    );
    if (giver) pairs.push(take(left, [giver, taker]));
  }
  return pairs;
}

/** The rules this strategy checks itself, so that a flaw can switch each off. */
const OWN_RULES: ReadonlySet<string> = new Set(['forbidden', 'excluded']);
/** suggest() with the ignoreHistory flaw checks history itself too (and skips it). */
const OWN_RULES_AND_HISTORY: ReadonlySet<string> = new Set([...OWN_RULES, 'met-before']);

function suits(
  input: MatchInput,
  a: MatchCandidate,
  b: MatchCandidate,
  flaws: Flaws,
  own = OWN_RULES,
): boolean {
  const forbidden =
    !flaws.ignoreForbids &&
    input.forbids.some(
      ([x, y]) =>
        (x === a.enrolmentId && y === b.enrolmentId) ||
        (x === b.enrolmentId && y === a.enrolmentId),
    );
  const excluded =
    !flaws.ignoreExclusions &&
    (a.excludedPersonIds.includes(b.personId) || b.excludedPersonIds.includes(a.personId));
  // The host's other rules (history, a language, …) as the SDK answers them; the two above
  // stay here so that each flaw can switch one off.
  const verdict = mayMeet(input, a.enrolmentId, b.enrolmentId);
  const rest = verdict.ok || verdict.reasons.every((r) => own.has(r.rule));
  return !forbidden && !excluded && rest;
}

function scored(input: MatchInput, [giver, taker]: Pair, base: number, flaws: Flaws): Group {
  const peers = giver.role === 'either' && taker.role === 'either';
  const overlap = giver.profile.skillsOffered.filter((s) => taker.profile.skillsWanted.includes(s));
  const score = flaws.randomScores
    ? Math.round(Math.random() * 100)
    : Math.min(100, base + 10 * overlap.length);
  return {
    members: [
      { enrolmentId: giver.enrolmentId, role: peers ? 'peer' : 'mentor' },
      { enrolmentId: taker.enrolmentId, role: peers ? 'peer' : 'mentee' },
    ],
    score,
    criteria: [
      {
        name: 'skills',
        score,
        weight: input.programme.weights.skills ?? 1,
        why: flaws.emptyWhy
          ? ''
          : overlap.length > 0
            ? `Offers ${overlap.join(', ')}.`
            : 'Shares a language.',
      },
    ],
  };
}
