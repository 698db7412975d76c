import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MatchCandidate } from '@tandem/plugin-sdk';
import {
  createTestContext,
  generateMatchInput,
  matchingStrategyContract,
  pluginConfig,
} from '@tandem/plugin-testkit';
import strategy from '../src/index.js';

for (const check of matchingStrategyContract(strategy)) test(check.name, check.run);

const person = (
  id: string,
  role: MatchCandidate['role'],
  skillsOffered: string[],
  skillsWanted: string[],
): MatchCandidate => ({
  enrolmentId: id,
  personId: `person-${id}`,
  role,
  capacity: 1,
  excludedPersonIds: [],
  profile: {
    skillsOffered,
    skillsWanted,
    languages: ['de'],
    format: 'both',
    availability: [],
    goals: [],
  },
});

test('leaves a mentee out when no mentor offers enough of what they want', async () => {
  const input = {
    ...generateMatchInput({ count: 0, seed: 1 }),
    candidates: [
      person('lena', 'mentor', ['e-file'], []),
      person('klaus', 'mentee', [], ['e-file', 'video-meetings']),
    ],
  };
  const { ctx } = createTestContext({ config: pluginConfig(strategy, { minShared: 2 }) });
  const proposal = await strategy.match(input, ctx);
  assert.deepEqual(proposal.groups, []);
  assert.deepEqual(
    proposal.unmatched.map((u) => u.enrolmentId),
    ['lena', 'klaus'],
  );
});
