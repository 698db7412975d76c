/**
 * The lunch strategy alone at growing sizes: builds a peer-lunch input with the test kit and
 * times the strategy's `match()` and the host's proposal check. Prints figures, asserts nothing.
 * `pnpm bench lunch [sizes…]` (default 1000 2000 4000 10000). Each size runs with the test
 * kit's rules (none) and again with `sessionMinutes: 60`, as the host always sends it, so that
 * the strategy also needs a weekly time for each pair. Each line ends with the start of the
 * proposal's sha-256 (seed 21), to check that a change meant to keep the proposals does.
 */
import { createHash } from 'node:crypto';
import lunch from '@tandem/matching-lunch';
import { matchProposalProblem } from '@tandem/plugin-sdk';
import { createTestContext, generateMatchInput, pluginConfig } from '@tandem/plugin-testkit';

const sizes = process.argv.slice(2).map(Number);
for (const count of sizes.length ? sizes : [1000, 2000, 4000, 10_000])
  for (const [label, rules] of [
    ['', {}],
    [' sessionMinutes 60', { sessionMinutes: 60 }],
  ] as const) {
    const input = generateMatchInput({ count, seed: 21, kind: 'peer-lunch', rules });
    const started = performance.now();
    const { ctx } = createTestContext({ config: pluginConfig(lunch) });
    const proposal = await lunch.match(input, ctx);
    const matched = performance.now();
    const problem = matchProposalProblem(input, proposal);
    const checked = performance.now();
    const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
    const sha = createHash('sha256').update(JSON.stringify(proposal)).digest('hex').slice(0, 16);
    console.log(
      `n=${count}${label} match ${((matched - started) / 1000).toFixed(2)} s, check ${((checked - matched) / 1000).toFixed(2)} s, groups ${proposal.groups.length}, unmatched ${proposal.unmatched.length}, problem ${problem ?? 'none'}, rss ${rss} MB, sha-256 ${sha}`,
    );
  }
