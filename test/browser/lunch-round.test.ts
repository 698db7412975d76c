/**
 * A Mystery Lunch round as the people in it see it, through the UI only: the demo's lunch
 * programme draws its first round (the daily job's service, run here at once) and the worker
 * publishes the groups and plans their lunches. A participant finds "your lunch on … with …" on
 * the start page and skips the next round; the HR admin sees the round's groups by name and who
 * sits out next. The next round is drawn without her, and both see that she sat it out.
 */
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { startDueLunchRounds } from '../../server/src/modules/matching/lunch-rounds.js';
import { sql } from '../../server/test/helpers/database.js';
import { MYSTERY_LUNCH, programmeId } from './helpers/demo-data.js';
import { signIn, startTandem, switchLanguage, until, visit } from './helpers/tandem-browser.js';

t.setTimeout(480_000);

/** Enrolled in the lunch and in no other tandem: /tandem shows her lunch group. */
const PARTICIPANT = 'Aylin Demir';
const ADMIN = 'Matthias Keller';

const site = await startTandem(t, { worker: true });
const lunch = await programmeId(site.databaseUrl, MYSTERY_LUNCH);

/** Draws the next round and waits until the worker published it and planned every lunch. */
async function drawRound(t: Test, round: number): Promise<void> {
  t.same(await startDueLunchRounds(site.app.orm.em), [lunch], `round ${round} is drawn`);
  await until(
    () =>
      sql<{ rounds: number; unplanned: number }>(
        site.databaseUrl,
        `SELECT count(DISTINCT m.published_at)::int AS rounds,
                count(*) FILTER (WHERE m.state = 'published' AND NOT EXISTS
                  (SELECT 1 FROM meeting WHERE meeting.match_id = m.id))::int AS unplanned
           FROM match m WHERE m.programme_id = $1`,
        [lunch],
      ),
    ([row]) => row?.rounds === round && row.unplanned === 0,
    `round ${round} published with every lunch planned`,
  );
}

/** The participant's lunch partners in the current round, from the database. */
async function partnersOf(person: string): Promise<string[]> {
  const rows = await sql<{ name: string }>(
    site.databaseUrl,
    `SELECT u.name FROM match m
       JOIN match_member mine ON mine.match_id = m.id
       JOIN enrolment me ON me.id = mine.enrolment_id
       JOIN app_user self ON self.id = me.user_id AND self.name = $2
       JOIN match_member other ON other.match_id = m.id AND other.id <> mine.id
       JOIN enrolment oe ON oe.id = other.enrolment_id
       JOIN app_user u ON u.id = oe.user_id
      WHERE m.programme_id = $1 AND m.state = 'published'
      ORDER BY u.name`,
    [lunch, person],
  );
  return rows.map((row) => row.name);
}

/**
 * Opens a page in English: the demo people prefer German, which the app applies once their
 * session has loaded.
 */
async function show(page: Page, path: string) {
  await visit(page, path);
  await switchLanguage(page, 'en');
}

/** The Mystery Lunch card on the participant's start page. */
async function lunchCard(page: Page) {
  await show(page, '/');
  return page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: MYSTERY_LUNCH }),
  });
}

/** The pages live as long as the file: each step goes on where the last one stopped. */
const fileTest = t;
let participant: Page;
let admin: Page;

t.test('the first round is drawn and published', (t) => drawRound(t, 1));

t.test('the participant sees her lunch: when and with whom', async (t) => {
  participant = await site.open(fileTest, { language: 'en' });
  await signIn(participant, PARTICIPANT);
  const partners = await partnersOf(PARTICIPANT);
  t.ok(partners.length >= 1, 'she is in a group of round 1');
  const card = await lunchCard(participant);
  const lunchText = await card.getByText(/Round 1: your lunch on /).textContent();
  for (const name of partners) t.match(lunchText, name, `with ${name}`);
  t.notMatch(await card.textContent(), /no tandem/, 'the card does not say she has no tandem');
  t.match(await card.getByText(/The next round is drawn on/).textContent(), /\d{4}/);

  await show(participant, '/tandem');
  const section = participant.getByRole('region', { name: 'Lunch rounds' });
  await section.getByText(/Round 1: your lunch on /).waitFor();
  t.notMatch(await participant.locator('main').textContent(), /no tandem/, 'nor does my tandem');
});

t.test('she skips the next round', async (t) => {
  const card = await lunchCard(participant);
  await card.getByRole('button', { name: 'Skip the next round' }).click();
  const undo = card.getByRole('button', { name: 'Take part in the next round after all' });
  await undo.waitFor();
  t.ok(
    await undo.evaluate((button) => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active === button;
    }),
    'the keyboard stays on the button that replaced it',
  );
  await card.getByText('You are sitting it out.').waitFor();
  await participant
    .getByRole('status')
    .filter({ hasText: 'You sit out the next round.' })
    .waitFor({ state: 'attached' });
  // After a reload it is still so: the server holds it.
  const again = await lunchCard(participant);
  await again.getByRole('button', { name: 'Take part in the next round after all' }).waitFor();
  t.pass('the skip is kept');
});

t.test("the admin sees round 1's groups and who sits out next", async (t) => {
  admin = await site.open(fileTest, { language: 'en' });
  await signIn(admin, ADMIN);
  await show(admin, `/admin/programmes/${lunch}`);
  await admin.getByRole('link', { name: 'Lunch rounds' }).click();
  await admin.getByRole('heading', { level: 1, name: `Lunch rounds: ${MYSTERY_LUNCH}` }).waitFor();
  await admin.getByRole('heading', { name: 'Round 1' }).waitFor();
  const groups = admin.getByRole('table', { name: 'Groups of round 1' });
  const partners = await partnersOf(PARTICIPANT);
  const row = groups.getByRole('row').filter({ hasText: PARTICIPANT });
  const rowText = await row.textContent();
  for (const name of partners) t.match(rowText, name, `${name} is in her group`);
  t.ok((await groups.getByRole('row').count()) > 3, 'every group of the round is listed');
  const next = admin.getByRole('region', { name: 'Next round' });
  t.match(await next.textContent(), `Sitting it out: ${PARTICIPANT}`);
});

t.test('the next round is drawn without her, and both see that she sat it out', async (t) => {
  // Five weeks later: the round's groups are moved back in time rather than waited for.
  await sql(
    site.databaseUrl,
    `UPDATE match SET published_at = published_at - interval '5 weeks' WHERE programme_id = $1`,
    [lunch],
  );
  await drawRound(t, 2);
  t.same(await partnersOf(PARTICIPANT), [], 'she is in no group of round 2');

  await show(admin, `/admin/programmes/${lunch}/lunch`);
  const round = admin.getByRole('region', { name: 'Round 2' });
  t.match(await round.getByText(/Sat out: /).textContent(), PARTICIPANT);
  t.notMatch(
    await admin.getByRole('table', { name: 'Groups of round 2' }).textContent(),
    PARTICIPANT,
  );

  const card = await lunchCard(participant);
  await card.getByText('You are sitting out round 2.').waitFor();
  await card.getByRole('button', { name: 'Skip the next round' }).waitFor();
  t.pass('she is back in the draw for round 3');

  // With no group this round, "My tandem" shows her lunches, not "you have no tandem".
  await show(participant, '/tandem');
  await participant.getByText('You are sitting out round 2.').waitFor();
  t.notMatch(await participant.locator('main').textContent(), /no tandem/, 'my tandem says so too');
});
