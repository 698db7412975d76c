import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { EXIT_CONFIG, OperatorError } from '../src/errors.js';

t.test('defaults give a working local setup', async (t) => {
  const config = loadConfig({}, '/srv/tandem');
  t.equal(config.env, 'development');
  t.equal(config.host, 'localhost');
  t.equal(config.port, 3000);
  t.equal(config.publicUrl, 'http://localhost:3000');
  t.equal(config.databaseUrl, undefined, 'no DATABASE_URL means the embedded database');
  t.equal(config.dataDir, resolve('/srv/tandem/data'));
  t.same(config.worker, { inProcess: true, concurrency: 5 });
});

t.test('variables are read and converted', async (t) => {
  const config = loadConfig(
    {
      NODE_ENV: 'production',
      PORT: '8080',
      PUBLIC_URL: 'https://tandem.example.org/',
      DATABASE_URL: 'postgres://tandem:secret@db:5432/tandem',
      TANDEM_DATA_DIR: '/var/lib/tandem',
      WORKER_IN_PROCESS: 'false',
      WORKER_CONCURRENCY: '12',
    },
    '/srv',
  );
  t.equal(config.port, 8080);
  t.equal(config.publicUrl, 'https://tandem.example.org', 'trailing slash dropped');
  t.equal(config.databaseUrl, 'postgres://tandem:secret@db:5432/tandem');
  t.equal(config.dataDir, '/var/lib/tandem');
  t.same(config.worker, { inProcess: false, concurrency: 12 });
});

t.test('an empty variable counts as unset', async (t) => {
  t.equal(loadConfig({ PORT: '', DATABASE_URL: '  ' }).port, 3000);
  t.equal(loadConfig({ PORT: '', DATABASE_URL: '  ' }).databaseUrl, undefined);
});

const invalid: [Record<string, string>, RegExp][] = [
  [
    { PORT: 'abc' },
    /^Invalid configuration: PORT must be a whole number from 1 to 65535 \(got "abc"\)$/,
  ],
  [
    { PORT: '70000' },
    /^Invalid configuration: PORT must be a whole number from 1 to 65535 \(got "70000"\)$/,
  ],
  [
    { NODE_ENV: 'staging' },
    /^Invalid configuration: NODE_ENV must be one of development, production, test/,
  ],
  [
    { DATABASE_URL: 'mysql://db/tandem' },
    /^Invalid configuration: DATABASE_URL must be a postgres:\/\/ connection URL/,
  ],
  [
    { PUBLIC_URL: 'tandem.example.org' },
    /^Invalid configuration: PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/,
  ],
  [
    { WORKER_IN_PROCESS: 'maybe' },
    /^Invalid configuration: WORKER_IN_PROCESS must be true or false \(got "maybe"\)$/,
  ],
  [
    { LOG_LEVEL: 'loud' },
    /^Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/,
  ],
];

for (const [env, message] of invalid) {
  t.test(`rejects ${JSON.stringify(env)} with one line naming the variable`, async (t) => {
    const error = t.throws(() => loadConfig(env)) as OperatorError;
    t.type(error, OperatorError);
    t.match(error.message, message);
    t.notMatch(error.message, /\n/);
    t.equal(error.exitCode, EXIT_CONFIG);
  });
}

t.test('the configuration doc lists every variable as the schema has it', async (t) => {
  const { configurationDocPath, renderConfigurationDoc } = await import(
    '../scripts/configuration-doc.js'
  );
  const doc = await readFile(configurationDocPath, 'utf8');
  t.equal(
    doc,
    renderConfigurationDoc(),
    'docs/operators/configuration.md is current (run `pnpm docs:config`)',
  );
});

