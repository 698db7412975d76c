import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { OperatorError } from '../src/errors.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { BUILT_IN_STATUSES } from './helpers/built-ins.js';
import { createTestDatabase } from './helpers/database.js';
import { strategySource, writePluginFolder } from './helpers/plugin-folder.js';
import { signedInAs } from './helpers/sessions.js';

t.test('a plugin in a folder outside the workspace loads and is listed as active', async (t) => {
  const folder = await writePluginFolder(t, {
    packageName: 'tandem-plugin-pairs',
    kind: 'matching-strategy',
    source: strategySource('pairs'),
  });
  const app = await buildTestApp(t, {
    env: { TANDEM_PLUGINS: folder, TANDEM_PLUGIN_PAIRS_MAX_GROUP_SIZE: '3' },
  });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const listed = await app.inject({ url: '/api/admin/plugins', cookies: admin.cookies });
  t.equal(listed.statusCode, 200);
  t.same(listed.json(), [
    ...BUILT_IN_STATUSES,
    { name: 'pairs', kind: 'matching-strategy', version: '1.2.3', status: 'active' },
  ]);

  const strategy = app.plugins.get('matching-strategy', 'pairs');
  t.ok(strategy, 'found by kind and name');
  t.same(
    strategy?.config,
    { maxGroupSize: 3, label: 'pairs' },
    'config from TANDEM_PLUGIN_PAIRS_* with defaults',
  );
  t.equal(app.plugins.get('curriculum', 'pairs'), undefined, 'not under another kind');
  t.same(
    await strategy?.definition.match(
      {
        programme: { id: 'p', kind: 'peer-lunch', weights: {}, rules: {} },
        candidates: [],
        history: [],
        pins: [],
        forbids: [],
        seed: 1,
      },
      {} as never,
    ),
    {
      groups: [],
      unmatched: [],
    },
  );

  const participant = await signedInAs(app, { subject: 'ada', name: 'Ada' });
  t.equal(
    (await app.inject({ url: '/api/admin/plugins', cookies: participant.cookies })).statusCode,
    403,
  );
});

t.test(
  'broken plugins are reported with a reason naming them, and the server runs on',
  async (t) => {
    const throwing = await writePluginFolder(t, {
      packageName: 'tandem-plugin-throws',
      kind: 'matching-strategy',
      source: "throw new Error('cannot find my model file');\n",
    });
    const tooNew = await writePluginFolder(t, {
      packageName: 'tandem-plugin-future',
      kind: 'matching-strategy',
      source: strategySource('future').replace("host: '>=0.1.0 <1.0.0'", "host: '>=2.0.0'"),
    });
    const badConfig = await writePluginFolder(t, {
      packageName: 'tandem-plugin-picky',
      kind: 'matching-strategy',
      source: strategySource('picky'),
    });
    const notBranded = await writePluginFolder(t, {
      packageName: 'tandem-plugin-plain',
      kind: 'curriculum',
      source: "export default { name: 'plain', sessions: () => [] };\n",
    });
    const databaseUrl = await createTestDatabase(t);
    const app = await buildTestApp(t, {
      databaseUrl,
      env: {
        TANDEM_PLUGINS: [throwing, tooNew, badConfig, notBranded].join(','),
        TANDEM_PLUGIN_PICKY_MAX_GROUP_SIZE: '1',
      },
    });

    const ready = await app.inject('/health/ready');
    t.equal(ready.statusCode, 200, 'optional plugins failing do not make the server unready');
    const byName = Object.fromEntries(
      ready.json().plugins.map((p: { name: string }) => [p.name, p]),
    );
    t.match(byName['tandem-plugin-throws'], {
      status: 'failed',
      error: /cannot find my model file/,
      required: false,
    });
    t.match(byName.future, {
      status: 'failed',
      error: 'it supports Tandem >=2.0.0; this server is 0.1.0',
    });
    t.match(byName.picky, {
      status: 'failed',
      error: 'config field maxGroupSize (TANDEM_PLUGIN_PICKY_MAX_GROUP_SIZE): must be >= 2',
    });
    t.match(byName['tandem-plugin-plain'], {
      status: 'failed',
      error: /does not come from a define\* helper/,
    });
  },
);

t.test('a required plugin that fails stops start-up with one line naming it', async (t) => {
  const tooNew = await writePluginFolder(t, {
    packageName: 'tandem-plugin-future',
    kind: 'matching-strategy',
    source: strategySource('future').replace("host: '>=0.1.0 <1.0.0'", "host: '>=2.0.0'"),
  });
  const error = await buildTestApp(t, {
    env: { TANDEM_PLUGINS: tooNew, TANDEM_REQUIRED_PLUGINS: 'future' },
  }).catch((e: unknown) => e);
  t.type(error, OperatorError);
  t.equal(
    (error as Error).message,
    'Required plugin future did not load: it supports Tandem >=2.0.0; this server is 0.1.0',
  );
});

t.test(
  'plugin variables are passed through the config, and a folder with a comma-free space works',
  async (t) => {
    const config = loadConfig({
      TANDEM_PLUGINS: '/opt/my plugins/a, @acme/tandem-b',
      TANDEM_PLUGIN_A_X: '1',
      OTHER: 'y',
    });
    t.same(
      config.plugins.specifiers,
      [
        '@tandem/curriculum-qa-quickstart',
        '@tandem/curriculum-half-year',
        '@tandem/curriculum-lunch-rounds',
        '@tandem/matching-weighted',
        '@tandem/matching-lunch',
        '@tandem/channel-webhook',
        '/opt/my plugins/a',
        '@acme/tandem-b',
      ],
      'the built-ins first',
    );
    t.same(config.pluginEnv, { TANDEM_PLUGIN_A_X: '1' });
  },
);

