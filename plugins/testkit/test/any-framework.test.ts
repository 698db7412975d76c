import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defineCurriculum, Type } from '@tandem/plugin-sdk';
import t from 'tap';
import { curriculumContract, matchingStrategyContract } from '../src/index.js';
import { greedyStrategy } from './helpers/greedy-strategy.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const usage = join(import.meta.dirname, 'fixtures/node-test-usage.ts');

/** Runs the node:test fixture; resolves with its exit code and TAP output. */
async function nodeTest(flaws: object): Promise<{ code: number; output: string }> {
  const args = ['--conditions=tandem-source', '--import', 'tsx', '--test-reporter=tap', usage];
  const env = { ...process.env, FLAWS: JSON.stringify(flaws), NODE_OPTIONS: '' };
  try {
    const { stdout } = await run(process.execPath, args, { cwd: root, env });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: failed.stdout };
  }
}

t.test('the one-liner works in tap: each check a passing subtest', async (t) => {
  for (const check of matchingStrategyContract(greedyStrategy())) t.test(check.name, check.run);
});

t.test('the one-liner works in node:test, and a broken plugin fails there', async (t) => {
  const passing = await nodeTest({});
  t.equal(passing.code, 0, passing.output);
  t.match(passing.output, /^ok \d+ - is deterministic for a seed$/m);
  t.match(passing.output, /^# pass 14$/m);

  const failing = await nodeTest({ randomScores: true });
  t.equal(failing.code, 1);
  t.match(failing.output, /^not ok \d+ - is deterministic for a seed$/m);
  t.match(failing.output, /^# fail 1$/m);
  t.match(failing.output, /gave different answers, first at groups\[\d+\]\.score/);
});

t.test('making the checks calls nothing in the plugin', async (t) => {
  let called = false;
  const checks = curriculumContract(
    defineCurriculum({
      name: 'lazy',
      version: '1.0.0',
      host: '^0.1.0',
      configSchema: Type.Object({}),
      kinds: ['peer-lunch'],
      title: { de: 'Faul', en: 'Lazy' },
      description: { de: 'Nichts.', en: 'Nothing.' },
      defaults: {
        sessionCount: 1,
        sessionMinutes: 60,
        cadenceWeeks: 1,
        durationWeeks: 1,
        matchingStrategy: 'any',
        channels: [],
      },
      sessions: () => {
        called = true;
        return [];
      },
    }),
  );
  t.ok(checks.length > 0);
  t.notOk(called, 'the plugin is only called when a check runs');
});
