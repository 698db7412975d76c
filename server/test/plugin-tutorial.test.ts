/**
 * Runs docs/plugins/tutorial.md as a reader would, in an empty folder outside the repository:
 * every `sh` block is run (in the folder the previous block ended in), every block with
 * `file=<path>` is written there — or, where the file came from a copied template, must equal
 * it — and every line of a `text output` block must appear in the output of the command before
 * it (runs of spaces count as one). A block that is none of these fails the test, so the
 * tutorial holds no code that is not run. The tutorial packs the SDK and the test kit into
 * tarballs and installs them with plain npm, so this also proves they install without the
 * checkout. Then the plugins it wrote must load into a server as active, and a programme uses
 * them: a matching run with the strategy, its invitations through the channel.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { buildTestApp } from './helpers/build-test-app.js';
import { BUILT_IN_STATUSES } from './helpers/built-ins.js';
import { signedInAs } from './helpers/sessions.js';
import { chatRoom, programmeWithPlugins } from './helpers/tutorial-programme.js';

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
/** The variables that tell programs which certificates to trust and which proxy to use. */
const NETWORK = [
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
];

function machineNetwork(): Record<string, string> {
  const names = NETWORK.flatMap((name) => [name, name.toLowerCase()]);
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

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

// Packing, eight npm installs and five `tandem plugins` runs take longer than tap's default.
t.setTimeout(900_000);

t.test('the plugin tutorial works, step by step, outside the repository', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'tandem-tutorial-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  // A reader's environment: no variables of this test run (tap's NODE_OPTIONS, pnpm's npm_*).
  // npm's cache may answer (the reader's npm has one too), and audit and funding notes are noise.
  // The machine's own trust and proxy settings stay: a reader's npm has them too, and behind a
  // TLS-inspecting proxy npm on Node 24 trusts its certificate only through them.
  const env = {
    ...machineNetwork(),
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? folder,
    TANDEM: root,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  let cwd = folder;
  let last: { output: string; line: number } | undefined;
  for (const block of blocks(await readFile(tutorial, 'utf8'))) {
    const where = `tutorial.md:${block.line}`;
    if (block.attributes.file) {
      const path = join(cwd, block.attributes.file);
      if (existsSync(path)) {
        t.equal(block.body, await readFile(path, 'utf8'), `${where} shows the template's file`);
        continue;
      }
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

  for (const name of ['shared-skills', 'shared-skills-ts']) {
    const sdk = await realpath(join(folder, name, 'node_modules/@tandem/plugin-sdk'));
    t.ok(sdk.startsWith(await realpath(folder)), `${name} has its own copy of the SDK`);
    const manifest = await readFile(join(folder, name, 'package.json'), 'utf8');
    t.notOk(manifest.includes(root), `${name} names no path into the checkout`);
  }
  const chat = await chatRoom(t);
  const names = ['shared-skills', 'digital-basics', 'chat-webhook', 'shared-skills-ts'];
  // Each plugin brings its own SDK, TypeBox and Ajv; under tap's module hooks on a busy machine
  // their first import can outlast Fastify's 10 s plugin timeout, so import them here first.
  for (const name of names) {
    const dir = join(folder, name);
    await import(pathToFileURL(createRequire(join(dir, 'package.json')).resolve(dir)).href);
  }
  const app = await buildTestApp(t, {
    env: {
      TANDEM_PLUGINS: names.map((name) => join(folder, name)).join(','),
      TANDEM_PLUGIN_CHAT_WEBHOOK_URL: chat.url,
      WORKER_IN_PROCESS: 'true',
      PUBLIC_URL: 'https://tandem.agency.example',
      HOLIDAY_REGION: 'DE-BY',
    },
  });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const listed = await app.inject({ url: '/api/admin/plugins', cookies: admin.cookies });
  t.same(listed.json(), [
    ...BUILT_IN_STATUSES,
    { name: 'shared-skills', kind: 'matching-strategy', version: '1.0.0', status: 'active' },
    { name: 'digital-basics', kind: 'curriculum', version: '1.0.0', status: 'active' },
    { name: 'chat-webhook', kind: 'notification-channel', version: '1.0.0', status: 'active' },
    { name: 'shared-skills-ts', kind: 'matching-strategy', version: '1.0.0', status: 'active' },
  ]);

  for (const strategy of ['shared-skills', 'shared-skills-ts'])
    await t.test(`a programme matches with ${strategy} and invites through the chat`, async (t) => {
      const used = await programmeWithPlugins(app, admin.cookies, strategy);
      t.match(used.run, { state: 'succeeded', strategy, groupCount: 1, error: null });
      t.match(used.why, ['Offers what is wanted: e-file.'], "the strategy's reason is saved");
      t.equal(used.published, 200, 'the proposal is published');
      const posts = await chat.waitFor(used.members.length);
      t.equal(posts.length, used.members.length, 'an invitation for each member, in the chat');
      t.equal(new Set(posts.map((post) => post.idempotencyKey)).size, posts.length, 'each once');
      t.ok(
        posts.every((post) => post.text.includes('Kennenlernen und Tandem-Vereinbarung')),
        "the posts invite to the first session of the tutorial's curriculum",
        { posts },
      );
      chat.clear();
    });
});
