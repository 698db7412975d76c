/**
 * What the roles see, through the UI: a programme manager of Digital fit finds only that
 * programme in their administration, without "New programme" or the organisation's areas; a
 * report reader finds "Reports" in the navigation, a report link on each programme and the
 * audit log without anyone named.
 */
import t from 'tap';
import { setProgrammeManagers } from '../../server/src/modules/programmes/programme-managers.js';
import { setRoles } from '../../server/src/modules/users/role-assignment.js';
import { sql } from '../../server/test/helpers/database.js';
import { DIGITAL_FIT, programmeId } from './helpers/demo-data.js';
import { checkA11y, signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const [manager, reader] = await sql<{ id: string; name: string }>(
  site.databaseUrl,
  `SELECT id, name FROM app_user WHERE NOT ('admin' = ANY(roles)) ORDER BY name LIMIT 2`,
);
if (!manager || !reader) throw new Error('no demo people');
// As an admin would on People & roles and on the programme's page.
await setRoles(site.app.orm.em, manager.id, manager.id, ['programme-manager']);
await setRoles(site.app.orm.em, reader.id, reader.id, ['report-reader']);
await setProgrammeManagers(site.app.orm.em, manager.id, digitalFit, [manager.id]);

t.test('a programme manager administers their programme and nothing else', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, manager.name);
  await switchLanguage(page, 'en');
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('heading', { name: 'Programmes' }).waitFor();
  const cards = page.locator('tandem-admin-page article h3');
  await cards.first().waitFor();
  t.same(await cards.allTextContents(), [DIGITAL_FIT], 'only their programme');
  t.equal(await page.getByRole('link', { name: 'New programme' }).count(), 0);
  t.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0);
  t.equal(await page.getByRole('link', { name: 'People & roles' }).count(), 0);
  await checkA11y(t, page, "the programme manager's administration");
  await visit(page, `/admin/programmes/${digitalFit}`);
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  t.equal(
    await page.getByRole('heading', { name: 'Programme managers' }).count(),
    0,
    'who manages it is set by admins',
  );
});

t.test('a report reader lands on reports and reads the audit log without people', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, reader.name);
  await switchLanguage(page, 'en');
  await page.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  await page.getByRole('link', { name: `Report of ${DIGITAL_FIT}` }).waitFor();
  t.equal(await page.getByRole('link', { name: `Enrolments of ${DIGITAL_FIT}` }).count(), 0);
  await checkA11y(t, page, "the report reader's start");
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByText('not who did it').waitFor();
  t.notOk(
    (await page.locator('main').textContent())?.includes(manager.name),
    'nobody named in the log',
  );
});
