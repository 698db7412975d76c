/**
 * The journey of a reverse-mentoring round, through the UI only (roles and labels, as a screen
 * reader user finds them): a participant signs in with the demo IdP and enrols in "Digital fit";
 * the HR admin, in a browser of their own, closes enrolment, runs the matching and watches it
 * finish live, pins the participant's pair and publishes; the participant then sees the partner
 * and the next meeting, marks the first session done, gives feedback, and finally reports that
 * the tandem does not fit. Each step is a test; after a failed step the rest are skipped.
 */
import type { Locator, Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { DIGITAL_FIT } from './helpers/demo-data.js';
import {
  checkA11y,
  dialogClosed,
  openDialog,
  pageHeading,
  screenshot,
  signIn,
  startTandem,
  switchLanguage,
  until,
  visit,
} from './helpers/tandem-browser.js';

t.setTimeout(480_000);

/** The one demo person in neither group of Digital fit (7 years of experience): free to enrol. */
const PARTICIPANT = 'Julia Schwarz';
const ADMIN = 'Matthias Keller';

const site = await startTandem(t, { worker: true });
const participantTest = t;
let participant: Page;
let admin: Page;
let failed = false;
let partnerName = '';

/** One step of the journey; skipped once an earlier step failed. */
function step(name: string, body: (t: Test) => Promise<void>): void {
  t.test(name, async (t) => {
    if (failed) {
      t.plan(0, 'skipped: an earlier step failed');
      return;
    }
    const started = Date.now();
    try {
      await body(t);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      if (!t.passing()) failed = true;
      t.comment(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });
}

step('the participant signs in through the demo IdP', async (t) => {
  participant = await site.open(participantTest, { language: 'en' });
  await signIn(participant, PARTICIPANT);
  await switchLanguage(participant, 'en');
  t.match(await (await pageHeading(participant)).textContent(), `Welcome, ${PARTICIPANT}`);
});

step(`the participant enrols in ${DIGITAL_FIT}`, async (t) => {
  const page = participant;
  const offer = page.getByRole('link', { name: new RegExp(`Join.*${escapeRegExp(DIGITAL_FIT)}`) });
  await offer.click();
  await pageHeading(page);
  t.match(await page.getByText(`Enrolment for ${DIGITAL_FIT}`).textContent(), DIGITAL_FIT);
  await screenshot(page, 'enrolment-form');

  // 1: role. With 7 years she is the youngest who is no trainee: she offers what she knows.
  await page.getByRole('radio', { name: /Digital mentor/ }).check();
  await next(page, 'Skills');
  // 2: what I can share.
  const offered = page.getByRole('group', { name: 'Digital skills and experience I can share' });
  for (const skill of ['AI assistants', 'Video and hybrid meetings', 'IT security at work'])
    await offered.getByRole('checkbox', { name: skill }).check();
  await next(page, 'Experience and how you meet');
  // 3: experience, languages, format.
  await page.getByLabel('Years of working experience').fill('7');
  const german = page
    .getByRole('group', { name: 'Languages I can meet in' })
    .getByRole('checkbox', {
      name: 'German',
    });
  if (!(await german.isChecked())) await german.check();
  await page
    .getByRole('group', { name: 'How I would like to meet' })
    .getByRole('radio', { name: 'Either' })
    .check();
  await next(page, 'Availability and goals');
  // 4: every weekday morning and a goal.
  for (let row = 1; row <= 5; row++) {
    await page.getByRole('button', { name: 'Add a time' }).click();
    await page.getByLabel(`Day ${row}`, { exact: true }).selectOption({ index: row - 1 });
    await page.getByLabel(`From ${row}`, { exact: true }).fill('08:00');
    await page.getByLabel(`To ${row}`, { exact: true }).fill('16:00');
  }
  await page.getByLabel('My goals').fill('Show a leader how AI assistants help with everyday work');
  await next(page, 'Review and confirm');
  await checkA11y(t, page, 'enrolment review');
  await page.getByRole('button', { name: 'Join programme' }).click();
  // The programme asks a starting survey; she leaves it for later (surveys.test.ts answers it).
  await page.getByRole('button', { name: 'Skip for now' }).click();

  await page.waitForURL((url) => url.pathname === '/');
  const mine = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: DIGITAL_FIT }),
  });
  await mine.getByText('Your role:').waitFor();
  t.pass('the programme is among my programmes, with my role');
});

