import {
  type ConfigSchema,
  type MatchCandidate,
  type MatchInput,
  type MatchingStrategy,
  type MatchProposal,
  MatchProposalSchema,
  matchProposalProblem,
  type ProgrammeKind,
  type Suggestions,
  SuggestionsSchema,
} from '@tandem/plugin-sdk';
import {
  type ContractCheck,
  ContractViolation,
  contractCheck,
  pluginCall,
} from './contract-check.js';
import { firstDifference } from './first-difference.js';
import { generateMatchInput } from './generate-match-input.js';
import { type PluginConfigInput, prepareConfig } from './plugin-config.js';
import { schemaProblem } from './schema-problem.js';
import { createTestContext } from './test-context.js';

/** Options of {@link matchingStrategyContract}. */
export interface MatchingStrategyContractOptions<S extends ConfigSchema> {
  /** The configuration to run with; defaults from `configSchema` fill the rest. */
  config?: PluginConfigInput<S>;
  /** Numbers of candidates to check valid proposals for; {@link DEFAULT_CONTRACT_SIZES} if omitted. */
  sizes?: readonly number[];
  /** The seed of the generated inputs; {@link DEFAULT_CONTRACT_SEED} when omitted. */
  seed?: number;
  /** The kind of programme the generated inputs are for; `'reverse-mentoring'` when omitted. */
  kind?: ProgrammeKind;
}

/** The sizes of the generated rounds a strategy must answer validly, unless told otherwise. */
export const DEFAULT_CONTRACT_SIZES: readonly number[] = Object.freeze([2, 12, 40]);

/** The seed of the generated rounds unless told otherwise (one whose two candidates can pair). */
export const DEFAULT_CONTRACT_SEED = 42;

const ODD_SIZE = 9;
/** Big enough that a strategy has choices, small enough to stay fast. */
const RULE_SIZE = 16;

/**
 * The contract of a matching strategy as checks for any test framework: valid proposals (by
 * `MatchProposalSchema` and `matchProposalProblem`) for generated rounds of several sizes and
 * for 0, 1 and an odd number of candidates; a sentence in every criterion's `why` and every
 * unmatched `reason`; forbidden pairs, excluded people and pins respected; the same answer twice
 * for the same input. A strategy with `suggest` is also held to suggestions that fit
 * `SuggestionsSchema`, name only other candidates of the round, come best first with a sentence
 * in every `why`, and never offer someone excluded, met before or forbidden.
 *
 * @example
 * for (const check of matchingStrategyContract(strategy)) test(check.name, check.run);
 */
export function matchingStrategyContract<S extends ConfigSchema>(
  strategy: MatchingStrategy<S>,
  options: MatchingStrategyContractOptions<S> = {},
): ContractCheck[] {
  const subject = new StrategyUnderTest(strategy, options);
  const valid = (size: number) => async () => {
    await subject.validAnswer(subject.input(size), `match() for ${size} candidates`);
  };
  return [
    contractCheck('config is valid against configSchema', () => {
      subject.config();
    }),
    contractCheck('handles 0 candidates', valid(0)),
    contractCheck('handles 1 candidate', valid(1)),
    contractCheck(`handles an odd number of candidates (${ODD_SIZE})`, valid(ODD_SIZE)),
    ...(options.sizes ?? DEFAULT_CONTRACT_SIZES).map((size) =>
      contractCheck(`valid proposal for ${size} candidates`, valid(size)),
    ),
    contractCheck('explains every criterion and every unmatched person', () =>
      explainsEverything(subject),
    ),
    contractCheck('respects forbidden pairs', () => respectsForbids(subject)),
    contractCheck('keeps excluded people apart', () => respectsExclusions(subject)),
    contractCheck('keeps pinned candidates together', () => keepsPins(subject)),
    contractCheck('is deterministic for a seed', () => isDeterministic(subject)),
    ...(strategy.suggest ? suggestChecks(subject) : []),
  ];
}

function suggestChecks<S extends ConfigSchema>(subject: StrategyUnderTest<S>): ContractCheck[] {
  return [
    contractCheck('suggest() names other candidates, best first, each explained', () =>
      suggestsValidly(subject),
    ),
    contractCheck('suggest() never offers someone excluded, met before or forbidden', () =>
      suggestsWithinRules(subject),
    ),
  ];
}

/** The strategy with its options: generates inputs, calls it and checks the shape of answers. */
class StrategyUnderTest<S extends ConfigSchema> {
  constructor(
    private readonly strategy: MatchingStrategy<S>,
    private readonly options: MatchingStrategyContractOptions<S>,
  ) {}

