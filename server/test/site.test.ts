import t from 'tap';
import { loadConfig } from '../src/config.js';
import { EXIT_CONFIG, OperatorError } from '../src/errors.js';
import { ORGANISATION_ID, Organisation } from '../src/modules/organisation/organisation.js';
import { version } from '../src/version.js';
import { buildTestApp } from './helpers/build-test-app.js';

t.test('anyone reads the site facts; accessibility contacts are null until set', async (t) => {
  const app = await buildTestApp(t);
  const answer = await app.inject('/api/site');
  t.equal(answer.statusCode, 200, 'without signing in');
  t.same(answer.json(), {
    organisationName: null,
    version,
    demo: false,
    demoMailbox: false,
    languages: ['de', 'en'],
    defaultLocale: 'de',
    channels: ['webhook'],
    accessibility: {
      contactEmail: null,
      contactUrl: null,
      statementDate: null,
      enforcementBody: null,
      signLanguageVideoUrl: null,
    },
  });
});

t.test('the operator’s accessibility statement and the organisation’s name', async (t) => {
  const enforcementBody =
    'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz, Mauerstraße 53, 10117 Berlin';
  const app = await buildTestApp(t, {
    env: {
      ACCESSIBILITY_CONTACT_EMAIL: 'barrierefreiheit@amt.example',
      ACCESSIBILITY_CONTACT_URL: 'https://amt.example/barriere-melden',
      ACCESSIBILITY_STATEMENT_DATE: '2026-03-31',
      ACCESSIBILITY_ENFORCEMENT_BODY: enforcementBody,
    },
  });
  const em = app.orm.em.fork();
  em.create(Organisation, {
    id: ORGANISATION_ID,
    name: 'Stadtverwaltung Musterstadt',
    defaultLocale: 'en',
    demo: true,
    signLanguageVideoUrl: 'https://amt.example/dgs/tandem',
  });
  await em.flush();
  t.same((await app.inject('/api/site')).json(), {
    organisationName: 'Stadtverwaltung Musterstadt',
    version,
    demo: true,
    demoMailbox: false,
    languages: ['de', 'en'],
    defaultLocale: 'en',
    channels: ['webhook'],
    accessibility: {
      contactEmail: 'barrierefreiheit@amt.example',
      contactUrl: 'https://amt.example/barriere-melden',
      statementDate: '2026-03-31',
      enforcementBody,
      signLanguageVideoUrl: 'https://amt.example/dgs/tandem',
    },
  });
});

t.test('demo sign-in makes it a demo site', async (t) => {
  const app = await buildTestApp(t, { demo: true });
  t.match((await app.inject('/api/site')).json(), {
    demo: true,
    demoMailbox: true,
    channels: ['webhook', 'email'],
  });
});

for (const [env, message] of [
  [
    { ACCESSIBILITY_CONTACT_EMAIL: 'barrierefreiheit' },
    'Invalid configuration: ACCESSIBILITY_CONTACT_EMAIL must be an email address (got "barrierefreiheit")',
  ],
  [
    { ACCESSIBILITY_CONTACT_URL: 'amt.example/kontakt' },
    'Invalid configuration: ACCESSIBILITY_CONTACT_URL must be an http:// or https:// URL (got "amt.example/kontakt")',
  ],
  [
    { ACCESSIBILITY_STATEMENT_DATE: '31.03.2026' },
    'Invalid configuration: ACCESSIBILITY_STATEMENT_DATE must be a date as YYYY-MM-DD (got "31.03.2026")',
  ],
  [
    { ACCESSIBILITY_STATEMENT_DATE: '2026-02-30' },
    'Invalid configuration: ACCESSIBILITY_STATEMENT_DATE must be a date as YYYY-MM-DD (got "2026-02-30")',
  ],
] as const) {
  t.test(`a bad ${Object.keys(env)[0]} stops the start with one line`, async (t) => {
    const error = t.throws(() => loadConfig(env)) as OperatorError;
    t.type(error, OperatorError);
    t.equal(error.message, message);
    t.equal(error.exitCode, EXIT_CONFIG);
  });
}

t.test('the channels people may choose are those the server runs', async (t) => {
  const app = await buildTestApp(t, {
    env: {
      TANDEM_PLUGIN_EMAIL_HOST: '127.0.0.1',
      TANDEM_PLUGIN_EMAIL_PORT: '2525',
      TANDEM_PLUGIN_EMAIL_FROM: 'tandem@amt.example',
    },
  });
  const { channels } = (await app.inject('/api/site')).json() as { channels: string[] };
  t.same([...channels].sort(), ['email', 'webhook'], 'the inbox always stays, so it is not listed');
});
