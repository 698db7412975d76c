import { type MatchProposal, MatchProposalSchema } from '@tandem/plugin-sdk';
import t from 'tap';
import { invokePlugin, PluginCallError } from '../src/plugin-host/invoke-plugin.js';

const call = (answer: (signal: AbortSignal) => unknown, timeoutMs = 200) =>
  invokePlugin<MatchProposal>({
    plugin: 'pairs',
    operation: 'match',
    timeoutMs,
    output: MatchProposalSchema,
    call: answer,
  });

const valid: MatchProposal = {
  groups: [
    {
      members: [
        { enrolmentId: 'a', role: 'mentor' },
        { enrolmentId: 'b', role: 'mentee' },
      ],
      score: 80,
      criteria: [{ name: 'skills', score: 80, weight: 1, why: 'a offers what b wants' }],
    },
  ],
  unmatched: [{ enrolmentId: 'c', reason: 'nobody left with a shared language' }],
};

t.test('a valid answer in time is passed on', async (t) => {
  t.same(await call(async () => valid), valid);
  t.same(await call(() => valid), valid, 'a synchronous answer too');
});

t.test(
  'a plugin that takes longer than its limit is cut off and gets the abort signal',
  async (t) => {
    let aborted = false;
    const started = Date.now();
    const error = await call(
      (signal) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
          });
          setTimeout(() => resolve(valid), 5000);
        }),
      100,
    ).catch((e: unknown) => e);
    t.type(error, PluginCallError);
    t.match(error, {
      failure: 'timeout',
      message: 'plugin pairs: match timed out: no answer within 100 ms',
    });
    t.ok(Date.now() - started < 2000, 'the caller does not wait for the plugin');
    t.ok(aborted, 'the plugin was told to stop');
  },
);

t.test('a plugin that throws, or answers out of contract, is refused', async (t) => {
  await t.rejects(
    call(() => Promise.reject(new Error('model missing'))),
    { failure: 'threw', message: /model missing/ },
  );
  const tooHigh = structuredClone(valid);
  if (tooHigh.groups[0]) tooHigh.groups[0].score = 101;
  await t.rejects(
    call(async () => tooHigh),
    { failure: 'invalid-output', message: /\/groups\/0\/score/ },
  );
  await t.rejects(
    call(async () => ({ groups: 'all of them', unmatched: [] })),
    { failure: 'invalid-output', message: /returned invalid output: \/groups: Expected array/ },
  );
});
