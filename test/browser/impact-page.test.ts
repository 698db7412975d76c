/**
 * The impact page, through the UI: in Digital fit, with the surveys answered (by SQL, as the
 * surveys store them) and one pair's goals marked, the HR admin goes from the programme's page
 * to its impact: headline figures, competence before and after as a table, the one pair's goals
 * withheld in words, the free-text answers the programme allows; the page passes axe in both
 * languages and can be printed.
 */
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { sql } from '../../server/test/helpers/database.js';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { DIGITAL_FIT, enrolmentId, programmeId } from './helpers/demo-data.js';
import { checkA11y, signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const ADMIN = 'Matthias Keller';
const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const { pairId } = await publishPair(site.app, digitalFit, [
  { enrolmentId: await enrolmentId(site.databaseUrl, 'Aylin Demir', DIGITAL_FIT), role: 'mentor' },
  {
    enrolmentId: await enrolmentId(site.databaseUrl, 'Thomas Schulze', DIGITAL_FIT),
    role: 'mentee',
  },
]);
const run = (text: string, params: unknown[] = []) => sql(site.databaseUrl, text, params);
// Eight answered at the start, twelve at the end; safety was asked of only three at the start.
for (let i = 0; i < 8; i++)
  await respond('baseline', {
    'digcomp.information': 2 + (i % 2),
    'digcomp.communication': 3,
    'digcomp.content': 3,
    ...(i < 3 ? { 'digcomp.safety': 2 } : {}),
    'digcomp.problem-solving': 2,
  });
for (let i = 0; i < 12; i++)
  await respond('end', {
    'digcomp.information': 4,
    'digcomp.communication': i < 8 ? 4 : 3,
    'digcomp.content': 4,
    'digcomp.safety': 4,
    'digcomp.problem-solving': 3,
    satisfaction: i < 6 ? 5 : 4,
    recommend: i < 7 ? 'yes' : 'maybe',
    ...(i < 5 ? { changed: `Ich erledige Anträge jetzt digital (${i})` } : {}),
  });
// The one pair: a goal reached and one started, too few pairs to show.
for (const [position, level] of [4, 1].entries()) {
  const goal = randomUUID();
  await run(
    `INSERT INTO pair_goal (id, match_id, text, origin, position, created_at, updated_at)
     VALUES ($1, $2, $3, 'pair', $4, now(), now())`,
    [goal, pairId, `Ziel ${position}`, position],
  );
  await run(
    `INSERT INTO pair_goal_progress (id, goal_id, level, created_at) VALUES ($1, $2, $3, now())`,
    [randomUUID(), goal, level],
  );
}
await run(
  `UPDATE programme SET settings = jsonb_set(settings, '{surveys}',
     coalesce(settings->'surveys', '{}') || '{"showFreeText": true}') WHERE id = $1`,
  [digitalFit],
);

async function respond(survey: string, answers: Record<string, unknown>): Promise<void> {
  await run(
    'INSERT INTO survey_response (id, programme_id, survey, answers) VALUES ($1, $2, $3, $4)',
    [randomUUID(), digitalFit, survey, JSON.stringify(answers)],
  );
}

t.test('an admin sees the impact page', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, ADMIN);
  await switchLanguage(page, 'en');
  await visit(page, `/admin/programmes/${digitalFit}`);
  await page.getByRole('link', { name: 'Impact', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Impact: ${DIGITAL_FIT}` }).waitFor();

  const competence = page.getByRole('table', { name: /^Digital competence before and after/ });
  const row = (name: string) => competence.getByRole('row', { name: new RegExp(`^${name}`) });
  t.same(
    await row('Finding and judging information').getByRole('cell').allTextContents(),
    ['2.5', '4.0', '+1.5'],
    'before, after and the change',
  );
  t.same(
    (await row('Safety').getByRole('cell').allTextContents()).map((text) => text.trim()),
    ['fewer than 5', '4.0', 'fewer than 5'],
    'three answers at the start: that average and the change are withheld, in words',
  );

  const goals = page.getByRole('table', { name: "Pairs' goals by how far they got" });
  t.same(
    (
      await goals
        .getByRole('row', { name: /^Reached/ })
        .getByRole('cell')
        .allTextContents()
    ).map((text) => text.trim()),
    ['fewer than 5'],
    'one pair: its goals are a small group',
  );
  const glance = page.locator('tandem-impact-page dl');
  t.match((await glance.textContent()) ?? '', /Would recommend it\s*58\s*%/);
  t.match((await glance.textContent()) ?? '', /Average satisfaction \(1 to 5\)\s*4\.5/);
  t.match((await glance.textContent()) ?? '', /Pairs' goals reached\s*fewer than 5/);
  t.match(
    (await glance.textContent()) ?? '',
    /Pairs dissolved \(partner changed\)\s*fewer than 5/,
    'one pair in all: even the share of none dissolved is withheld',
  );

  const words = page.getByRole('region', { name: 'In their own words' });
  await words.getByRole('heading', { name: /What has changed for you/ }).waitFor();
  t.equal(await words.getByRole('blockquote').count(), 5, 'five answers, no names');
  t.equal(await words.getByText(/Aylin|Thomas/).count(), 0);
  await page.getByRole('button', { name: 'Print' }).waitFor();

  await checkA11y(t, page, 'the impact page (en)');
  await switchLanguage(page, 'de');
  await page.getByRole('heading', { level: 1, name: `Wirkung: ${DIGITAL_FIT}` }).waitFor();
  await page.getByRole('cell', { name: 'weniger als 5' }).first().waitFor();
  await checkA11y(t, page, 'the impact page (de)');

  await page.emulateMedia({ media: 'print' });
  t.notOk(await page.getByRole('navigation').first().isVisible(), 'no navigation when printed');
  t.notOk(await page.getByRole('button', { name: 'Drucken' }).isVisible(), 'nor the print button');
  await page.emulateMedia({ media: 'screen' });

  await visit(page, `/admin/programmes/${digitalFit}/report`);
  await page.getByRole('link', { name: 'Wirkung des Programms (zum Drucken)' }).click();
  await page.getByRole('heading', { level: 1, name: `Wirkung: ${DIGITAL_FIT}` }).waitFor();
});