  /** The configuration as the host would pass it; a violation when it does not fit. */
  config() {
    const prepared = prepareConfig(this.strategy.configSchema, this.options.config);
    if (prepared.problem !== undefined) throw this.violation(`config ${prepared.problem}`);
    return prepared.config;
  }

  input(count: number): MatchInput {
    const { seed = DEFAULT_CONTRACT_SEED, kind } = this.options;
    return generateMatchInput({ count, seed, kind });
  }

  /** Calls match() on a copy of the input, in a fresh context; the answer fits the schema. */
  async answer(input: MatchInput, what: string): Promise<MatchProposal> {
    const { ctx } = createTestContext({ config: this.config() });
    const answer: unknown = await pluginCall(this.label(what), () =>
      this.strategy.match(structuredClone(input), ctx),
    );
    const problem = schemaProblem(MatchProposalSchema, answer);
    if (problem) throw this.violation(`${what} answered outside MatchProposalSchema: ${problem}`);
    return answer as MatchProposal;
  }

  /** Calls suggest() on a copy of the input, in a fresh context; the answer fits the schema. */
  async suggestions(input: MatchInput, enrolmentId: string): Promise<Suggestions> {
    const what = `suggest() for ${enrolmentId}`;
    const { ctx } = createTestContext({ config: this.config() });
    const answer: unknown = await pluginCall(this.label(what), () =>
      this.strategy.suggest?.(structuredClone(input), enrolmentId, ctx),
    );
    const problem = schemaProblem(SuggestionsSchema, answer);
    if (problem) throw this.violation(`${what} answered outside SuggestionsSchema: ${problem}`);
    return answer as Suggestions;
  }

  /** {@link answer}, also passing the host's `matchProposalProblem`. */
  async validAnswer(input: MatchInput, what: string): Promise<MatchProposal> {
    const proposal = await this.answer(input, what);
    const problem = matchProposalProblem(input, proposal);
    if (problem) throw this.violation(`${what} proposed what the host rejects: ${problem}`);
    return proposal;
  }

  violation(message: string): ContractViolation {
    return new ContractViolation(this.label(message));
  }

  private label(text: string): string {
    return `matching strategy "${this.strategy.name}": ${text}`;
  }
}

/**
 * Admins read `why` and `reason` in the review; an empty one explains nothing. Checked on the
 * odd round and the rule-sized one, where there are both groups and people left over.
 */
async function explainsEverything<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  for (const size of [ODD_SIZE, RULE_SIZE]) {
    const what = `match() for ${size} candidates`;
    const proposal = await subject.answer(subject.input(size), what);
    const problem = unexplained(proposal);
    if (problem) throw subject.violation(`${what} ${problem}`);
  }
}

const blank = (text: string) => text.trim() === '';

function unexplained(proposal: MatchProposal): string | undefined {
  for (const [g, group] of proposal.groups.entries()) {
    const c = group.criteria.findIndex((criterion) => blank(criterion.why));
    if (c >= 0)
      return `gave groups[${g}].criteria[${c}] ("${group.criteria[c]?.name}") an empty why; write a sentence an admin can read, e.g. what the two have in common for this criterion`;
  }
  const u = proposal.unmatched.findIndex((person) => blank(person.reason));
  if (u < 0) return undefined;
  return `gave unmatched[${u}] (${proposal.unmatched[u]?.enrolmentId}) an empty reason; say why nobody suited them, e.g. which rule kept the partners away`;
}

/** Forbids every pair of the strategy's own first answer: none of them may come back. */
async function respectsForbids<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  const input = subject.input(RULE_SIZE);
  const pairs = await pairsOfFirstAnswer(subject, input, 'forbid');
  const forbidden: MatchInput = { ...input, forbids: pairs };
  const answer = await subject.answer(
    forbidden,
    `match() with its ${pairs.length} pairs forbidden`,
  );
  const back = pairs.find(([a, b]) => sharesGroup(answer, a, b));
  if (back)
    throw subject.violation(
      `grouped ${back[0]} and ${back[1]} again although the input forbids them (input.forbids)`,
    );
}

/**
 * Makes one person of every pair of the strategy's first answer exclude the other, taking turns
 * which side excludes, so a strategy reading only one direction is caught.
 */
