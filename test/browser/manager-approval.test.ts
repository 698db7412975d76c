/**
 * A line manager approves from the message: someone of their team enrols in a programme that
 * needs the manager's approval; the manager finds the request in their inbox, follows its link
 * (which only shows the request), presses "Zustimmen", and the person takes part. In German,
 * as the demo people read. The demo has no such programme nor managers: the test adds them.
 */
import t from 'tap';
import { EMPTY_PROFILE } from '../../server/src/modules/profiles/profile-schema.js';
import { sql } from '../../server/test/helpers/database.js';
import { sessionFor } from '../../server/test/helpers/sessions.js';
import { checkA11y, signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const MANAGER = 'Matthias Keller';
const PERSON = 'Petra Zimmermann';
const PROGRAMME = 'Mit Zustimmung';

const site = await startTandem(t);
const idOf = async (name: string) =>
  (
    await sql<{ id: string }>(site.databaseUrl, 'SELECT id FROM app_user WHERE name = $1', [name])
  )[0]?.id ?? '';
await sql(site.databaseUrl, 'UPDATE app_user SET manager_id = $1 WHERE id = $2', [
  await idOf(MANAGER),
  await idOf(PERSON),
]);
const as = async (name: string) => {
  const { cookies } = await sessionFor(site.app, await idOf(name));
  return (method: 'POST' | 'PUT', url: string, payload: object) =>
    site.app.inject({ method, url, payload, cookies });
};
const hr = await as(MANAGER);
const { id } = (
  await hr('POST', '/api/admin/programmes', {
    curriculum: 'qa-quickstart',
    name: PROGRAMME,
    settings: { managerApproval: true },
  })
).json<{ id: string }>();
await hr('POST', `/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
await (await as(PERSON))('PUT', `/api/programmes/${id}/enrolment`, {
  role: 'mentee',
  profile: EMPTY_PROFILE,
});

t.test('the manager follows the inbox link and approves with one click', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await signIn(page, MANAGER);
  await visit(page, '/');
  const waiting = page.getByRole('region', { name: 'Zustimmungen' });
  await waiting.getByRole('link', { name: 'Jetzt antworten' }).waitFor();
  t.match(await waiting.textContent(), /wartet auf Ihre Zustimmung/, 'the start page says so');
  await visit(page, '/inbox');
  const title = `${PERSON} möchte an „${PROGRAMME}“ teilnehmen`;
  await page.getByRole('heading', { name: title }).waitFor();
  await page.locator('a[href^="/approvals/"]').first().click();
  await page.waitForURL('**/approvals/*');
  const request = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: title }),
  });
  await request.getByText('Wartet auf Ihre Antwort bis zum').waitFor();
  await checkA11y(t, page, 'the approvals page');
  const [before] = await sql<{ state: string }>(
    site.databaseUrl,
    'SELECT state FROM enrolment WHERE programme_id = $1',
    [id],
  );
  t.equal(before?.state, 'awaiting-approval', 'opening the link changed nothing');

  await request.getByRole('button', { name: 'Zustimmen' }).click();
  await request.getByText('Sie haben zugestimmt.').waitFor();
  const [after] = await sql<{ state: string }>(
    site.databaseUrl,
    'SELECT state FROM enrolment WHERE programme_id = $1',
    [id],
  );
  t.equal(after?.state, 'active', `${PERSON} takes part`);
});
