/**
 * A participant whose tandem met and ended downloads their certificate of participation from
 * "My certificates", and anyone (signed in or not) confirms it by its number on the
 * verification page. The demo has no pairs: the test makes one, holds its first meeting (as
 * the follow-up job does after the meeting's time) and ends the pair.
 */
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { followUpMeeting } from '../../server/src/modules/meetings/meeting-follow-up.js';
import { planNextMeeting } from '../../server/src/modules/meetings/meeting-planner.js';
import { User } from '../../server/src/modules/users/user.js';
import { sql } from '../../server/test/helpers/database.js';
import { runningPair } from '../../server/test/helpers/publish-pair.js';
import { checkA11y, signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const PROGRAMME = 'KI im Arbeitsalltag';
const MENTOR = 'Aylin Demir';
const MENTEE = 'Klaus-Dieter Wagner';

const site = await startTandem(t);
const em = site.app.orm.em.fork();
const userId = async (name: string) => (await em.findOneOrFail(User, { name })).id;
const { pairId } = await runningPair(site.app, {
  name: PROGRAMME,
  mentorId: await userId(MENTOR),
  menteeId: await userId(MENTEE),
});
const deps = site.app.meetingDependencies();
const meeting = await planNextMeeting(deps, pairId);
if (!meeting) throw new Error('the pair got no first meeting');
await followUpMeeting(deps, meeting.id);
await sql(site.databaseUrl, `UPDATE match SET state = 'ended' WHERE id = $1`, [pairId]);

t.test('the participant downloads their certificate, and the number verifies it', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await signIn(page, MENTEE);
  await visit(page, '/certificates');
  await checkA11y(t, page, 'my certificates');
  const link = page.getByRole('link', { name: `Teilnahmebescheinigung für ${PROGRAMME} (PDF)` });
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
  t.match(await statements.textContent(), MENTEE, 'it names the holder');
  t.match(await statements.textContent(), PROGRAMME, 'and the programme');
  await checkA11y(t, stranger, 'the verification page');

  await stranger.getByLabel('Bescheinigungsnummer').fill('TND-2222-3333-4444');
  await stranger.getByRole('button', { name: 'Prüfen' }).click();
  await stranger
    .getByRole('alert')
    .getByText('Es gibt keine Bescheinigung mit der Nummer')
    .waitFor();
  t.pass('an unknown number is said to be unknown');
});
