import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import t from 'tap';
import { doctorChecks } from '../src/cli/doctor-checks.js';
import { doctorLine } from '../src/cli/doctor-command.js';
import { migrateFor } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import { createAppRole, createTestDatabase } from './helpers/database.js';
import { freePort, spawnTandem } from './helpers/tandem-process.js';
import { startTestIdp, tandemClient } from './helpers/test-idp.js';

const client = tandemClient('http://localhost:3000');

t.test('a good configuration passes every check', async (t) => {
  const ownerUrl = await createTestDatabase(t);
  const url = await createAppRole(t, ownerUrl);
  await migrateFor({ migrationDatabaseUrl: ownerUrl }, url, createLogger({ logLevel: 'silent' }));
  const idp = await startTestIdp(t, [client]);
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const checks = await doctorChecks({
    DATABASE_URL: url,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: client.clientId,
    OIDC_CLIENT_SECRET: client.clientSecret,
    TANDEM_PLUGIN_EMAIL_HOST: '127.0.0.1',
    TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
    TANDEM_PLUGIN_EMAIL_FROM: 'tandem@agency.example',
  });
  t.same(
    checks.map((c) => [c.name, c.status]),
    [
      ['configuration', 'ok'],
      ['public URL', 'ok'],
      ['database', 'ok'],
      ['audit log', 'ok'],
      ['identity provider', 'ok'],
      ['plugins', 'ok'],
      ['SMTP', 'ok'],
      ['reply mailbox', 'skipped'],
      ['directory', 'skipped'],
    ],
    checks.map(doctorLine).join('\n'),
  );
});

t.test('an unreachable IdP and mail server fail with how to fix them', async (t) => {
  const closed = await freePort();
  const checks = await doctorChecks({
    DATABASE_URL: `postgres://tandem:s3cret@127.0.0.1:${closed}/tandem`,
    OIDC_ISSUER: `http://127.0.0.1:${closed}/realms/agency`,
    OIDC_CLIENT_ID: 'tandem',
    OIDC_CLIENT_SECRET: 'secret',
    TANDEM_PLUGIN_EMAIL_HOST: '127.0.0.1',
    TANDEM_PLUGIN_EMAIL_PORT: String(closed),
    TANDEM_PLUGIN_EMAIL_FROM: 'tandem@agency.example',
    TANDEM_PLUGINS: './no-such-plugin',
  });
  const failed = checks.filter((c) => c.status === 'failed');
  t.same(
    failed.map((c) => c.name),
    ['database', 'identity provider', 'plugin ./no-such-plugin', 'SMTP'],
  );
  const lines = failed.map(doctorLine).join('\n');
  t.match(
    lines,
    /✗ database: cannot connect to postgres:\/\/tandem:\*\*\*@127\.0\.0\.1:\d+\/tandem: .*ECONNREFUSED.*\n {4}fix: Check DATABASE_URL/,
  );
  t.match(
    lines,
    new RegExp(
      `✗ identity provider: http://127\\.0\\.0\\.1:${closed}/realms/agency/\\.well-known/openid-configuration: fetch failed \\(.*ECONNREFUSED.*\\)\\n {4}fix: Check OIDC_ISSUER`,
    ),
  );
  t.match(
    lines,
    new RegExp(
      `✗ SMTP: 127\\.0\\.0\\.1:${closed}: .*ECONNREFUSED.*\\n {4}fix: Check TANDEM_PLUGIN_EMAIL_HOST`,
    ),
  );
  t.notMatch(lines, /s3cret/);
});

t.test('production without https or an IdP fails; `tandem doctor` exits 1', async (t) => {
  const checks = await doctorChecks({
    NODE_ENV: 'production',
    PUBLIC_URL: 'http://tandem.agency.example',
    NOTES_ENCRYPTION_KEYS: '',
  });
  t.match(
    checks.find((c) => c.name === 'public URL'),
    { status: 'failed', detail: 'http://tandem.agency.example is not https' },
  );
  t.match(
    checks.find((c) => c.name === 'identity provider'),
    { status: 'failed', detail: 'OIDC_ISSUER is not set' },
  );

  const doctor = spawnTandem(t, ['doctor'], { PORT: 'abc' });
  t.equal((await doctor.exit).code, 1);
  t.equal(
    doctor.stdout(),
    '✗ configuration: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")\n    fix: Correct the variable; docs/operators/configuration.md lists them all.\n',
  );
});