async function respectsExclusions<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  const input = subject.input(RULE_SIZE);
  const pairs = await pairsOfFirstAnswer(subject, input, 'exclude');
  const excluders = pairs.map(([a, b], i) => (i % 2 === 0 ? [a, b] : [b, a]));
  const personOf = new Map(input.candidates.map((c) => [c.enrolmentId, c.personId]));
  const candidates = input.candidates.map((c) => {
    const excluded = excluders
      .filter(([from]) => from === c.enrolmentId)
      .flatMap(([, to]) => personOf.get(to ?? '') ?? []);
    return { ...c, excludedPersonIds: [...c.excludedPersonIds, ...excluded] };
  });
  const answer = await subject.answer({ ...input, candidates }, 'match() with exclusions added');
  const back = pairs.find(([a, b]) => sharesGroup(answer, a, b));
  if (back)
    throw subject.violation(
      `grouped ${back[0]} and ${back[1]} again although one excludes the other (excludedPersonIds)`,
    );
}

/** Pins a mentor and a mentee the strategy did not pair by itself: it must group them. */
async function keepsPins<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  const input = subject.input(RULE_SIZE);
  const first = await subject.answer(input, `match() for ${RULE_SIZE} candidates`);
  const pin = pinnablePair(input, first);
  if (!pin) throw subject.violation('the generated round has no pair to pin (a test kit bug)');
  const [a, b] = pin;
  const answer = await subject.answer({ ...input, pins: [{ members: pin }] }, 'match() with a pin');
  if (!sharesGroup(answer, a, b))
    throw subject.violation(
      `did not group ${a} and ${b} although the input pins them (input.pins)`,
    );
}

/** Two runs on the same input in fresh contexts must give deep-equal answers. */
async function isDeterministic<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  const input = subject.input(RULE_SIZE);
  const first = await subject.answer(input, 'the first match()');
  const second = await subject.answer(input, 'the second match()');
  const difference = firstDifference(first, second);
  if (difference)
    throw subject.violation(
      `two runs on the same input (seed ${input.seed}) gave different answers, first at ${difference}; derive any randomness from input.seed`,
    );
}

/** Suggestions for every candidate of a round: valid ids, never oneself, best first, explained. */
async function suggestsValidly<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  const input = subject.input(RULE_SIZE);
  const ids = new Set(input.candidates.map((c) => c.enrolmentId));
  for (const { enrolmentId } of input.candidates) {
    const suggestions = await subject.suggestions(input, enrolmentId);
    const problem = suggestionProblem(suggestions, enrolmentId, ids);
    if (problem) throw subject.violation(`suggest() for ${enrolmentId} ${problem}`);
  }
}

function suggestionProblem(
  suggestions: Suggestions,
  self: string,
  candidates: Set<string>,
): string | undefined {
  const seen = new Set<string>();
  for (const [i, { enrolmentId, score, criteria }] of suggestions.entries()) {
    if (enrolmentId === self) return `suggested the person themselves (at ${i})`;
    if (!candidates.has(enrolmentId))
      return `suggested ${enrolmentId}, who is not a candidate of this round`;
    if (seen.has(enrolmentId)) return `suggested ${enrolmentId} twice`;
    seen.add(enrolmentId);
    const previous = suggestions[i - 1];
    if (previous && previous.score < score)
      return `is not best first: ${enrolmentId} (score ${score}) comes after ${previous.enrolmentId} (score ${previous.score}); sort by score, highest first`;
    const c = criteria.findIndex((criterion) => blank(criterion.why));
    if (c >= 0)
      return `gave ${enrolmentId}'s criteria[${c}] ("${criteria[c]?.name}") an empty why; write a sentence the participant can read`;
  }
  return undefined;
}

/**
 * Takes the first person with three suggestions and keeps each of those three away by one hard
 * rule: the person excludes the first, met the second before and is forbidden the third. None
 * of them may be suggested again.
 */