t.test('sign-in settings: issuer with client, https unless loopback, openid scope', async (t) => {
  const client = { OIDC_CLIENT_ID: 'tandem', OIDC_CLIENT_SECRET: 'secret' };
  const config = loadConfig({
    OIDC_ISSUER: 'https://sso.example.org/realms/amt',
    ...client,
    PUBLIC_URL: 'https://tandem.example.org',
  });
  t.same(config.oidc, {
    issuer: 'https://sso.example.org/realms/amt',
    clientId: 'tandem',
    clientSecret: 'secret',
  });
  t.same(config.claims, {
    scopes: ['openid', 'profile', 'email'],
    roles: 'groups',
    adminRoles: ['tandem-admin'],
    programmeManagerRoles: ['tandem-programme-manager'],
    reportReaderRoles: ['tandem-report-reader'],
    department: 'department',
    title: 'title',
    username: 'preferred_username',
  });
  t.equal(config.session.secureCookies, true, 'https PUBLIC_URL means Secure, __Host- cookies');
  t.equal(loadConfig({}).oidc, undefined, 'no issuer, no sign-in');
  t.equal(loadConfig({}).session.secureCookies, false);

  for (const issuer of [
    'http://127.0.0.1:8080/realms/x',
    'http://localhost:8080',
    'http://[::1]:8080',
    'http://keycloak.localhost:8080/realms/tandem',
  ]) {
    t.equal(
      loadConfig({ OIDC_ISSUER: issuer, ...client }).oidc?.issuer,
      issuer,
      `${issuer} is loopback`,
    );
  }
  t.throws(() => loadConfig({ OIDC_ISSUER: 'http://sso.example.org', ...client }), {
    message:
      /^Invalid configuration: OIDC_ISSUER must be an https:\/\/ URL; http:\/\/ is accepted on loopback addresses only/,
  });
  t.throws(() => loadConfig({ OIDC_ISSUER: 'https://sso.example.org' }), {
    message: 'Invalid configuration: OIDC_CLIENT_ID must be set when OIDC_ISSUER is',
  });
  t.throws(() => loadConfig({ OIDC_SCOPES: 'profile email' }), {
    message: /OIDC_SCOPES must be a space-separated list including openid/,
  });
  t.same(loadConfig({ OIDC_ADMIN_ROLES: 'hr, tandem-admin' }).claims.adminRoles, [
    'hr',
    'tandem-admin',
  ]);
});

t.test('the reply mailbox is all or nothing', async (t) => {
  const mailbox = {
    REPLY_MAILBOX_URL: 'imaps://[::1]',
    REPLY_MAILBOX_USER: 'tandem',
    REPLY_MAILBOX_PASSWORD: 'secret',
    REPLY_MAILBOX_ADDRESS: 'replies@agency.example',
  };
  t.match(loadConfig(mailbox).replyMailbox, { host: '::1', port: 993, secure: true });
  t.equal(loadConfig({}).replyMailbox, undefined);
  for (const name of ['REPLY_MAILBOX_USER', 'REPLY_MAILBOX_PASSWORD', 'REPLY_MAILBOX_ADDRESS'])
    t.throws(() => loadConfig({ ...mailbox, [name]: '' }), {
      message: `Invalid configuration: ${name} must be set when REPLY_MAILBOX_URL is`,
    });
  t.throws(() => loadConfig({ REPLY_MAILBOX_ADDRESS: 'replies@agency.example' }), {
    message:
      'Invalid configuration: REPLY_MAILBOX_ADDRESS is set without REPLY_MAILBOX_URL: nothing would read the answers',
  });
});

t.test('free/busy needs a calendar URL naming the person and the service account', async (t) => {
  const calendars = {
    FREEBUSY_CALDAV_URL: 'https://cal.agency.example/dav/{username}/personal/',
    FREEBUSY_CALDAV_USER: 'tandem',
    FREEBUSY_CALDAV_PASSWORD: 'secret',
  };
  t.same(loadConfig(calendars).freeBusy, {
    calendarUrl: calendars.FREEBUSY_CALDAV_URL,
    user: 'tandem',
    password: 'secret',
    cacheMs: 300_000,
    timeoutMs: 3000,
  });
  t.equal(loadConfig({}).freeBusy, undefined, 'unset: no calendars are read');
  for (const name of ['FREEBUSY_CALDAV_USER', 'FREEBUSY_CALDAV_PASSWORD'])
    t.throws(() => loadConfig({ ...calendars, [name]: '' }), {
      message: `Invalid configuration: ${name} must be set when FREEBUSY_CALDAV_URL is`,
    });
  t.throws(
    () => loadConfig({ ...calendars, FREEBUSY_CALDAV_URL: 'https://cal.agency.example/dav/' }),
    {
      message:
        /FREEBUSY_CALDAV_URL must be an http:\/\/ or https:\/\/ URL containing \{username\} or \{email\}/,
    },
  );
});
