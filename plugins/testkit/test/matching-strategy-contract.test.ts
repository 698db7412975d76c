import { defineMatchingStrategy, Type } from '@tandem/plugin-sdk';
import t from 'tap';
import { ContractViolation, matchingStrategyContract } from '../src/index.js';
import { failures } from './helpers/check-results.js';
import { type Flaws, greedyStrategy } from './helpers/greedy-strategy.js';

const ALL_CHECKS = [
  'config is valid against configSchema',
  'handles 0 candidates',
  'handles 1 candidate',
  'handles an odd number of candidates (9)',
  'valid proposal for 2 candidates',
  'valid proposal for 12 candidates',
  'valid proposal for 40 candidates',
  'explains every criterion and every unmatched person',
  'respects forbidden pairs',
  'keeps excluded people apart',
  'keeps pinned candidates together',
  'is deterministic for a seed',
  'suggest() names other candidates, best first, each explained',
  'suggest() never offers someone excluded, met before or forbidden',
];
const SUGGEST_RULES = 'suggest() never offers someone excluded, met before or forbidden';
const SUGGEST_SHAPE = 'suggest() names other candidates, best first, each explained';

/** The checks the greedy strategy with these flaws fails: name → message. */
const failedWith = (flaws: Flaws) => failures(matchingStrategyContract(greedyStrategy(flaws)));

t.test('the checks, in order, each a name and a run of no parameters', async (t) => {
  const checks = matchingStrategyContract(greedyStrategy());
  t.same(
    checks.map((c) => c.name),
    ALL_CHECKS,
  );
  t.ok(
    checks.every((c) => c.run.length === 0),
    'no framework mistakes run for a callback test',
  );
});

t.test('a correct strategy passes every check, for every kind of programme', async (t) => {
  t.same([...(await failedWith({})).entries()], []);
  for (const kind of ['classic-mentoring', 'peer-lunch'] as const)
    t.same(
      [...(await failures(matchingStrategyContract(greedyStrategy(), { kind }))).entries()],
      [],
      kind,
    );
  const other = matchingStrategyContract(greedyStrategy(), { seed: 7, sizes: [3, 25] });
  t.same([...(await failures(other)).keys()], []);
  t.ok(
    other.some((c) => c.name === 'valid proposal for 25 candidates'),
    'sizes as given',
  );
});

t.test('placing a person twice fails the valid-proposal checks', async (t) => {
  const failed = await failedWith({ placeTwice: true });
  t.same(
    [...failed.keys()],
    [
      'handles an odd number of candidates (9)',
      'valid proposal for 2 candidates',
      'valid proposal for 12 candidates',
      'valid proposal for 40 candidates',
    ],
  );
  t.equal(
    failed.get('valid proposal for 2 candidates'),
    'matching strategy "greedy": match() for 2 candidates proposed what the host rejects: enrolment-001 is placed 2 times (at most 1)',
  );
});

t.test('ignoring forbidden pairs fails that check and its suggest() twin only', async (t) => {
  const failed = await failedWith({ ignoreForbids: true });
  t.same([...failed.keys()], ['respects forbidden pairs', SUGGEST_RULES]);
  t.match(
    failed.get(SUGGEST_RULES),
    /^matching strategy "greedy": suggest\(\) for enrolment-\d+ offered enrolment-\d+ although the pair is forbidden \(input\.forbids\); leave out everyone a hard rule keeps away$/,
  );
  t.match(
    failed.get('respects forbidden pairs'),
    /^matching strategy "greedy": grouped enrolment-\d+ and enrolment-\d+ again although the input forbids them \(input\.forbids\)$/,
  );
});

t.test('ignoring excluded people fails that check and its suggest() twin only', async (t) => {
  const failed = await failedWith({ ignoreExclusions: true });
  t.same([...failed.keys()], ['keeps excluded people apart', SUGGEST_RULES]);
  t.match(failed.get(SUGGEST_RULES), /although they exclude them \(excludedPersonIds\)/);
  t.match(
    failed.get('keeps excluded people apart'),
    /one excludes the other \(excludedPersonIds\)/,
  );
});

t.test('ignoring pins fails that check only', async (t) => {
  const failed = await failedWith({ ignorePins: true });
  t.same([...failed.keys()], ['keeps pinned candidates together']);
  t.match(
    failed.get('keeps pinned candidates together'),
    /did not group enrolment-\d+ and enrolment-\d+ although the input pins them/,
  );
});

t.test('randomness not drawn from the seed fails the determinism check only', async (t) => {
  const failed = await failedWith({ randomScores: true });
  t.same([...failed.keys()], ['is deterministic for a seed']);
  t.match(
    failed.get('is deterministic for a seed'),
    /two runs on the same input \(seed 42\) gave different answers, first at groups\[\d+\]\.score: \d+ vs \d+; derive any randomness from input\.seed/,
  );
});

t.test('an empty why of a criterion fails the explanation checks', async (t) => {
  const failed = await failedWith({ emptyWhy: true });
  t.same(
    [...failed.keys()],
    ['explains every criterion and every unmatched person', SUGGEST_SHAPE],
  );
  t.equal(
    failed.get('explains every criterion and every unmatched person'),
    'matching strategy "greedy": match() for 9 candidates gave groups[0].criteria[0] ("skills") an empty why; write a sentence an admin can read, e.g. what the two have in common for this criterion',
  );
  t.match(
    failed.get(SUGGEST_SHAPE),
    /gave enrolment-\d+'s criteria\[0\] \("skills"\) an empty why/,
  );
});

