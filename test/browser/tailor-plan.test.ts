/**
 * A pair makes its plan its own on the tandem page, by keyboard alone (Tab, Shift+Tab, Enter,
 * Space, arrow keys, and typing into fields): moves a session down and back up, skips one,
 * writes its own homework, and adds a session after the first. Focus stays where the person
 * acts. A reorder sent after the partner added a session meanwhile is refused with a sentence
 * for people.
 */
import type { Page } from 'playwright-core';
import t from 'tap';
import { PairSession } from '../../server/src/modules/pairs/pair-session.js';
import { addSession } from '../../server/src/modules/pairs/pair-tailoring.js';
import { User } from '../../server/src/modules/users/user.js';
import { runningPair } from '../../server/test/helpers/publish-pair.js';
import {
  type FocusedElement,
  focused,
  signIn,
  startTandem,
  tabTo,
  until,
  visit,
} from './helpers/tandem-browser.js';

t.setTimeout(300_000);

// Both read English, so the pair's plan is English too.
const MENTOR = 'Priya Nair';
const MENTEE = 'Sarah Thompson';

const site = await startTandem(t);
const em = site.app.orm.em.fork();
const userId = async (name: string) => (await em.findOneOrFail(User, { name })).id;
const menteeId = await userId(MENTEE);
const { pairId } = await runningPair(site.app, {
  name: 'KI im Arbeitsalltag',
  mentorId: await userId(MENTOR),
  menteeId,
});

/** The pair's plan as stored, in order. */
async function plan() {
  return em.fork().find(PairSession, { match: pairId }, { orderBy: { position: 'asc' } });
}

/** Waits until the element with this id has focus. */
function focusOn(page: Page, id: string): Promise<FocusedElement | null> {
  return until(
    () => focused(page),
    (element) => element?.id === id,
    `focus on #${id}`,
  );
}

t.test('a mentor tailors the plan with the keyboard alone', async (t) => {
  const [first, second, third] = await plan();
  if (!first || !second || !third) throw new Error('the quickstart plans three sessions');
  const page = await site.open(t, { language: 'en' });
  await signIn(page, MENTOR);
  await visit(page, `/tandem/${pairId}`);
  const sessionPlan = page.getByRole('region', { name: 'Session plan' });
  const tailor = page.getByRole('region', { name: 'Make the plan your own' });
  await tailor.waitFor();

  await tabTo(page, (e) => e.tag === 'button' && e.text === 'Change the plan', 'Change the plan');
  await page.keyboard.press('Enter');
  await tailor.getByRole('list', { name: 'Sessions of your plan' }).waitFor();

  // Down with Enter: the first session becomes the second, and keeps the keyboard's place.
  await tabTo(page, (e) => e.id === `down-${first.id}`, 'Move down on the first session');
  await page.keyboard.press('Enter');
  await sessionPlan.getByRole('heading', { name: `Session 2: ${first.title}` }).waitFor();
  t.same(
    (await plan()).map((s) => s.id),
    [second.id, first.id, third.id],
    'the first session is now the second',
  );
  t.ok(await focusOn(page, `down-${first.id}`), 'focus stays on its Move down button');

  // And back up with Space: at the top, its Move down button takes focus.
  await page.keyboard.press('Shift+Tab');
  await focusOn(page, `up-${first.id}`);
  await page.keyboard.press('Space');
  await sessionPlan.getByRole('heading', { name: `Session 1: ${first.title}` }).waitFor();
  t.same(
    (await plan()).map((s) => s.id),
    [first.id, second.id, third.id],
    'back in the first place',
  );
  t.ok(await focusOn(page, `down-${first.id}`), 'at the top, focus moves to Move down');

  // Skip the third session.
  await tabTo(page, (e) => e.id === `skip-${third.id}`, 'Skip on the third session');
  await page.keyboard.press('Space');
  await tailor.getByRole('button', { name: `Put back on the plan: ${third.title}` }).waitFor();
  t.equal((await focused(page))?.id, `skip-${third.id}`, 'the button, now "Put back", keeps focus');
  t.equal((await plan())[2]?.status, 'skipped', 'the session is skipped');
  t.equal(
    await sessionPlan
      .getByRole('listitem')
      .filter({ hasText: third.title })
      .getByText('Skipped')
      .count(),
    1,
    'the plan shows it skipped',
  );

  // My own homework for the first session.
  await tabTo(page, (e) => e.id === `homework-${first.id}`, 'Write my homework');
  await page.keyboard.press('Enter');
  await focusOn(page, `homework-text-${first.id}`);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nShow Sarah the shared calendar');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await sessionPlan.getByLabel('Show Sarah the shared calendar').waitFor();
  t.ok(await focusOn(page, `homework-${first.id}`), 'focus is back on Write my homework');
  const homework = (await plan())[0]?.homework.mentor ?? [];
  t.equal(homework.length, 2, 'the curriculum’s task is kept, mine added');
  t.match(homework[1], { text: 'Show Sarah the shared calendar', byPair: true });

  // A session of our own after the first, its place chosen with the arrow keys.
  await tabTo(page, (e) => e.id === 'new-title', 'the title field');
  await page.keyboard.type('Spreadsheets from the team');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Pivot tables on our own numbers');
  await page.keyboard.press('Tab');
  await focusOn(page, 'new-after');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await sessionPlan
    .getByRole('heading', { name: 'Session 2: Spreadsheets from the team' })
    .waitFor();
  const now = await plan();
  t.same(
    now.map((s) => s.title),
    [first.title, 'Spreadsheets from the team', second.title, third.title],
    'the new session stands after the first',
  );
  t.match(now[1], { goal: 'Pivot tables on our own numbers', addedByPair: true });
  t.ok(await focusOn(page, `tailor-session-${now[1]?.id}`), 'focus is on the new session');

  // The partner adds a session meanwhile: this page's order no longer lists every session.
  await addSession(site.app.orm.em, menteeId, pairId, { title: 'Added by Sarah' });
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, (e) => e.id === `down-${first.id}`, 'Move down on the first session');
  await page.keyboard.press('Enter');
  const alert = tailor.getByRole('alert');
  await alert.waitFor();
  t.equal(
    (await alert.textContent())?.trim(),
    'Your partner has changed the plan in the meantime. Please reload the page.',
    'the refusal says what happened, in words for people',
  );
});
