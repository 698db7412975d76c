import { createServer } from 'node:net';
import t from 'tap';
import { EXIT_CONFIG, EXIT_USAGE } from '../src/errors.js';
import { BUILT_IN_STATUSES } from './helpers/built-ins.js';
import { createEmptyDatabase, createTestDatabase, sql } from './helpers/database.js';
import { strategySource, writePluginFolder } from './helpers/plugin-folder.js';
import { freePort, spawnTandem } from './helpers/tandem-process.js';

// Thirteen real `tandem` processes, each compiling the server with tsx as it starts: on a busy
// two-core machine the file needed 182 s, past the suite's 180 s default.
t.setTimeout(420_000);

t.test('an invalid variable stops start-up with one line naming it', async (t) => {
  const tandem = spawnTandem(t, ['start'], { PORT: 'abc' });
  const { code } = await tandem.exit;
  t.equal(code, EXIT_CONFIG);
  t.equal(
    tandem.stderr(),
    'tandem: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")\n',
    'exactly one line, no stack trace',
  );
});

t.test('demo mode is refused in production', async (t) => {
  const tandem = spawnTandem(t, ['start', '--demo'], { NODE_ENV: 'production' });
  t.equal((await tandem.exit).code, EXIT_CONFIG);
  t.match(tandem.stderr(), /^tandem: Demo mode is refused when NODE_ENV=production/);
});

t.test('demo mode is refused without the in-process worker', async (t) => {
  const tandem = spawnTandem(t, ['start', '--demo'], { WORKER_IN_PROCESS: 'false' });
  t.equal((await tandem.exit).code, EXIT_CONFIG);
  t.equal(
    tandem.stderr(),
    'tandem: Demo mode is refused when WORKER_IN_PROCESS=false: its email must go to the Demo mailbox, which only the in-process worker reaches.\n',
    'exactly one line',
  );
});

t.test('an unknown command prints the usage', async (t) => {
  const tandem = spawnTandem(t, ['serve'], {});
  t.equal((await tandem.exit).code, EXIT_USAGE);
  t.match(tandem.stderr(), /^tandem: Unknown command: serve\n\nUsage: tandem <command>/);
});

t.test('an option given to a command it does not belong to is refused, not ignored', async (t) => {
  const cases: [string[], string][] = [
    [
      ['export', 'audit', '--dry-run'],
      'tandem: --dry-run goes with `tandem import` or `tandem directory`.\n',
    ],
    [
      ['import', 'people', 'people.csv', '--out', 'x.csv'],
      'tandem: --out goes with `tandem export`.\n',
    ],
    [['migrate', '--demo'], 'tandem: --demo goes with `tandem start`.\n'],
  ];
  for (const [args, message] of cases) {
    const tandem = spawnTandem(t, args, {});
    t.equal((await tandem.exit).code, EXIT_USAGE, args.join(' '));
    t.equal(tandem.stderr(), message, args.join(' '));
  }
});

t.test('a database out of reach is one clear line, password hidden', async (t) => {
  const port = await freePort();
  const tandem = spawnTandem(t, ['migrate'], {
    DATABASE_URL: `postgres://tandem:s3cret@127.0.0.1:${port}/tandem`,
  });
  t.equal((await tandem.exit).code, 1);
  t.match(
    tandem.stderr(),
    /^tandem: Cannot connect to DATABASE_URL \(postgres:\/\/tandem:\*\*\*@127\.0\.0\.1:\d+\/tandem\): .*ECONNREFUSED/,
  );
  t.notMatch(tandem.output(), /s3cret/);
});

t.test('tandem migrate applies the migrations and exits', async (t) => {
  const url = await createEmptyDatabase(t);
  const tandem = spawnTandem(t, ['migrate'], { DATABASE_URL: url });
  t.equal((await tandem.exit).code, 0, tandem.output());
  const [row] = await sql<{ count: string }>(url, 'SELECT count(*) FROM mikro_orm_migrations');
  t.ok(Number(row?.count) > 0, 'migrations are recorded');
});

