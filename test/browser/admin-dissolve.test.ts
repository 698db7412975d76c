/**
 * The admin's review desk, through the UI only: in Digital fit, with one proposed pair and one
 * published pair, the HR admin forbids the proposed pair (after confirming), undoes it and finds
 * the pair back, then dissolves the published pair with a reason; the members are told kindly,
 * without the reason.
 */
import t from 'tap';
import { Match } from '../../server/src/modules/matching/match.js';
import { MatchMember } from '../../server/src/modules/matching/match-member.js';
import { MatchingRun } from '../../server/src/modules/matching/matching-run.js';
import { sql } from '../../server/test/helpers/database.js';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { DIGITAL_FIT, enrolmentId, programmeId } from './helpers/demo-data.js';
import {
  checkA11y,
  dialogClosed,
  openDialog,
  signIn,
  startTandem,
  switchLanguage,
  visit,
} from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const ADMIN = 'Matthias Keller';
const MENTOR = 'Aylin Demir';
const MENTEE = 'Thomas Schulze';

const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const { pairId } = await publishPair(site.app, digitalFit, [
  { enrolmentId: await enrolmentId(site.databaseUrl, MENTOR, DIGITAL_FIT), role: 'mentor' },
  { enrolmentId: await enrolmentId(site.databaseUrl, MENTEE, DIGITAL_FIT), role: 'mentee' },
]);
// Two more people of the programme, one of each side, as the proposal of a run the admin reviews.
const proposed = await sql<{ id: string; name: string; role: 'mentor' | 'mentee' }>(
  site.databaseUrl,
  `SELECT DISTINCT ON (e.role) e.id, u.name, e.role FROM enrolment e JOIN app_user u ON u.id = e.user_id
    WHERE e.programme_id = $1 AND e.state = 'active' AND e.role IN ('mentor', 'mentee')
      AND u.name NOT IN ($2, $3)
    ORDER BY e.role, u.name`,
  [digitalFit, MENTOR, MENTEE],
);
{
  const em = site.app.orm.em.fork();
  em.create(MatchingRun, {
    programme: digitalFit,
    strategy: 'weighted',
    state: 'succeeded',
    progress: 100,
    seed: 1,
    groupCount: 1,
    unmatched: [],
    finishedAt: new Date(),
  });
  const match = em.create(Match, { programme: digitalFit, state: 'proposed' });
  for (const person of proposed)
    em.create(MatchMember, { match, enrolment: person.id, role: person.role });
  await em.flush();
}
const names = proposed.map((p) => p.name);

t.test('an admin forbids with confirmation, undoes it, and dissolves with a reason', async (t) => {
  t.equal(names.length, 2, 'a mentor and a mentee to propose');
  const admin = await site.open(t, { language: 'en' });
  await signIn(admin, ADMIN);
  await switchLanguage(admin, 'en');
  await visit(admin, `/admin/programmes/${digitalFit}/matching`);
  await admin.getByRole('heading', { name: 'Proposed pairs (1)' }).waitFor();

  // Forbidding asks first; cancelling changes nothing.
  const forbid = admin.getByRole('button', { name: /^Never pair these two/ });
  await forbid.click();
  let dialog = await openDialog(admin, 'Never pair these two?');
  t.match(await dialog.textContent(), /You can undo this/);
  await checkA11y(t, admin, 'the forbid confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialogClosed(admin, 'Never pair these two?');
  t.equal(await admin.getByRole('heading', { name: 'Proposed pairs (1)' }).count(), 1);

  await forbid.click();
  dialog = await openDialog(admin, 'Never pair these two?');
  await dialog.getByRole('button', { name: 'Never pair them' }).click();
  await admin.getByRole('heading', { name: 'Proposed pairs (0)' }).waitFor();
  await admin.getByRole('heading', { name: 'Never paired (1)' }).waitFor();
  t.match(
    await admin.getByRole('region', { name: 'Matching run' }).getByRole('status').textContent(),
    /^The last run proposed 1 pair\. 0 pairs are proposed now\. \d+ people are left unmatched\.$/,
    'the summary follows the edit',
  );
  await checkA11y(t, admin, 'the review after a forbid, with Undo');

  await admin.getByRole('button', { name: 'Undo' }).click();
  await admin.getByRole('heading', { name: 'Proposed pairs (1)' }).waitFor();
  t.equal(await admin.getByRole('heading', { name: /^Never paired/ }).count(), 0);
  const pair = admin.getByRole('heading', { level: 3, name: new RegExp(names[0] ?? '') });
  t.match(await pair.textContent(), names[1] ?? '', 'the same two are a pair again');
  t.match(
    await admin.locator('.pair .score').textContent(),
    /^(Score \d+ of 100|No score: the programme’s matching strategy would not propose this pair\. .+)$/,
    'scored by the strategy again',
  );

  // The published pair has been quiet: the admin sees who, and since when, nothing more.
  await sql(
    site.databaseUrl,
    `UPDATE match SET stale_since = '2026-11-02T09:00:00Z' WHERE id = $1`,
    [pairId],
  );
  await visit(admin, `/admin/programmes/${digitalFit}/matching`);
  const quiet = admin.getByRole('region', { name: 'Quiet pairs (1)' });
  t.match(
    await quiet.getByRole('listitem').textContent(),
    new RegExp(`^\\s*${MENTOR} & ${MENTEE}: quiet since .*2026\\s*$`),
  );
  await checkA11y(t, admin, 'the review with a quiet pair');

  // Dissolving a published pair needs a reason and a confirmation.
  await admin.getByRole('button', { name: new RegExp(`^Dissolve….*${MENTOR}`) }).click();
  dialog = await openDialog(admin, /^Dissolve .*\?$/);
  await dialog.getByRole('button', { name: 'Dissolve the pair' }).click();
  await dialog.getByRole('alert').getByText('Choose a reason.').waitFor();
  await dialog.getByRole('radio', { name: 'They cannot find time for each other' }).check();
  await checkA11y(t, admin, 'the dissolve dialog');
  await dialog.getByRole('button', { name: 'Dissolve the pair' }).click();
  await dialogClosed(admin, /^Dissolve .*\?$/);
  await admin.getByRole('heading', { name: /^Published pairs/ }).waitFor({ state: 'detached' });
  t.match(await admin.getByRole('heading', { name: /^Unmatched people/ }).textContent(), /\d+/);
  t.equal(await admin.getByRole('button', { name: /^Dissolve…/ }).count(), 0, 'no pair is left');
  await admin.getByRole('region', { name: 'Quiet pairs (0)' }).waitFor();
  t.match(
    await admin.getByRole('region', { name: /^Dissolved pairs/ }).textContent(),
    `${MENTOR} & ${MENTEE}: They cannot find time for each other`,
    'the admin reads the reason in words',
  );
  await checkA11y(t, admin, 'the review with a dissolved pair');

  const [stored] = await sql<{ state: string; code: string }>(
    site.databaseUrl,
    'SELECT state, dissolved_reason_code AS code FROM match WHERE id = $1',
    [pairId],
  );
  t.same(stored, { state: 'dissolved', code: 'no-time' });
  const told = await sql<{ body: string }>(
    site.databaseUrl,
    `SELECT n.text AS body FROM notification n JOIN app_user u ON u.id = n.recipient_id
      WHERE u.name = $1 AND n.subject = $2`,
    [MENTEE, `match:${pairId}:dissolved`],
  );
  t.equal(told.length, 1, 'the mentee is told');
  t.notMatch(told[0]?.body ?? '', /time for each other|no-time/, 'without the reason');
});
