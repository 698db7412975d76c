/**
 * The weighted strategy alone on a reverse-mentoring cohort: half mentors, half mentees, times
 * its `match()` and the host's proposal check. Prints figures, asserts nothing.
 * `pnpm bench weighted [sizes…] [inputs…]` (people in all, default 2000 as in `pnpm bench
 * agency`; inputs by name, default all three).
 * Each size runs on three inputs, all with the host's `sessionMinutes` (45, the reverse
 * mentoring curriculum's):
 *
 *   testkit   the test kit's realistic profiles and weights (seed 21)
 *   rules     the same people where the programme asks for different departments and
 *             allows 45 % of them as tandems (some pairs cut by the cap)
 *   agency    profiles as `pnpm bench agency` imports them: nothing but a department (of six)
 *             and German, everyone free in working hours, so nearly every pair scores the same
 *
 * Each line ends with the start of the proposal's sha-256, to check that a change meant to
 * keep the proposals does.
 */
import { createHash } from 'node:crypto';
import weighted from '@tandem/matching-weighted';
import { type MatchCandidate, type MatchInput, matchProposalProblem } from '@tandem/plugin-sdk';
import {
  candidate,
  createTestContext,
  generateMatchInput,
  pluginConfig,
} from '@tandem/plugin-testkit';

const SESSION_MINUTES = 45;
const AGENCY_DEPARTMENTS = ['Bürgerservice', 'IT', 'Personal', 'Haushalt', 'Bauamt', 'Ordnungsamt'];

const INPUTS = { testkit: testkitInput, rules: rulesInput, agency: agencyInput };
const words = process.argv.slice(2);
const sizes = words.map(Number).filter((n) => n > 0);
const only = words.filter((word): word is keyof typeof INPUTS => word in INPUTS);
for (const count of sizes.length ? sizes : [2000])
  for (const [label, make] of Object.entries(INPUTS))
    if (only.length === 0 || only.includes(label as keyof typeof INPUTS))
      await timed(`n=${count} ${label}`, make(count));

function testkitInput(count: number): MatchInput {
  return generateMatchInput({
    count,
    seed: 21,
    kind: 'reverse-mentoring',
    mentorShare: 0.5,
    rules: { sessionMinutes: SESSION_MINUTES },
  });
}

/** The same people where the programme asks for different departments and caps its tandems. */
function rulesInput(count: number): MatchInput {
  const input = testkitInput(count);
  const rules = { ...input.programme.rules, department: 'different', maxTandems: (count * 9) / 20 };
  return { ...input, programme: { ...input.programme, rules } };
}

/** Alternately mentor and mentee, as the agency bench enrols them, with an imported profile. */
function agencyInput(count: number): MatchInput {
  const candidates = Array.from({ length: count }, (_, i): MatchCandidate => {
    const number = String(i).padStart(5, '0');
    return candidate(`enrolment-${number}`, {
      role: i % 2 ? 'mentee' : 'mentor',
      profile: {
        department: AGENCY_DEPARTMENTS[i % AGENCY_DEPARTMENTS.length],
        title: i % 10 ? 'Sachbearbeitung' : 'Leitung',
      },
    });
  });
  return {
    programme: {
      id: 'programme-agency',
      kind: 'reverse-mentoring',
      weights: {},
      rules: { languages: ['de'], format: 'remote', sessionMinutes: SESSION_MINUTES },
    },
    candidates,
    history: [],
    pins: [],
    forbids: [],
    apart: [],
    seed: 21,
  };
}

async function timed(label: string, input: MatchInput): Promise<void> {
  const { ctx } = createTestContext({ config: pluginConfig(weighted) });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const proposal = await weighted.match(input, ctx);
  const matched = performance.now();
  const { user, system } = process.cpuUsage(cpu);
  const problem = matchProposalProblem(input, proposal);
  const checked = performance.now();
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  const sha = createHash('sha256').update(JSON.stringify(proposal)).digest('hex').slice(0, 16);
  console.log(
    `${label}: match ${((matched - started) / 1000).toFixed(2)} s (cpu ${((user + system) / 1e6).toFixed(2)} s), check ${((checked - matched) / 1000).toFixed(2)} s, groups ${proposal.groups.length}, unmatched ${proposal.unmatched.length}, problem ${problem ?? 'none'}, rss ${rss} MB, sha-256 ${sha}`,
  );
}
