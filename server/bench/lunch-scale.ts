/**
 * The lunch strategy alone at growing sizes: builds a peer-lunch input with the test kit and
 * times the strategy's `match()` and the host's proposal check. Prints figures, asserts nothing.
 * `pnpm bench lunch [sizes…]` (default 1000 2000 4000 10000).
 */
import lunch from '@tandem/matching-lunch';
import { matchProposalProblem } from '@tandem/plugin-sdk';
import { createTestContext, generateMatchInput, pluginConfig } from '@tandem/plugin-testkit';

const sizes = process.argv.slice(2).map(Number);
for (const count of sizes.length ? sizes : [1000, 2000, 4000, 10_000]) {
  const input = generateMatchInput({ count, seed: 21, kind: 'peer-lunch' });
  const started = performance.now();
  const { ctx } = createTestContext({ config: pluginConfig(lunch) });
  const proposal = await lunch.match(input, ctx);
  const matched = performance.now();
  const problem = matchProposalProblem(input, proposal);
  const checked = performance.now();
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.log(
    `n=${count} match ${((matched - started) / 1000).toFixed(2)} s, check ${((checked - matched) / 1000).toFixed(2)} s, groups ${proposal.groups.length}, unmatched ${proposal.unmatched.length}, problem ${problem ?? 'none'}, rss ${rss} MB`,
  );
}
