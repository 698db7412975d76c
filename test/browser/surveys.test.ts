/**
 * A participant answers the programme's surveys: the starting survey as the last step of
 * enrolling, then, when the programme closes, the final survey from the home page's link. The
 * answers arrive without the person (the response table has no column that would name them).
 */
import t from 'tap';
import { activeChannels } from '../../server/src/modules/notifications/active-channels.js';
import { sendSurveys } from '../../server/src/modules/surveys/survey-sending.js';
import { sql } from '../../server/test/helpers/database.js';
import { enrolAsDigitalMentor } from './helpers/enrol-wizard.js';
import { checkA11y, signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

/** The one demo person in neither group of Digital fit: free to enrol. */
const PARTICIPANT = 'Julia Schwarz';
const DIGITAL_FIT = 'Digital fit: Reverse Mentoring 2027';
const CHANGED = 'I now run video meetings for my whole unit.';

const site = await startTandem(t);
const [programme] = await sql<{ id: string }>(
  site.databaseUrl,
  'SELECT id FROM programme WHERE name = $1',
  [DIGITAL_FIT],
);
const programmeId = programme?.id ?? '';

t.test('the starting survey at enrolment, the final survey from the home page', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, PARTICIPANT);
  await switchLanguage(page, 'en');
  await enrolAsDigitalMentor(page, programmeId);

  await page.getByRole('heading', { level: 2, name: 'Optional: the starting survey' }).waitFor();
  t.ok(await page.getByRole('button', { name: 'Skip for now' }).isVisible(), 'it may be skipped');
  await checkA11y(t, page, 'starting survey in the enrolment wizard');
  const safety = page.getByRole('group', { name: 'Safety' });
  t.match(await safety.textContent(), /1 = beginner[\s\S]*5 = expert/, 'the scale ends are shown');
  await safety.getByRole('radio', { name: '2', exact: true }).check();
  await page
    .getByRole('group', { name: /How far along are you with: Austausch zwischen den Generationen/ })
    .getByRole('radio', { name: '1', exact: true })
    .check();
  await page.getByRole('button', { name: 'Send answers' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  t.same(
    await sql(site.databaseUrl, 'SELECT survey, answers FROM survey_response'),
    [{ survey: 'baseline', answers: { 'digcomp.safety': 2, 'goal.1': 1 } }],
    'the answers are stored as given',
  );

  // The programme closes: the job invites everyone taking part to the final survey.
  await sql(site.databaseUrl, `UPDATE programme SET state = 'closed' WHERE id = $1`, [programmeId]);
  await sendSurveys(site.app.orm.em, activeChannels(site.app.plugins), new Date());
  await visit(page, '/');
  const waiting = page.getByRole('region', { name: 'Surveys waiting for you' });
  await waiting.getByRole('link', { name: `Final survey: ${DIGITAL_FIT}` }).click();
  await page.waitForURL(`**/surveys/${programmeId}/end`);
  await page.getByRole('heading', { level: 1, name: 'Final survey' }).waitFor();
  t.pass('the link leads to the final survey');

  await page.getByRole('button', { name: 'Send answers' }).click();
  await page.getByRole('alert').filter({ hasText: 'Answer at least one question.' }).waitFor();
  t.pass('sending nothing is refused, and the page says so');
  await checkA11y(t, page, 'final survey');
  await page
    .getByRole('group', { name: 'Would you recommend the programme?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByLabel('What has changed for you?').fill(CHANGED);
  await page.getByRole('button', { name: 'Send answers' }).click();
  await page.getByText('You have answered this survey').waitFor();
  t.pass('the page thanks her');
  await visit(page, '/');
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  t.equal(await waiting.count(), 0, 'no survey waits any more');
  t.same(
    await sql(
      site.databaseUrl,
      `SELECT survey, answered FROM survey_invitation i JOIN app_user u ON u.id = i.user_id
        WHERE u.name = $1 ORDER BY survey`,
      [PARTICIPANT],
    ),
    [
      { survey: 'baseline', answered: true },
      { survey: 'end', answered: true },
    ],
  );
  const [end] = await sql<{ answers: Record<string, unknown> }>(
    site.databaseUrl,
    `SELECT answers FROM survey_response WHERE survey = 'end'`,
  );
  t.same(end?.answers, { recommend: 'yes', changed: CHANGED });
});
