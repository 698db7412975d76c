import { join } from 'node:path';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { EXIT_CONFIG, type OperatorError } from '../src/errors.js';

const noteKey = 'k1:x0HyLFef04UKNLhemBFQq0g1DaxQToAimUZ3uXFxQQo=';

t.test('a variable is read from the file its _FILE variable names, trimmed', async (t) => {
  const dir = t.testdir({
    'notes-keys': `${noteKey}\n`,
    'client-secret': '  s3cret \n',
    'smtp-password': 'mail-pass\n',
  });
  const config = loadConfig(
    {
      NOTES_ENCRYPTION_KEYS_FILE: join(dir, 'notes-keys'),
      OIDC_ISSUER: 'https://sso.example.org',
      OIDC_CLIENT_ID: 'tandem',
      OIDC_CLIENT_SECRET_FILE: 'client-secret',
      TANDEM_PLUGIN_EMAIL_PASSWORD_FILE: join(dir, 'smtp-password'),
    },
    dir,
  );
  t.equal(config.oidc?.clientSecret, 's3cret', 'relative to the working directory, trimmed');
  t.same(
    config.noteKeyring.keys.map((key) => key.id),
    ['k1'],
  );
  t.equal(config.noteKeyring.development, false);
  t.equal(config.pluginEnv.TANDEM_PLUGIN_EMAIL_PASSWORD, 'mail-pass', 'plugin variables too');
});

t.test('the file content is validated like the variable', async (t) => {
  const dir = t.testdir({ port: 'eighty' });
  t.throws(() => loadConfig({ PORT_FILE: join(dir, 'port') }), {
    message: 'Invalid configuration: PORT must be a whole number from 1 to 65535 (got "eighty")',
  });
});

t.test('a missing or empty file, or both forms at once, stop the start', async (t) => {
  const dir = t.testdir({ empty: ' \n', secret: 'x' });
  const cases: [NodeJS.ProcessEnv, RegExp][] = [
    [
      { OIDC_CLIENT_SECRET_FILE: join(dir, 'nothing') },
      /^Invalid configuration: OIDC_CLIENT_SECRET_FILE: cannot read .*nothing \(ENOENT\)$/,
    ],
    [
      { OIDC_CLIENT_SECRET_FILE: join(dir, 'empty') },
      /^Invalid configuration: OIDC_CLIENT_SECRET_FILE: .*empty is empty$/,
    ],
    [
      { OIDC_CLIENT_SECRET: 'y', OIDC_CLIENT_SECRET_FILE: join(dir, 'secret') },
      /^Invalid configuration: set either OIDC_CLIENT_SECRET or OIDC_CLIENT_SECRET_FILE, not both$/,
    ],
  ];
  for (const [env, message] of cases) {
    const error = t.throws(() => loadConfig(env), { message }) as OperatorError;
    t.equal(error.exitCode, EXIT_CONFIG);
  }
});

t.test('_FILE of a variable Tandem does not read is left alone', async (t) => {
  t.doesNotThrow(() => loadConfig({ HOME_FILE: '/nonexistent', _FILE: '/nonexistent' }));
});
