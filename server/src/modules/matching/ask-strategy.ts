import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type MatchInput,
  type MatchProposal,
  MatchProposalSchema,
  matchProposalProblem,
} from '@tandem/plugin-sdk';
import type { MikroORM } from '../../db/orm.js';
import type { Log } from '../../logger.js';
import { invokePlugin } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';

export interface StrategyDependencies {
  orm: MikroORM;
  plugins: PluginRegistry;
  log: Log;
  timeLimitMs: number;
}

/** A strategy that cannot give a usable proposal, with the reason an admin reads. */
export class StrategyFailure extends Error {}

/**
 * Asks a matching strategy for a proposal, within its time limit, and checks the answer against
 * the contract and the candidates before anyone uses it.
 *
 * @throws StrategyFailure when the strategy is not active or its proposal breaks a rule;
 *   PluginCallError when it throws, is too slow, or answers out of schema.
 */
export async function askStrategy(
  deps: StrategyDependencies,
  em: EntityManager,
  strategyName: string,
  input: MatchInput,
): Promise<MatchProposal> {
  const strategy = deps.plugins.get('matching-strategy', strategyName);
  if (!strategy)
    throw new StrategyFailure(
      `matching strategy ${strategyName} is not active; see the plugins page`,
    );
  const { definition, config } = strategy;
  const ctx = pluginContext({ name: definition.name, config }, { em, log: deps.log });
  const proposal = await invokePlugin<MatchProposal>({
    plugin: definition.name,
    operation: 'match',
    timeoutMs: deps.timeLimitMs,
    output: MatchProposalSchema,
    // The strategy gets a copy: whatever it does to its input, the check below sees the original.
    call: () => definition.match(structuredClone(input), ctx),
  });
  const problem = matchProposalProblem(input, proposal);
  if (problem) throw new StrategyFailure(`plugin ${definition.name}: match proposed ${problem}`);
  return proposal;
}