t.test('plugin settings from a config file, with variables winning per field', async (t) => {
  const folder = await writePluginFolder(t, {
    packageName: 'tandem-plugin-pairs',
    kind: 'matching-strategy',
    source: strategySource('pairs'),
  });
  const file = join(folder, 'tandem-plugins.json');
  await writeFile(file, JSON.stringify({ pairs: { maxGroupSize: 4, label: 'from the file' } }));
  const app = await buildTestApp(t, {
    env: {
      TANDEM_PLUGINS: folder,
      TANDEM_PLUGIN_CONFIG: file,
      TANDEM_PLUGIN_PAIRS_LABEL: 'from a variable',
    },
  });
  t.same(app.plugins.get('matching-strategy', 'pairs')?.config, {
    maxGroupSize: 4,
    label: 'from a variable',
  });

  await writeFile(file, JSON.stringify({ pairs: { maxGroupSize: 'four' } }));
  const failing = await buildTestApp(t, {
    env: { TANDEM_PLUGINS: folder, TANDEM_PLUGIN_CONFIG: file },
  });
  t.match(failing.plugins.statuses.slice(BUILT_IN_STATUSES.length), [
    {
      name: 'pairs',
      status: 'failed',
      error: `config field maxGroupSize (TANDEM_PLUGIN_PAIRS_MAX_GROUP_SIZE or "pairs"."maxGroupSize" in ${file}): must be integer`,
    },
  ]);
});

t.test('a config file that is missing or malformed stops start-up with one line', async (t) => {
  const folder = t.testdir({ 'broken.json': '{ "pairs": ', 'list.json': '[1]' });
  const attempt = (path: string) => {
    try {
      loadConfig({ TANDEM_PLUGIN_CONFIG: path }, folder);
      return undefined;
    } catch (error) {
      return error as OperatorError;
    }
  };
  t.match(attempt('missing.json'), {
    exitCode: 78,
    message: `Invalid configuration: TANDEM_PLUGIN_CONFIG names ${join(folder, 'missing.json')}, which cannot be read (ENOENT)`,
  });
  t.match(attempt('broken.json'), { message: /broken\.json, which is not valid JSON: / });
  t.match(attempt('list.json'), {
    message: /list\.json, which must hold one object per plugin name$/,
  });
});

t.test(
  'a plugin whose configSchema is a plain JSON Schema object is configured the same way',
  async (t) => {
    const folder = await writePluginFolder(t, {
      packageName: 'tandem-plugin-plain-schema',
      kind: 'matching-strategy',
      source: `import { defineMatchingStrategy } from '@tandem/plugin-sdk';
export default defineMatchingStrategy({
  name: 'plain-schema', version: '1.0.0', host: '^0.1.0',
  configSchema: {
    type: 'object',
    properties: { rounds: { type: 'integer', minimum: 1, default: 3 }, label: { type: 'string' } },
    required: ['label'],
  },
  match: () => ({ groups: [], unmatched: [] }),
});`,
    });
    const app = await buildTestApp(t, {
      env: { TANDEM_PLUGINS: folder, TANDEM_PLUGIN_PLAIN_SCHEMA_LABEL: 'lunch' },
    });
    t.same(app.plugins.get('matching-strategy', 'plain-schema')?.config, {
      label: 'lunch',
      rounds: 3,
    });
    const unconfigured = await buildTestApp(t, { env: { TANDEM_PLUGINS: folder } });
    t.match(unconfigured.plugins.statuses.slice(BUILT_IN_STATUSES.length), [
      {
        name: 'plain-schema',
        status: 'failed',
        error: 'config field label (TANDEM_PLUGIN_PLAIN_SCHEMA_LABEL): is required',
      },
    ]);
  },
);

t.test(
  'the built-ins load by default; one can be left out, and naming one twice is harmless',
  async (t) => {
    const builtIn = loadConfig({ TANDEM_PLUGINS: '@tandem/curriculum-qa-quickstart' });
    t.same(builtIn.plugins.specifiers, [
      '@tandem/curriculum-qa-quickstart',
      '@tandem/curriculum-half-year',
      '@tandem/curriculum-lunch-rounds',
      '@tandem/matching-weighted',
      '@tandem/matching-lunch',
      '@tandem/channel-webhook',
    ]);
    const off = loadConfig({ TANDEM_DISABLED_PLUGINS: 'qa-quickstart, lunch-rounds, lunch' });
    t.same(off.plugins.specifiers, [
      '@tandem/curriculum-half-year',
      '@tandem/matching-weighted',
      '@tandem/channel-webhook',
    ]);
    const mail = loadConfig({ TANDEM_PLUGIN_EMAIL_HOST: 'smtp.example.org' });
    t.ok(mail.plugins.specifiers.includes('@tandem/channel-email'), 'email once configured');
    t.throws(() => loadConfig({ TANDEM_DISABLED_PLUGINS: 'nearest' }), {
      message:
        'Invalid configuration: TANDEM_DISABLED_PLUGINS names nearest, which is not a built-in plugin (qa-quickstart, half-year, lunch-rounds, weighted, lunch, email, webhook)',
    });

    const app = await buildTestApp(t);
    const quickstart = app.plugins.get('curriculum', 'qa-quickstart');
    t.equal(quickstart?.definition.title.en, 'Quick start: questions and answers');
    t.same(quickstart?.config, { sessionMinutes: 45 }, 'configured by its defaults');
  },
);
