import t from 'tap';
import { organisationCommand } from '../src/cli/organisation-command.js';
import { loadConfig } from '../src/config.js';
import { openOrm } from '../src/db/orm.js';
import { EXIT_USAGE } from '../src/errors.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { organisationSettings } from '../src/modules/organisation/organisation-settings.js';
import { updateOrganisation } from '../src/modules/organisation/organisation-update.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase } from './helpers/database.js';
import { spawnTandem } from './helpers/tandem-process.js';

t.test('`tandem organisation` shows the settings, and sets those it is given', async (t) => {
  const url = await createTestDatabase(t);
  const show = spawnTandem(t, ['organisation'], { DATABASE_URL: url });
  t.equal((await show.exit).code, 0, show.output());
  t.equal(
    show.stdout(),
    'Name:      (not set: tandem organisation --name "…")\n' +
      'Time zone: Europe/Berlin\n' +
      'Language:  de (for people who chose none)\n' +
      'Sign language video: (none)\n',
  );

  const set = spawnTandem(
    t,
    [
      'organisation',
      '--name',
      ' Bundesamt für Beispiele ',
      '--time-zone',
      'Europe/Vienna',
      '--sign-language-video',
      'https://beispiele.example/dgs',
    ],
    { DATABASE_URL: url },
  );
  t.equal((await set.exit).code, 0, set.output());
  t.equal(
    set.stdout(),
    'Name:      Bundesamt für Beispiele\n' +
      'Time zone: Europe/Vienna\n' +
      'Language:  de (for people who chose none)\n' +
      'Sign language video: https://beispiele.example/dgs\n',
  );

  const app = await buildTestApp(t, { databaseUrl: url });
  const site = (await app.inject('/api/site')).json();
  t.equal(site.organisationName, 'Bundesamt für Beispiele', 'the site names it');
  t.equal(
    site.accessibility.signLanguageVideoUrl,
    'https://beispiele.example/dgs',
    'the site links the sign language video',
  );

  const cleared = spawnTandem(t, ['organisation', '--sign-language-video', ''], {
    DATABASE_URL: url,
  });
  t.equal((await cleared.exit).code, 0, cleared.output());
  t.match(cleared.stdout(), 'Sign language video: (none)\n', 'an empty value removes the link');
  const after = (await app.inject('/api/site')).json();
  t.equal(after.accessibility.signLanguageVideoUrl, null, 'and the site links none');
});

t.test('the sign language video must be an https URL', async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  await updateOrganisation(orm.em, { name: 'Amt' }, 'cli');
  for (const bad of [
    'http://amt.example/dgs',
    'javascript:alert(1)',
    'amt.example/dgs',
    'https://',
    `https://amt.example/${'x'.repeat(2000)}`,
  ])
    await t.rejects(
      updateOrganisation(orm.em, { signLanguageVideoUrl: bad }, 'cli'),
      { message: /^The sign language video must be an https URL of at most 2000 characters/ },
      bad.slice(0, 40),
    );
  t.equal((await organisationSettings(orm.em.fork())).signLanguageVideoUrl, null, 'none saved');

  const set = await updateOrganisation(
    orm.em,
    { signLanguageVideoUrl: ' https://amt.example/dgs ' },
    'cli',
  );
  t.equal(set.signLanguageVideoUrl, 'https://amt.example/dgs', 'an https URL is kept, trimmed');

  const refused = spawnTandem(t, ['organisation', '--sign-language-video', 'http://amt.example'], {
    DATABASE_URL: url,
  });
  t.equal((await refused.exit).code, 1, 'the command refuses it');
  t.match(refused.output(), 'must be an https URL');
});

t.test('a change is checked, needs a name first, and is audited', async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());

  await t.rejects(updateOrganisation(orm.em, { timeZone: 'Europe/Vienna' }, 'cli'), {
    message: 'The organisation has no name yet: name it in the same change.',
  });
  await t.rejects(updateOrganisation(orm.em, { name: 'Amt', timeZone: 'Mars/Olympus' }, 'cli'), {
    message: 'Unknown time zone "Mars/Olympus": use an IANA name such as Europe/Berlin.',
  });
  await t.rejects(updateOrganisation(orm.em, { name: '   ' }, 'cli'), {
    message: 'The name must have 1 to 200 characters.',
  });
  t.same(
    await organisationSettings(orm.em.fork()),
    {
      name: null,
      demo: false,
      timeZone: 'Europe/Berlin',
      defaultLocale: 'de',
      signLanguageVideoUrl: null,
    },
    'nothing refused was saved',
  );

  await updateOrganisation(orm.em, { name: 'Amt' }, 'cli');
  const after = await updateOrganisation(orm.em, { defaultLocale: 'en' }, 'cli');
  t.same(after, {
    name: 'Amt',
    demo: false,
    timeZone: 'Europe/Berlin',
    defaultLocale: 'en',
    signLanguageVideoUrl: null,
  });
  const audited = await orm.em
    .fork()
    .find(AuditEvent, { action: 'organisation.updated' }, { orderBy: { id: 'asc' } });
  t.match(
    audited.map((event) => event.data),
    [
      { via: 'cli', before: { name: null }, change: { name: 'Amt' } },
      { via: 'cli', before: { name: 'Amt', defaultLocale: 'de' }, change: { defaultLocale: 'en' } },
    ],
  );

  await t.rejects(
    organisationCommand(loadConfig({ DATABASE_URL: url }), [], {
      name: undefined,
      timeZone: undefined,
      language: 'fr',
      signLanguageVideo: undefined,
    }),
    { message: '--language is de or en (got "fr").', exitCode: EXIT_USAGE },
  );
});