step('the admin, in another browser, closes enrolment', async (t) => {
  admin = await site.open(participantTest, { language: 'en' });
  await signIn(admin, ADMIN);
  await switchLanguage(admin, 'en');
  await visit(admin, '/admin');
  await admin.getByRole('link', { name: `Settings and lifecycle of ${DIGITAL_FIT}` }).click();
  await admin.getByRole('heading', { level: 1, name: DIGITAL_FIT }).waitFor();
  await admin.getByRole('button', { name: 'Close enrolment' }).click();
  const dialog = await openDialog(admin, 'Close enrolment');
  await dialog.getByRole('button', { name: 'Close enrolment' }).click();
  await dialogClosed(admin, 'Close enrolment');
  await admin.getByText('This programme is now: Matching.').waitFor();
  t.pass('the programme is in matching');
});

step('the admin runs the matching and sees it finish live', async (t) => {
  await admin.getByRole('link', { name: 'Matching review' }).click();
  await admin.getByRole('heading', { level: 1, name: `Matching: ${DIGITAL_FIT}` }).waitFor();
  const status = admin.getByRole('region', { name: 'Matching run' }).getByRole('status');
  t.equal((await status.textContent())?.trim(), 'Matching has not run yet.');
  const seen = new Set<string>();
  await admin.getByRole('button', { name: 'Run matching', exact: true }).click();
  // No reload: the page follows the run over the realtime connection.
  const finished = await until(
    async () => {
      const text = (await status.textContent())?.trim() ?? '';
      seen.add(text);
      return text;
    },
    (text) => /^The last run proposed \d+ pairs/.test(text) || /failed/.test(text),
    'the matching run to finish',
    90_000,
  );
  t.comment(`statuses seen: ${[...seen].join(' | ')}`);
  t.match(finished, /^The last run proposed [1-9]\d* pairs/, 'the run proposed pairs');
  t.ok(
    [...seen].some((text) => /waiting to start|is running/.test(text)) ||
      seen.has('Matching started.'),
    'the page showed the run in progress before it finished',
    { seen: [...seen] },
  );
  await admin.getByRole('heading', { name: /^Proposed pairs \(\d+\)$/ }).waitFor();
  await checkA11y(t, admin, 'matching review with proposals');
  await screenshot(admin, 'matching-review');
});