t.test('tandem start serves until SIGTERM, then drains and exits 0', async (t) => {
  const url = await createTestDatabase(t);
  const port = await freePort();
  const tandem = spawnTandem(t, ['start'], {
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  await tandem.waitFor(/Tandem is ready at/);

  const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
  t.equal(ready.status, 200);
  t.same(await ready.json(), {
    status: 'ready',
    checks: { database: { ok: true }, migrations: { ok: true } },
    plugins: [...BUILT_IN_STATUSES],
  });

  tandem.child.kill('SIGTERM');
  const { code } = await tandem.exit;
  t.equal(code, 0);
  const logs = tandem.output().trim().split('\n');
  t.same(
    logs.filter((line) => !/^\d\d:\d\d:\d\d (DEBUG|INFO |WARN ) \S/.test(line)),
    [],
    'in development, every log line is a line for people (time, level, message)',
  );
  t.ok(logs.length <= 15, `a short start-up: ${logs.length} lines`);
  t.match(logs.at(-1), /INFO {2}stopped$/);
});

t.test('tandem worker needs DATABASE_URL', async (t) => {
  const tandem = spawnTandem(t, ['worker'], {});
  t.equal((await tandem.exit).code, EXIT_CONFIG);
  t.match(tandem.stderr(), /^tandem: tandem worker needs DATABASE_URL/);
});

t.test('tandem worker connects to the queue alone and stops on SIGTERM', async (t) => {
  const url = await createTestDatabase(t);
  const tandem = spawnTandem(t, ['worker'], {
    DATABASE_URL: url,
    WORKER_CONCURRENCY: '2',
    // In production the log is JSON lines, for log collectors.
    NODE_ENV: 'production',
    NOTES_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  });
  await tandem.waitFor(/"msg":"worker running"/);
  await tandem.waitFor(/Worker connected and looking for jobs/);

  tandem.child.kill('SIGTERM');
  t.equal((await tandem.exit).code, 0);
  t.match(tandem.output(), /"msg":"worker stopped"/);
  const lines = tandem.stdout().trim().split('\n');
  t.ok(
    lines.every((line) => JSON.parse(line)),
    'every log line is structured JSON',
  );
});

t.test('production without an identity provider refuses to start', async (t) => {
  const url = await createTestDatabase(t);
  const tandem = spawnTandem(t, ['start'], { NODE_ENV: 'production', DATABASE_URL: url });
  t.equal((await tandem.exit).code, EXIT_CONFIG);
  t.match(tandem.stderr(), /^tandem: Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
});

t.test('a port in use is one clear line and a non-zero exit', async (t) => {
  const url = await createTestDatabase(t);
  const blocker = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const tandem = spawnTandem(t, ['start'], {
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  t.equal((await tandem.exit).code, 1);
  t.match(
    tandem.stderr(),
    new RegExp(
      `^tandem: Port ${port} on 127\\.0\\.0\\.1 is already in use; set PORT to a free one\\.\\n$`,
    ),
  );
});

t.test('`tandem plugins` lists each configured plugin with its status', async (t) => {
  const good = await writePluginFolder(t, {
    packageName: 'tandem-plugin-pairs',
    kind: 'matching-strategy',
    source: strategySource('pairs'),
  });
  const tooNew = await writePluginFolder(t, {
    packageName: 'tandem-plugin-future',
    kind: 'matching-strategy',
    source: strategySource('future').replace("host: '>=0.1.0 <1.0.0'", "host: '>=2.0.0'"),
  });
  const listing = spawnTandem(t, ['plugins'], { TANDEM_PLUGINS: `${good},${tooNew}` });
  t.equal((await listing.exit).code, 1, 'a failed plugin makes the command fail');
  t.equal(
    listing.stdout(),
    [
      'qa-quickstart  curriculum            0.1.0  active',
      'half-year      curriculum            0.1.0  active',
      'lunch-rounds   curriculum            0.1.0  active',
      'weighted       matching-strategy     0.1.0  active',
      'lunch          matching-strategy     0.1.0  active',
      'webhook        notification-channel  0.1.0  active',
      'pairs          matching-strategy     1.2.3  active',
      'future         -                     -      failed: it supports Tandem >=2.0.0; this server is 0.1.0',
      '',
    ].join('\n'),
  );

  const fine = spawnTandem(t, ['plugins'], { TANDEM_PLUGINS: good });
  t.equal((await fine.exit).code, 0);
  const none = spawnTandem(t, ['plugins'], {
    TANDEM_DISABLED_PLUGINS: 'qa-quickstart,half-year,lunch-rounds,weighted,lunch,webhook',
  });
  t.equal((await none.exit).code, 0);
  t.equal(none.stdout(), 'No plugins: the built-ins are disabled and TANDEM_PLUGINS is empty.\n');

  // Email needs a mail server: it loads once any of its settings is given, and says what is missing.
  const email = spawnTandem(t, ['plugins'], { TANDEM_PLUGIN_EMAIL_HOST: 'smtp.example.org' });
  t.equal((await email.exit).code, 1);
  t.match(
    email.stdout(),
    /^email +- +- +failed: config field from \(TANDEM_PLUGIN_EMAIL_FROM\): is required$/m,
  );
});
