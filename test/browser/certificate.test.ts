/**
 * A participant whose tandem met and ended downloads their certificate of participation from
 * "My certificates", and anyone (signed in or not) confirms it by its number on the
 * verification page. The demo's pairs have held no meeting yet: the test holds one for a pair
 * of Digital fit, as the follow-up job does after the meeting's time, and ends the pair.
 */
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { followUpMeeting } from '../../server/src/modules/meetings/meeting-follow-up.js';
import { planNextMeeting } from '../../server/src/modules/meetings/meeting-planner.js';
import { sql } from '../../server/test/helpers/database.js';
import { DIGITAL_FIT, programmeId } from './helpers/demo-data.js';
import { checkA11y, signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const site = await startTandem(t);
const programme = await programmeId(site.databaseUrl, DIGITAL_FIT);
const [pair] = await sql<{ id: string; name: string }>(
  site.databaseUrl,
  `SELECT m.id, u.name FROM match m
     JOIN match_member mm ON mm.match_id = m.id
     JOIN enrolment e ON e.id = mm.enrolment_id
     JOIN app_user u ON u.id = e.user_id
    WHERE m.programme_id = $1 AND m.state = 'published'
    ORDER BY u.name LIMIT 1`,
  [programme],
);
if (!pair) throw new Error(`${DIGITAL_FIT} has no published pair`);
const deps = site.app.meetingDependencies();
await planNextMeeting(deps, pair.id);
const [meeting] = await sql<{ id: string }>(
  site.databaseUrl,
  `SELECT id FROM meeting WHERE match_id = $1 AND state = 'planned' ORDER BY starts_at LIMIT 1`,
  [pair.id],
);
await followUpMeeting(deps, meeting?.id ?? '');
await sql(site.databaseUrl, `UPDATE match SET state = 'ended' WHERE id = $1`, [pair.id]);

t.test('the participant downloads their certificate, and the number verifies it', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await signIn(page, pair.name);
  await visit(page, '/certificates');
  await checkA11y(t, page, 'my certificates');
  const link = page.getByRole('link', { name: `Teilnahmebescheinigung für ${DIGITAL_FIT} (PDF)` });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const filename = download.suggestedFilename();
  t.match(filename, /^TND(-[2-9A-Z]{4}){3}\.pdf$/, 'named after its number');
  const pdf = await readFile(await download.path());
  t.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'a PDF arrives');
  const number = filename.replace(/\.pdf$/, '');
  await page.getByText(`Nummer ${number}, ausgestellt am`).waitFor();
  t.pass('the list shows the number once it is issued');

  const stranger = await site.open(t, { language: 'de' });
  await visit(stranger, `/verify/${number}`);
  const found = stranger.getByRole('heading', { name: `Bescheinigung ${number} ist echt` });
  await found.waitFor();
  const statements = stranger.getByRole('region', { name: `Bescheinigung ${number} ist echt` });
  t.match(await statements.textContent(), pair.name, 'it names the holder');
  t.match(await statements.textContent(), DIGITAL_FIT, 'and the programme');
  await checkA11y(t, stranger, 'the verification page');

  await stranger.getByLabel('Bescheinigungsnummer').fill('TND-2222-3333-4444');
  await stranger.getByRole('button', { name: 'Prüfen' }).click();
  await stranger
    .getByRole('alert')
    .getByText('Es gibt keine Bescheinigung mit der Nummer')
    .waitFor();
  t.pass('an unknown number is said to be unknown');
});