step(`the admin pins ${PARTICIPANT}'s pair and publishes`, async (t) => {
  const pin = admin.getByRole('button', { name: new RegExp(`^Pin .*${PARTICIPANT}`) });
  await pin.click();
  const pair = admin.getByRole('heading', { level: 3, name: new RegExp(PARTICIPANT) });
  await admin.getByRole('button', { name: new RegExp(`^Unpin .*${PARTICIPANT}`) }).waitFor();
  const names = (await pair.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
  partnerName =
    names
      .replace(/Pinned$/, '')
      .split(' & ')
      .map((name) => name.trim())
      .find((name) => name && name !== PARTICIPANT) ?? '';
  t.ok(partnerName, `the pinned pair is ${PARTICIPANT} & ${partnerName}`);

  await admin.getByRole('button', { name: /^Publish \d+ pairs…$/ }).click();
  const dialog = await openDialog(admin, /^Publish \d+ pairs\?$/);
  await dialog.getByText(/^\d+ people will be told through: Inbox in Tandem, Email\.$/).waitFor();
  t.pass('the dialog says who is told through which channels');
  await dialog.getByRole('button', { name: /^Publish \d+ pairs$/ }).click();
  await dialogClosed(admin, /^Publish \d+ pairs\?$/);
  await admin.getByRole('heading', { name: /^Published pairs \([1-9]\d*\)$/ }).waitFor();
  t.pass('the pairs are published');
});

step('the participant sees the partner and the next meeting', async (t) => {
  const page = participant;
  await visit(page, '/');
  await page.getByRole('link', { name: `Open my tandem: ${DIGITAL_FIT}` }).click();
  await page.getByRole('heading', { level: 1, name: 'My tandem' }).waitFor();
  const partner = page.getByRole('region', { name: 'My partner' });
  await partner.getByText(partnerName).waitFor();
  t.pass(`the partner ${partnerName} is shown`);
  // A job makes the plan and the first meeting after publishing; look again until it has run.
  // The page reads the pair before the meeting, so one look may find the meeting but not yet
  // the plan: wait for both.
  const meeting = page.getByRole('region', { name: 'Next meeting' });
  await reloadUntilVisible(page, meeting.getByRole('button', { name: 'Accept' }));
  await reloadUntilVisible(page, page.getByRole('button', { name: /^Mark as done/ }).first());
  t.match(await meeting.locator('time').first().getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);
  await checkA11y(t, page, 'my tandem with partner and meeting');
  await screenshot(page, 'my-tandem');
});

step("the admin finds the participant's invitation in the Demo mailbox", async (t) => {
  await visit(admin, '/admin');
  await admin.getByRole('link', { name: 'Demo mailbox (e-mails sent)' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Demo mailbox' }).waitFor();
  const invitation = admin
    .getByRole('article')
    .filter({ hasText: 'julia.schwarz@demo.tandem.example' })
    .filter({ hasText: 'Invitation:' });
  // Jobs send the invitations one by one after publishing: refresh, as a reader would, until
  // the participant's is in (the page shows what had arrived when it loaded).
  for (let tries = 0; tries < 60 && (await invitation.count()) === 0; tries++) {
    await admin.waitForTimeout(500);
    await admin.getByRole('button', { name: 'Refresh' }).click();
  }
  await invitation.first().waitFor();
  t.equal(await invitation.count(), 1, 'one invitation to the participant, with its event');
  await checkA11y(t, admin, 'the demo mailbox with invitations');
});

step('the participant marks the first session done and gives feedback', async (t) => {
  const page = participant;
  await page
    .getByRole('button', { name: /^Mark as done/ })
    .first()
    .click();
  // Marking a session done asks for feedback at once.
  const dialog = await openDialog(page, 'How was the session?');
  t.pass('marking the session done opens the feedback dialog');
  await dialog.getByRole('radio', { name: '5 – very helpful' }).check();
  await dialog.getByLabel('Comment (optional)').fill('A good start: we agreed on our topics.');
  await dialog.getByRole('button', { name: 'Send feedback' }).click();
  await dialogClosed(page, 'How was the session?');
  await page.getByText('Your feedback: 5 of 5').waitFor();
  t.pass('the session is done and the feedback given');
});

step('the participant reports that the tandem does not fit', async (t) => {
  const page = participant;
  await page.getByRole('button', { name: "This doesn't fit" }).click();
  const dialog = await openDialog(page, "This doesn't fit");
  await checkA11y(t, page, 'the mismatch dialog');
  await dialog.getByLabel('Reason (optional)').fill('We could not find common topics.');
  await dialog.getByRole('button', { name: 'End this tandem' }).click();
  await page.getByRole('heading', { level: 1, name: 'Thank you for telling us' }).waitFor();
  t.pass('the tandem is ended and the page says what follows');
});

/** Presses Next and waits for the step with `title`. */
async function next(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** Reloads the page until `target` shows (for what a background job produces). */
async function reloadUntilVisible(page: Page, target: Locator, timeout = 60_000): Promise<void> {
  await until(
    async () => {
      if (await target.isVisible()) return true;
      await page.reload();
      await page.locator('main h1').waitFor();
      return target
        .waitFor({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
    },
    (visible) => visible,
    'the pair’s plan and next meeting',
    timeout,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
