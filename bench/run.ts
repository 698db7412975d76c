/**
 * `pnpm bench [name]`: runs the benchmarks, each in a process of its own with these Node flags.
 *
 *   pnpm bench               the matching solvers, the invitations, the meeting list, then
 *                            http (not the season: at 1,000 pairs it runs for over half an hour)
 *   pnpm bench invitations   only the invitations through the queue (server/bench)
 *   pnpm bench meetings      only a participant's meeting list beside one bare statement
 *   pnpm bench http          only the participant overview beside a bare Fastify route
 *   pnpm bench season        a half-year of 1,000 pairs on a simulated clock: sessions held,
 *                            pairs left without a next step, messages, time and memory
 *   pnpm bench directory     50,000 people synced from slapd: the first sync, then a re-sync
 *                            with no changes, with their times and peak memory
 *   pnpm bench agency      50,000 people imported, a lunch round of 10,000 and reverse
 *                            mentoring of 2,000 matched, published and invited; the admin's
 *                            pages at that size; stage times and every process's peak memory
 *   pnpm bench imports     the CLI imports alone: 5,000 people, 1,000 enrolled in a lunch
 *                            round and 1,000 in reverse mentoring (`pnpm bench imports 10000
 *                            2000 1000` for other sizes); wall time, rows/s, peak memory
 *   pnpm bench lunch       the lunch strategy alone at 1,000 to 10,000 people (match and check),
 *                            without rules and with the host's sessionMinutes; each proposal's sha-256
 *   pnpm bench weighted    the weighted strategy alone on reverse mentoring of 2,000 (match and
 *                            check): realistic profiles, and profiles as the agency imports
 *                            them; each proposal's sha-256
 *   pnpm bench review      the admin's matching review, a page of it, for a lunch round of
 *                            3,400 groups of three and for 2,000 mentoring pairs
 *   pnpm bench plans       the create-pair-plan job alone for 1,000 lunch groups and 200
 *                            mentoring pairs: wall time, CPU and statements per pair
 *   pnpm bench matching      only the solvers; any other word filters the solver cases by
 *                            label (`pnpm bench sparse`), as plugins/sdk/bench/solvers.ts does
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SOLVERS = 'plugins/sdk/bench/solvers.ts';
const INVITATIONS = 'server/bench/invitations.ts';
const MEETINGS = 'server/bench/meetings.ts';
const HTTP = 'server/bench/http.ts';
const SEASON = 'server/bench/season.ts';
const DIRECTORY = 'server/bench/directory.ts';
const AGENCY = 'server/bench/agency.ts';
const LUNCH = 'server/bench/lunch-scale.ts';
const WEIGHTED = 'server/bench/weighted-scale.ts';
const IMPORTS = 'server/bench/imports.ts';
const REVIEW = 'server/bench/review.ts';
const PLANS = 'server/bench/pair-plans.ts';

/** The benchmarks run by name; any other word filters the solver cases. */
const BY_NAME: Record<string, string> = {
  invitations: INVITATIONS,
  meetings: MEETINGS,
  http: HTTP,
  season: SEASON,
  directory: DIRECTORY,
  agency: AGENCY,
  lunch: LUNCH,
  weighted: WEIGHTED,
  imports: IMPORTS,
  review: REVIEW,
  plans: PLANS,
};

const [name, ...rest] = process.argv.slice(2);
const named = name === undefined ? undefined : BY_NAME[name];
const runs: [string, string[]][] =
  name === undefined
    ? [
        [SOLVERS, []],
        [INVITATIONS, []],
        [MEETINGS, []],
        [HTTP, []],
      ]
    : named
      ? [[named, rest]]
      : [[SOLVERS, [name, ...rest]]];

let code = 0;
// The http benchmark serves the web app beside the API, as deployed: build it first, as
// `pnpm test` does.
if (runs.some(([script]) => script === HTTP)) {
  const build = spawnSync('pnpm', ['--filter', '@tandem/web', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
for (const [script, args] of runs) {
  const path = fileURLToPath(new URL(`../${script}`, import.meta.url));
  const child = spawnSync(process.execPath, [...process.execArgv, path, ...args], {
    stdio: 'inherit',
  });
  // A failed benchmark does not stop the next one; the run still exits non-zero.
  if (child.status !== 0) code ||= child.status ?? 1;
}
process.exit(code);
