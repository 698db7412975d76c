/**
 * The pair's goals on the tandem page: the mentee (German) adds a goal and marks how far it got,
 * with a note; the mentor (English) sees it and its mark, and after a session they held goes from
 * the plan to the goals and marks progress at that session, which the mentee then reads.
 */
import type { Page } from 'playwright-core';
import t from 'tap';
import { PairSession } from '../../server/src/modules/pairs/pair-session.js';
import { User } from '../../server/src/modules/users/user.js';
import { runningPair } from '../../server/test/helpers/publish-pair.js';
import { checkA11y, focused, signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const MENTOR = 'Priya Nair'; // reads English
const MENTEE = 'Paul Meier'; // reads German
const GOAL = 'Eine Präsentation mit KI vorbereiten';

const site = await startTandem(t);
const em = site.app.orm.em.fork();
const userId = async (name: string) => (await em.findOneOrFail(User, { name })).id;
const { pairId } = await runningPair(site.app, {
  name: 'KI im Arbeitsalltag',
  mentorId: await userId(MENTOR),
  menteeId: await userId(MENTEE),
});
// The pair has held its first session.
const [held] = await em.find(PairSession, { match: pairId }, { orderBy: { position: 'asc' } });
if (!held) throw new Error('the pair got no plan');
held.status = 'done';
await em.flush();

async function openTandem(page: Page, person: string) {
  await signIn(page, person);
  await visit(page, `/tandem/${pairId}`);
}

t.test('a member adds a goal and marks progress; the partner sees it', async (t) => {
  const mentee = await site.open(t, { language: 'de' });
  await openTandem(mentee, MENTEE);
  const goals = mentee.getByRole('region', { name: 'Ziele' });
  await goals.getByText('Noch keine Ziele.').waitFor();

  await goals.getByLabel('Neues Ziel').fill(GOAL);
  await goals.getByRole('button', { name: 'Ziel hinzufügen' }).click();
  await goals.getByText(GOAL, { exact: true }).waitFor();
  await goals.getByText('Noch kein Fortschritt eingetragen.').waitFor();

  await goals.getByRole('button', { name: `Fortschritt eintragen: ${GOAL}` }).click();
  const levels = goals.getByRole('group', { name: `Wie weit sind Sie bei „${GOAL}“?` });
  await goals.getByRole('button', { name: 'Fortschritt speichern' }).click();
  await goals.getByText('Bitte wählen Sie, wie weit Sie sind.').waitFor();
  t.pass('a mark without a level is refused in words');
  await levels.getByLabel('zur Hälfte').check();
  await goals.getByLabel('Notiz (freiwillig)').fill('Gliederung steht');
  await goals.getByRole('button', { name: 'Fortschritt speichern' }).click();
  await goals.getByText('Fortschritt: zur Hälfte').waitFor();
  t.match(
    await focused(mentee),
    { tag: 'button', text: 'Fortschritt eintragen' },
    'focus returns to the button that opened the form',
  );
  await checkA11y(t, mentee, 'the goals of a pair');

  const mentor = await site.open(t, { language: 'en' });
  await openTandem(mentor, MENTOR);
  const theirs = mentor.getByRole('region', { name: 'Goals' });
  await theirs.getByText(GOAL, { exact: true }).first().waitFor();
  await theirs.getByText('Progress: halfway').waitFor();
  await theirs.getByText('Progress so far (1)').click();
  await theirs.getByText(/Your partner,/).waitFor();
  await theirs.getByText('Gliederung steht').first().waitFor();
  t.pass('the mentor sees the goal, its level and the note');

  // From the session they held, to the goals, to mark progress at that session.
  const title = held.translations.title?.en ?? held.title;
  await mentor.getByRole('button', { name: `Progress on your goals ${title}` }).click();
  t.match(await focused(mentor), { id: 'goals-heading' }, 'the goals heading takes the focus');
  await theirs.getByText(`Marks you make now count for "${title}".`).waitFor();
  await theirs.getByRole('button', { name: `Mark progress: ${GOAL}` }).click();
  await theirs.getByLabel('nearly there').check();
  await theirs.getByRole('button', { name: 'Save progress' }).click();
  await theirs.getByText('Progress: nearly there').waitFor();

  await mentee.reload();
  const again = mentee.getByRole('region', { name: 'Ziele' });
  await again.getByText('Fortschritt: fast erreicht').waitFor();
  await again.getByText('Bisheriger Fortschritt (2)').click();
  await again.getByText(/Ihr Gegenüber[\s\S]*bei „/).waitFor();
  t.pass('the mentee reads the partner’s mark, made at the session');
});