t.test('an empty reason for an unmatched person fails the explanation check only', async (t) => {
  const failed = await failedWith({ emptyUnmatchedReason: true });
  t.same([...failed.keys()], ['explains every criterion and every unmatched person']);
  t.match(
    failed.get('explains every criterion and every unmatched person'),
    /match\(\) for (9|16) candidates gave unmatched\[\d+\] \(enrolment-\d+\) an empty reason; say why nobody suited them/,
  );
});

t.test('suggesting a previous partner fails the suggest() rules check only', async (t) => {
  const failed = await failedWith({ ignoreHistory: true });
  t.same([...failed.keys()], [SUGGEST_RULES]);
  t.match(failed.get(SUGGEST_RULES), /although they met before \(input\.history\)/);
});

t.test('suggestions must name others, best first, each explained', async (t) => {
  const self = await failedWith({ suggestSelf: true });
  t.same([...self.keys()], [SUGGEST_SHAPE]);
  t.match(self.get(SUGGEST_SHAPE), /suggest\(\) for enrolment-001 suggested the person themselves/);

  const worstFirst = await failedWith({ suggestWorstFirst: true });
  t.same([...worstFirst.keys()], [SUGGEST_SHAPE]);
  t.match(
    worstFirst.get(SUGGEST_SHAPE),
    /is not best first: enrolment-\d+ \(score \d+\) comes after enrolment-\d+ \(score \d+\); sort by score, highest first/,
  );

  const silent = await failedWith({ suggestWithoutWhy: true });
  t.same([...silent.keys()], [SUGGEST_SHAPE]);
});

t.test('a strategy without suggest() gets no suggest() checks', async (t) => {
  const { suggest: _, ...withoutSuggest } = greedyStrategy();
  const checks = matchingStrategyContract(defineMatchingStrategy(withoutSuggest));
  t.same(
    checks.map((c) => c.name),
    ALL_CHECKS.filter((name) => !name.startsWith('suggest()')),
  );
});

t.test('crashing on an empty round fails the 0-candidates check only', async (t) => {
  const failed = await failedWith({ crashOnEmpty: true });
  t.same([...failed.keys()], ['handles 0 candidates']);
  t.equal(
    failed.get('handles 0 candidates'),
    'matching strategy "greedy": match() for 0 candidates threw TypeError: Reduce of empty array with no initial value',
  );
});

t.test('an invalid config fails the config check, and the rest cannot run', async (t) => {
  const checks = matchingStrategyContract(greedyStrategy(), { config: { baseScore: -1 } });
  const failed = await failures(checks);
  t.same([...failed.keys()], ALL_CHECKS);
  t.equal(
    failed.get('config is valid against configSchema'),
    'matching strategy "greedy": config does not fit configSchema: /baseScore must be >= 0',
  );
  const config = await failures(
    matchingStrategyContract(greedyStrategy(), { config: { baseScore: 80 } }),
  );
  t.same([...config.keys()], [], 'a valid config, defaults filled in for the rest');
});

t.test('an answer outside the schema is reported with its path', async (t) => {
  const strategy = defineMatchingStrategy({
    name: 'overconfident',
    version: '1.0.0',
    host: '^0.1.0',
    configSchema: Type.Object({}),
    match: async (input, ctx) => {
      const proposal = await greedyStrategy().match(input, { ...ctx, config: { baseScore: 50 } });
      return { ...proposal, groups: proposal.groups.map((g) => ({ ...g, score: 150 })) };
    },
  });
  const failed = await failures(matchingStrategyContract(strategy));
  t.equal(
    failed.get('valid proposal for 12 candidates'),
    'matching strategy "overconfident": match() for 12 candidates answered outside MatchProposalSchema: /groups/0/score: Expected number to be less or equal to 100',
  );
  t.notOk(failed.has('handles 0 candidates'), 'no groups, nothing out of range');
});

t.test('a strategy that groups nobody cannot show that it respects forbids', async (t) => {
  const loner = defineMatchingStrategy({
    name: 'loner',
    version: '1.0.0',
    host: '^0.1.0',
    configSchema: Type.Object({}),
    match: (input) => ({
      groups: [],
      unmatched: input.candidates.map((c) => ({ enrolmentId: c.enrolmentId, reason: 'alone' })),
    }),
  });
  const failed = await failures(matchingStrategyContract(loner));
  t.same(
    [...failed.keys()],
    ['respects forbidden pairs', 'keeps excluded people apart', 'keeps pinned candidates together'],
  );
  t.match(
    failed.get('respects forbidden pairs'),
    /grouped nobody among 16 generated candidates, so there is no pair to forbid/,
  );
});

t.test(
  'a check rejects with a ContractViolation that keeps the thrown error as cause',
  async (t) => {
    const check = matchingStrategyContract(greedyStrategy({ crashOnEmpty: true }))[1];
    const error = await check?.run().then(
      () => undefined,
      (e: unknown) => e,
    );
    t.type(error, ContractViolation);
    t.equal((error as ContractViolation).name, 'ContractViolation');
    t.type((error as ContractViolation).cause, TypeError);
  },
);
