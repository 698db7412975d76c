import type { EntityManager } from '@mikro-orm/postgresql';
import type { MatchInput, MatchProposal } from '@tandem/plugin-sdk';
import { PluginCallError } from '../../plugin-host/invoke-plugin.js';
import type { Programme } from '../programmes/programme.js';
import { askStrategy, type StrategyDependencies, StrategyFailure } from './ask-strategy.js';
import type { Match } from './match.js';
import { matchInput } from './match-input.js';

/** How long the strategy may take to score one pair an admin changed, while the admin waits. */
export const RESCORE_TIME_LIMIT_MS = 10_000;

/**
 * Scores pairs an admin made or changed by hand with the programme's own strategy, as a run
 * would: the strategy is asked about each pair's members alone, with the programme's weights,
 * rules, history and forbids. When it groups them as they are, the pair takes its score and
 * reasons. When it would not (a rule keeps them apart), the pair has no score, and its one
 * reason is the strategy's why, under the name `rules`; when the strategy cannot answer, no
 * score and no reasons. Changes the matches; the caller flushes.
 *
 * @param matches populated with members.
 */
export async function rescoreMatches(
  deps: StrategyDependencies,
  em: EntityManager,
  programme: Programme,
  matches: Match[],
): Promise<void> {
  if (matches.length === 0) return;
  const input = await matchInput(em, programme, 0);
  for (const match of matches) {
    const ids = new Set(match.members.getItems().map((member) => member.enrolment.id));
    const score = await scored(deps, em, programme.matchingStrategy, only(input, ids), ids);
    em.assign(match, score);
  }
}

type Scored = Pick<MatchProposal['groups'][number], 'criteria'> & { score: number | null };
const UNSCORED: Scored = { score: null, criteria: [] };

/** The input narrowed to one group's members: nothing else to choose from, nothing pinned. */
function only(input: MatchInput, ids: Set<string>): MatchInput {
  return {
    ...input,
    candidates: input.candidates.filter((c) => ids.has(c.enrolmentId)),
    pins: [],
    forbids: input.forbids.filter(([a, b]) => ids.has(a) && ids.has(b)),
    apart: input.apart?.filter(({ members: [a, b] }) => ids.has(a) && ids.has(b)),
  };
}

async function scored(
  deps: StrategyDependencies,
  em: EntityManager,
  strategy: string,
  input: MatchInput,
  ids: Set<string>,
): Promise<Scored> {
  // A member no longer a candidate (withdrawn meanwhile) leaves nothing to score.
  if (input.candidates.length !== ids.size) return UNSCORED;
  try {
    const proposal = await askStrategy(deps, em, strategy, input);
    const group = proposal.groups.find(
      (g) => g.members.length === ids.size && g.members.every((m) => ids.has(m.enrolmentId)),
    );
    if (group) return { score: group.score, criteria: group.criteria };
    const why = proposal.unmatched[0]?.reason;
    return why
      ? { score: null, criteria: [{ name: 'rules', score: 0, weight: 0, why }] }
      : UNSCORED;
  } catch (error) {
    if (!(error instanceof StrategyFailure || error instanceof PluginCallError)) throw error;
    deps.log.warn({ err: error, strategy }, 'could not score a pair changed by hand');
    return UNSCORED;
  }
}