async function suggestsWithinRules<S extends ConfigSchema>(subject: StrategyUnderTest<S>) {
  const input = subject.input(RULE_SIZE);
  const found = await personWithSuggestions(subject, input, 3);
  if (!found)
    throw subject.violation(
      `suggest() offered nobody three partners among ${RULE_SIZE} generated candidates, so there is nobody to keep away; pass a config under which it suggests`,
    );
  const { person, offered } = found;
  const [excluded, metBefore, forbidden] = offered.map((id) => candidateOf(input, id));
  if (!excluded || !metBefore || !forbidden) return;
  const candidates = input.candidates.map((c) =>
    c === person ? { ...c, excludedPersonIds: [...c.excludedPersonIds, excluded.personId] } : c,
  );
  const ruled: MatchInput = {
    ...input,
    candidates,
    history: [...input.history, [person.personId, metBefore.personId]],
    forbids: [...input.forbids, [person.enrolmentId, forbidden.enrolmentId]],
  };
  const again = new Set(
    (await subject.suggestions(ruled, person.enrolmentId)).map((s) => s.enrolmentId),
  );
  const rules: [MatchCandidate, string][] = [
    [excluded, 'although they exclude them (excludedPersonIds)'],
    [metBefore, 'although they met before (input.history)'],
    [forbidden, 'although the pair is forbidden (input.forbids)'],
  ];
  const back = rules.find(([other]) => again.has(other.enrolmentId));
  if (back)
    throw subject.violation(
      `suggest() for ${person.enrolmentId} offered ${back[0].enrolmentId} ${back[1]}; leave out everyone a hard rule keeps away`,
    );
}

async function personWithSuggestions<S extends ConfigSchema>(
  subject: StrategyUnderTest<S>,
  input: MatchInput,
  count: number,
): Promise<{ person: MatchCandidate; offered: string[] } | undefined> {
  for (const person of input.candidates) {
    const offered = (await subject.suggestions(input, person.enrolmentId)).map(
      (s) => s.enrolmentId,
    );
    if (offered.length >= count) return { person, offered: offered.slice(0, count) };
  }
  return undefined;
}

function candidateOf(input: MatchInput, enrolmentId: string): MatchCandidate | undefined {
  return input.candidates.find((c) => c.enrolmentId === enrolmentId);
}

/** Every pair of enrolments grouped together in the strategy's answer for `input`. */
async function pairsOfFirstAnswer<S extends ConfigSchema>(
  subject: StrategyUnderTest<S>,
  input: MatchInput,
  purpose: string,
): Promise<[string, string][]> {
  const first = await subject.answer(input, `match() for ${input.candidates.length} candidates`);
  const pairs = groupedPairs(first);
  if (pairs.length === 0)
    throw subject.violation(
      `grouped nobody among ${input.candidates.length} generated candidates, so there is no pair to ${purpose}; pass a config under which it matches`,
    );
  return pairs;
}

function groupedPairs(proposal: MatchProposal): [string, string][] {
  return proposal.groups.flatMap(({ members }) =>
    members.flatMap((a, i) =>
      members.slice(i + 1).map((b): [string, string] => [a.enrolmentId, b.enrolmentId]),
    ),
  );
}

function sharesGroup(proposal: MatchProposal, a: string, b: string): boolean {
  return proposal.groups.some(({ members }) => {
    const ids = members.map((m) => m.enrolmentId);
    return ids.includes(a) && ids.includes(b);
  });
}

/**
 * A mentor (or `either`) and a mentee (or `either`) who would suit each other — a shared
 * language, no exclusion, not partners before — but whom the strategy did not group by itself,
 * so that only the pin can bring them together. Those with matching skills come first.
 */
function pinnablePair(input: MatchInput, first: MatchProposal): [string, string] | undefined {
  const givers = input.candidates.filter((c) => c.role !== 'mentee');
  const takers = input.candidates.filter((c) => c.role !== 'mentor');
  const pairs = givers.flatMap((giver) =>
    takers
      .filter((taker) => suited(input, giver, taker))
      .filter((taker) => !sharesGroup(first, giver.enrolmentId, taker.enrolmentId))
      .map((taker) => ({ giver, taker, overlap: skillOverlap(giver, taker) })),
  );
  const best = pairs.sort((x, y) => y.overlap - x.overlap)[0];
  return best && [best.giver.enrolmentId, best.taker.enrolmentId];
}

function suited(input: MatchInput, a: MatchCandidate, b: MatchCandidate): boolean {
  const shareLanguage = a.profile.languages.some((l) => b.profile.languages.includes(l));
  const excluded =
    a.excludedPersonIds.includes(b.personId) || b.excludedPersonIds.includes(a.personId);
  const metBefore = input.history.some(
    ([x, y]) => (x === a.personId && y === b.personId) || (x === b.personId && y === a.personId),
  );
  return a !== b && shareLanguage && !excluded && !metBefore;
}

function skillOverlap(giver: MatchCandidate, taker: MatchCandidate): number {
  return giver.profile.skillsOffered.filter((s) => taker.profile.skillsWanted.includes(s)).length;
}
