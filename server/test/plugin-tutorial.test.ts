/**
 * Runs docs/plugins/tutorial.md as a reader would, in an empty folder outside the repository:
 * every `sh` block is run (in the folder the previous block ended in), every block with
 * `file=<path>` is written there, and every line of a `text output` block must appear in the
 * output of the command before it (runs of spaces count as one). A block that is none of these fails the test, so the tutorial holds no code
 * that is not run. Then the three plugins it wrote must load into a server as active.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { BUILT_IN_STATUSES } from './helpers/built-ins.js';
import { signedInAs } from './helpers/sessions.js';

const root = join(import.meta.dirname, '../..');
const tutorial = join(root, 'docs/plugins/tutorial.md');

interface Block {
  line: number;
  lang: string;
  attributes: Record<string, string>;
  flags: string[];
  body: string;
}

const squeeze = (text: string) => text.replace(/[ \t]+/g, ' ');

function blocks(markdown: string): Block[] {
  const found: Block[] = [];
  for (const match of markdown.matchAll(/^```(\S+)([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const words = (match[2] ?? '').trim().split(/\s+/).filter(Boolean);
    found.push({
      line: markdown.slice(0, match.index).split('\n').length,
      lang: match[1] ?? '',
      attributes: Object.fromEntries(words.filter((w) => w.includes('=')).map((w) => w.split('='))),
      flags: words.filter((w) => !w.includes('=')),
      body: match[3] ?? '',
    });
  }
  return found;
}

/** Runs a shell block with only what a reader's shell has, and the folder it ends in. */
function run(script: string, cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string; cwd: string }>((resolve) => {
    const marker = `__cwd__${process.pid}__`;
    // -e: stop at the first failing command, as a reader would.
    const child = spawn('bash', ['-e', '-c', `${script}\necho "${marker}$PWD"`], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => {
      const [text = '', ended] = output.split(marker);
      resolve({ code, output: text, cwd: ended?.trim() || cwd });
    });
  });
}

t.test('the plugin tutorial works, step by step, outside the repository', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'tandem-tutorial-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  // A reader's environment: no variables of this test run (tap's NODE_OPTIONS, pnpm's npm_*).
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? folder,
    TANDEM: root,
  };
  let cwd = folder;
  let last: { output: string; line: number } | undefined;
  for (const block of blocks(await readFile(tutorial, 'utf8'))) {
    const where = `tutorial.md:${block.line}`;
    if (block.attributes.file) {
      const path = join(cwd, block.attributes.file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, block.body);
    } else if (block.lang === 'sh') {
      const result = await run(block.body, cwd, env);
      const expected = Number(block.attributes.exit ?? 0);
      t.equal(result.code, expected, `${where} exits ${expected}`, { output: result.output });
      if (result.code !== expected) return;
      cwd = result.cwd;
      last = { output: result.output, line: block.line };
    } else if (block.lang === 'text' && block.flags.includes('output')) {
      // Column widths depend on every plugin listed (the built-ins too): compare words, not spaces.
      const output = squeeze(last?.output ?? '');
      for (const line of block.body.trimEnd().split('\n'))
        t.ok(
          output.includes(squeeze(line)),
          `${where}: the output of line ${last?.line} shows "${line}"`,
          {
            output: last?.output,
          },
        );
    } else {
      t.fail(`${where}: a \`${block.lang}\` block that is neither run, written nor checked`);
    }
  }

  const plugins = ['shared-skills', 'digital-basics', 'chat-webhook'].map((name) =>
    join(folder, name),
  );
  const app = await buildTestApp(t, {
    env: {
      TANDEM_PLUGINS: plugins.join(','),
      TANDEM_PLUGIN_CHAT_WEBHOOK_URL: 'https://chat.example.org/hooks/tandem',
    },
  });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const listed = await app.inject({ url: '/api/admin/plugins', cookies: admin.cookies });
  t.same(listed.json(), [
    ...BUILT_IN_STATUSES,
    { name: 'shared-skills', kind: 'matching-strategy', version: '1.0.0', status: 'active' },
    { name: 'digital-basics', kind: 'curriculum', version: '1.0.0', status: 'active' },
    { name: 'chat-webhook', kind: 'notification-channel', version: '1.0.0', status: 'active' },
  ]);
});
