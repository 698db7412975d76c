import t from 'tap';
import { loadConfig } from '../src/config.js';
import type {} from '../src/modules/meetings/meeting-dependencies-plugin.js';
import { anonymiseFormerParticipants } from '../src/modules/privacy/retention.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { PERSON, personWithHistory } from './helpers/privacy-fixture.js';

/** Programmes closed a month ago are forgotten; leavers after a quarter. */
const DAYS = { closedProgramme: 30, leaver: 90 };

t.test('people of programmes closed longer than the retention are anonymised', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, {
    databaseUrl,
    env: { RETENTION_CLOSED_PROGRAMME_DAYS: '30' },
  });
  const { pairs } = await personWithHistory(app);
  const deps = app.meetingDependencies();
  const keyring = loadConfig({}).noteKeyring;
  const names = async () =>
    (await sql(databaseUrl, 'SELECT name FROM app_user ORDER BY name')).map((u) => u.name);

  t.equal(
    await anonymiseFormerParticipants(deps, keyring, DAYS),
    0,
    'one of her programmes still runs',
  );
  await sql(
    databaseUrl,
    `UPDATE programme SET state = 'closed', updated_at = now() - interval '10 days'`,
  );
  t.equal(
    await anonymiseFormerParticipants(deps, keyring, DAYS),
    0,
    'closed, but only ten days ago',
  );
  await sql(databaseUrl, `UPDATE programme SET updated_at = now() - interval '31 days'`);
  t.equal(await anonymiseFormerParticipants(deps, keyring, DAYS), 2, 'both partners, a month on');
  t.same(await names(), ['Ehemalige Person', 'Ehemalige Person']);
  const [left] = await sql(
    databaseUrl,
    `SELECT count(*)::int AS n FROM notification WHERE text ILIKE '%' || $1 || '%'`,
    [PERSON.name],
  );
  t.equal(left?.n, 0);
  const [pair] = await sql(databaseUrl, 'SELECT state FROM match WHERE id = $1', [pairs.closed]);
  t.equal(pair?.state, 'published', 'the history of the closed pair stays');
  t.equal(await anonymiseFormerParticipants(deps, keyring, DAYS), 0, 'nobody twice');
});

t.test('a bad retention stops the start with one line', async (t) => {
  t.throws(() => loadConfig({ RETENTION_CLOSED_PROGRAMME_DAYS: '5' }), {
    message: /RETENTION_CLOSED_PROGRAMME_DAYS/,
  });
});
