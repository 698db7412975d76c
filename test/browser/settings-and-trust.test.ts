/// <reference lib="dom" />
/**
 * What an HR person and a participant see that has to be right to be trusted: the admin sets
 * the programme settings that used to be API-only (checked before sending, kept after saving),
 * the audit log then names the programme and says what happened in the reader's language, the
 * enrolment card gives the figures of the plan people will get, the start page does not badge a
 * programme "enrolment open" above "no programme is open", and "Download my data" downloads the
 * file.
 */
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { Programme } from '../../server/src/modules/programmes/programme.js';
import { DIGITAL_FIT, programmeId } from './helpers/demo-data.js';
import { signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(420_000);

const ADMIN = 'Matthias Keller';
/** Enrolled in Digital fit, which is open for enrolment. */
const ENROLLED = 'Aylin Demir';
/** In neither group of Digital fit: it is open to her. */
const NOT_ENROLLED = 'Julia Schwarz';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);

t.test(
  'the admin sets the programme settings, checked, and the audit log names them',
  async (t) => {
    const page = await site.open(t, { language: 'en' });
    await signIn(page, ADMIN);
    await visit(page, `/admin/programmes/${digitalFit}`);
    await switchLanguage(page, 'en');
    const stale = page.getByLabel('Weeks without a session before a pair is asked');
    await stale.fill('60');
    await page.getByLabel('Pair people from different departments only').check();
    await page.getByLabel('Participants choose their partner themselves').check();
    await page.getByLabel('Days a request waits for an answer').fill('3');
    await page.getByLabel('Find new partners at once when a pair parts').check();
    await page.getByLabel('Meeting room').fill('Raum 3.01');
    await page.getByLabel('Skills', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Please enter a number from 1 to 52.').waitFor();
    t.equal(await stale.getAttribute('aria-invalid'), 'true', 'the field out of range is marked');
    t.ok(
      await stale.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
      'and has the focus',
    );

    await stale.fill('4');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Settings saved.' })
      .waitFor({ state: 'attached' });
    await page.reload();
    await page.getByLabel('Meeting room').waitFor();
    t.equal(await page.getByLabel('Meeting room').inputValue(), 'Raum 3.01');
    t.equal(await stale.inputValue(), '4');
    t.equal(await page.getByLabel('Days a request waits for an answer').inputValue(), '3');
    t.equal(await page.getByLabel('Skills', { exact: true }).inputValue(), '5');
    for (const label of [
      'Pair people from different departments only',
      'Participants choose their partner themselves',
      'Find new partners at once when a pair parts',
    ])
      t.ok(await page.getByLabel(label).isChecked(), `${label}: kept`);

    await visit(page, '/admin/audit');
    const row = page.getByRole('row').filter({ hasText: 'Programme changed' }).first();
    await row.waitFor();
    t.match(await row.textContent(), DIGITAL_FIT, 'the programme by its name');
    t.notMatch(await row.textContent(), UUID, 'no id in the row');
    await switchLanguage(page, 'de');
    await page.getByRole('row').filter({ hasText: 'Programm geändert' }).first().waitFor();
    t.pass('in German too');
  },
);

t.test('a language chosen is kept by the very next page load', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, NOT_ENROLLED);
  // A slow server: the choice takes a second to be kept.
  await page.route('**/api/me/preferences', async (route) => {
    if (route.request().method() !== 'GET') await new Promise((done) => setTimeout(done, 1_000));
    await route.continue();
  });
  await switchLanguage(page, 'de');
  await visit(page, '/profile');
  t.equal(await page.evaluate(() => document.documentElement.lang), 'de', 'German after a load');
  await switchLanguage(page, 'en');
  await page.reload();
  await page.locator('main h1').waitFor();
  t.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'English after a reload');
});

t.test('the enrolment card gives the figures of the curriculum chosen', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, NOT_ENROLLED);
  await switchLanguage(page, 'en');
  const card = page.getByRole('listitem').filter({ hasText: DIGITAL_FIT });
  await card.getByText(/sessions of/).waitFor();
  // The half-year curriculum: twelve sessions of 60 minutes.
  t.match(await card.textContent(), '12 sessions of 60 minutes');
});

t.test('the start page agrees with itself about what is open for enrolment', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, ENROLLED);
  await switchLanguage(page, 'en');
  const mine = page.getByRole('region', { name: 'My programmes' });
  await mine.getByText('Enrolment open').waitFor();
  const open = page.getByRole('region', { name: 'Open for enrolment' });
  await open.getByText('You have joined every programme that is open for enrolment.').waitFor();
  t.equal(await page.getByText('No programme is open for enrolment right now.').count(), 0);

  // The window closes while the programme is still in its enrolment stage.
  const em = site.app.orm.em.fork();
  const programme = await em.findOneOrFail(Programme, digitalFit);
  programme.settings = {
    ...programme.settings,
    enrolmentClosesAt: new Date(Date.now() - 86_400_000).toISOString(),
  };
  await em.flush();
  await page.reload();
  await mine.getByText('Enrolment closed').waitFor();
  t.equal(await mine.getByText('Enrolment open').count(), 0, 'no longer badged open');
  await open.getByText('No programme is open for enrolment right now.').waitFor();
  t.pass('and nothing is listed as open');
});

t.test('"Download my data" downloads everything Tandem holds about the person', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, ENROLLED);
  await visit(page, '/profile');
  await switchLanguage(page, 'en');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ]);
  t.match(download.suggestedFilename(), /\.json$/);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  t.match(text, ENROLLED, 'the file holds the person');
  t.ok(JSON.parse(text), 'as JSON');
});
