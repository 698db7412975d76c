/**
 * Did it work? One participant's way through a programme's evaluation, and HR's view of it: Julia
 * answers the starting survey as she enrols in Digital fit, keeps a goal with her tandem and
 * marks it reached, answers the final survey when the programme closes and downloads her
 * certificate of participation; the HR admin then reads the programme's impact, in which her
 * answers count beside four colleagues' (added by SQL, as the surveys store them). What the
 * matching review and the meeting planner do in between is done here through their services.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import t from 'tap';
import { followUpMeeting } from '../../server/src/modules/meetings/meeting-follow-up.js';
import { planNextMeeting } from '../../server/src/modules/meetings/meeting-planner.js';
import { activeChannels } from '../../server/src/modules/notifications/active-channels.js';
import { sendSurveys } from '../../server/src/modules/surveys/survey-sending.js';
import { sql } from '../../server/test/helpers/database.js';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { DIGITAL_FIT, enrolmentId, programmeId } from './helpers/demo-data.js';
import { enrolAsDigitalMentor } from './helpers/enrol-wizard.js';
import { checkA11y, signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(420_000);

/** The one demo person in neither group of Digital fit: free to enrol. */
const PARTICIPANT = 'Julia Schwarz';
const MENTEE = 'Thomas Schulze';
const ADMIN = 'Matthias Keller';
const GOAL = 'Run our unit meeting as a video call';

const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const run = (text: string, params: unknown[] = []) => sql(site.databaseUrl, text, params);

t.test(
  'a participant from the starting survey to the certificate; HR sees the impact',
  async (t) => {
    const page = await site.open(t, { language: 'en' });
    await signIn(page, PARTICIPANT);
    await switchLanguage(page, 'en');

    await t.test('she answers the starting survey as she enrols', async (t) => {
      await enrolAsDigitalMentor(page, digitalFit);

      await page
        .getByRole('heading', { level: 2, name: 'Optional: the starting survey' })
        .waitFor();
      await page
        .getByRole('group', { name: 'Information and data literacy' })
        .getByRole('radio', { name: '1', exact: true })
        .check();
      await page.getByRole('button', { name: 'Send answers' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      const [invitation] = await run(
        `SELECT i.answered FROM survey_invitation i JOIN app_user u ON u.id = i.user_id
        WHERE u.name = $1 AND i.survey = 'baseline'`,
        [PARTICIPANT],
      );
      t.same(invitation, { answered: true }, 'she is asked no more');
    });

    // HR publishes her tandem with a mentee of the programme; the pair holds its first meeting.
    const { pairId } = await publishPair(site.app, digitalFit, [
      {
        enrolmentId: await enrolmentId(site.databaseUrl, PARTICIPANT, DIGITAL_FIT),
        role: 'mentor',
      },
      { enrolmentId: await enrolmentId(site.databaseUrl, MENTEE, DIGITAL_FIT), role: 'mentee' },
    ]);
    const deps = site.app.meetingDependencies();
    const meeting = await planNextMeeting(deps, pairId);
    if (!meeting) throw new Error('the pair got no first meeting');
    await followUpMeeting(deps, meeting.id);

    await t.test('she keeps a goal with her tandem and marks it reached', async (t) => {
      await visit(page, `/tandem/${pairId}`);
      const goals = page.getByRole('region', { name: 'Goals' });
      await goals.getByLabel('New goal').fill(GOAL);
      await goals.getByRole('button', { name: 'Add goal' }).click();
      await goals.getByText(GOAL, { exact: true }).waitFor();
      await goals.getByRole('button', { name: `Mark progress: ${GOAL}` }).click();
      await goals
        .getByRole('group', { name: `How far along is "${GOAL}"?` })
        .getByLabel('reached')
        .check();
      await goals.getByRole('button', { name: 'Save progress' }).click();
      await goals.getByText('Progress: reached').waitFor();
      t.pass('the goal shows as reached');
    });

    // The programme closes: the survey job invites everyone taking part to the final survey.
    await run(`UPDATE programme SET state = 'closed' WHERE id = $1`, [digitalFit]);
    await sendSurveys(site.app.orm.em, activeChannels(site.app.plugins), new Date());

    await t.test('she answers the final survey from the start page', async (t) => {
      await visit(page, '/');
      await page
        .getByRole('region', { name: 'Surveys waiting for you' })
        .getByRole('link', { name: `Final survey: ${DIGITAL_FIT}` })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Final survey' }).waitFor();
      await page
        .getByRole('group', { name: 'Information and data literacy' })
        .getByRole('radio', { name: '5', exact: true })
        .check();
      await page
        .getByRole('group', { name: 'Would you recommend the programme?' })
        .getByRole('radio', { name: 'Yes' })
        .check();
      await page.getByRole('button', { name: 'Send answers' }).click();
      await page.getByText('You have answered this survey').waitFor();
      t.pass('the page thanks her');
    });

    await t.test('she downloads her certificate of participation', async (t) => {
      await visit(page, '/certificates');
      const link = page.getByRole('link', { name: `Certificate for ${DIGITAL_FIT} (PDF)` });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const pdf = await readFile(await download.path());
      t.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'a PDF arrives');
      t.match(download.suggestedFilename(), /^TND(-[2-9A-Z]{4}){3}\.pdf$/, 'named by its number');
    });

    await t.test('HR reads the impact, her answers among her colleagues’', async (t) => {
      // Four colleagues answered both surveys: information literacy 3 at the start, 4 at the end.
      for (let i = 0; i < 4; i++) {
        await respond('baseline', { 'digcomp.information': 3 });
        await respond('end', { 'digcomp.information': 4, recommend: 'maybe' });
      }
      const admin = await site.open(t, { language: 'de' });
      await signIn(admin, ADMIN);
      await switchLanguage(admin, 'de');
      await visit(admin, `/admin/programmes/${digitalFit}/impact`);
      await admin.getByRole('heading', { level: 1, name: `Wirkung: ${DIGITAL_FIT}` }).waitFor();
      const competence = admin.getByRole('table', {
        name: /^Digitale Kompetenz vorher und nachher/,
      });
      const row = competence.getByRole('row', { name: /^Informationen suchen und bewerten/ });
      t.same(
        (await row.getByRole('cell').allTextContents()).map((text) => text.trim()),
        ['2,6', '4,2', '+1,6'],
        'her 1 and 5 with their 3s and 4s: (1+12)/5 before, (5+16)/5 after',
      );
      await checkA11y(t, admin, 'the impact page after the journey');
    });
  },
);

async function respond(survey: string, answers: Record<string, unknown>): Promise<void> {
  await run(
    'INSERT INTO survey_response (id, programme_id, survey, answers) VALUES ($1, $2, $3, $4)',
    [randomUUID(), digitalFit, survey, JSON.stringify(answers)],
  );
}
