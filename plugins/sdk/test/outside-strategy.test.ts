/**
 * Acceptance: a rule the host adds reaches a strategy written outside the repository without a
 * change to it. The strategy below is a plugin folder of its own that imports nothing but
 * `@tandem/plugin-sdk` and asks `mayMeet` and `assignMentees`; the host's rule comes as data
 * (`apart`, a rule key the strategy has never heard of), not as a forbidden pair.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t, { type Test } from 'tap';
import { type MatchInput, type MatchingStrategy, matchProposalProblem } from '../src/index.js';
import { candidate } from './candidate.js';

const STRATEGY = `import { defineMatchingStrategy, mayMeet, Type } from '@tandem/plugin-sdk';
import { assignMentees } from '@tandem/plugin-sdk/solvers';

export default defineMatchingStrategy({
  name: 'outside', version: '1.0.0', host: '^0.1.0', configSchema: Type.Object({}),
  match(input) {
    const mentors = input.candidates.filter((c) => c.role === 'mentor');
    const mentees = input.candidates.filter((c) => c.role === 'mentee');
    const { pairs, unassigned } = assignMentees({
      mentors, mentees, capacity: (m) => m.capacity,
      score: (mentor, mentee) =>
        mayMeet(input, mentor.enrolmentId, mentee.enrolmentId).ok ? 50 : null,
    });
    return {
      groups: pairs.map(({ mentor, mentee, score }) => ({
        members: [{ enrolmentId: mentor.enrolmentId, role: 'mentor' }, { enrolmentId: mentee.enrolmentId, role: 'mentee' }],
        score, criteria: [{ name: 'fit', score, weight: 1, why: 'They may meet.' }],
      })),
      unmatched: [...mentors.filter((m) => !pairs.some((p) => p.mentor === m)), ...unassigned]
        .map((c) => ({ enrolmentId: c.enrolmentId, reason: 'Nobody left who may meet them.' })),
    };
  },
});
`;

/** The strategy as an author has it: its own folder, the SDK installed as a link. */
async function outsideStrategy(t: Test): Promise<MatchingStrategy> {
  const folder = await mkdtemp(join(tmpdir(), 'tandem-outside-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  await writeFile(
    join(folder, 'package.json'),
    JSON.stringify({ name: 'outside', type: 'module', tandem: { kind: 'matching-strategy' } }),
  );
  await writeFile(join(folder, 'index.js'), STRATEGY);
  await mkdir(join(folder, 'node_modules/@tandem'), { recursive: true });
  await symlink(join(import.meta.dirname, '..'), join(folder, 'node_modules/@tandem/plugin-sdk'));
  const module = (await import(pathToFileURL(join(folder, 'index.js')).href)) as {
    default: MatchingStrategy;
  };
  return module.default;
}

// Two mentors, two mentees; the host keeps boss and report apart by rules the strategy never
// names: the reporting line, and a rule of a later host version (`works-council`).
const input: MatchInput = {
  programme: { id: 'p', kind: 'classic-mentoring', weights: {}, rules: {} },
  candidates: [
    candidate('boss', { role: 'mentor' }),
    candidate('other', { role: 'mentor' }),
    candidate('report', { role: 'mentee' }),
    candidate('new', { role: 'mentee' }),
  ],
  history: [],
  pins: [],
  forbids: [],
  apart: [
    {
      members: ['boss', 'report'],
      rule: 'reporting-line',
      why: 'One of them is in the other’s reporting line.',
    },
    { members: ['other', 'new'], rule: 'works-council', why: 'The works council said no.' },
  ],
  seed: 1,
};

const pairsOf = (groups: { members: { enrolmentId: string }[] }[]) =>
  groups.map((g) => g.members.map((m) => m.enrolmentId).join('+')).sort();

t.test('a rule added to the host reaches an outside strategy unchanged', async (t) => {
  const strategy = await outsideStrategy(t);
  const before = await strategy.match({ ...input, apart: [] }, {} as never);
  t.equal(before.groups.length, 2, 'without the rules, any two pairs');

  const proposal = await strategy.match(input, {} as never);
  t.same(pairsOf(proposal.groups), ['boss+new', 'other+report'], 'both host rules honoured');
  t.equal(matchProposalProblem(input, proposal), undefined, 'and the host accepts it');
});

t.test('the host refuses a strategy that ignores a host rule', async (t) => {
  const ignoring = {
    groups: [
      {
        members: [
          { enrolmentId: 'boss', role: 'mentor' as const },
          { enrolmentId: 'report', role: 'mentee' as const },
        ],
        score: 50,
        criteria: [],
      },
      {
        members: [
          { enrolmentId: 'other', role: 'mentor' as const },
          { enrolmentId: 'new', role: 'mentee' as const },
        ],
        score: 50,
        criteria: [],
      },
    ],
    unmatched: [],
  };
  t.equal(
    matchProposalProblem(input, ignoring),
    'boss and report may not meet (reporting-line): One of them is in the other’s reporting line.',
  );
  t.equal(
    matchProposalProblem({ ...input, apart: input.apart?.slice(1) }, ignoring),
    'other and new may not meet (works-council): The works council said no.',
  );
});
