/**
 * Every page of the web app passes axe (WCAG 2.1 A/AA and best practices) with no violation, in
 * German and in English, at 1280 px and at 375 px: signed out, as a participant with
 * a published tandem, and as the HR admin. The pages are listed in one table; a page is checked once the router has its route.
 */
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { User } from '../../server/src/modules/users/user.js';
import { publishPair, runningPair } from '../../server/test/helpers/publish-pair.js';
import { DIGITAL_FIT, enrolmentId, MYSTERY_LUNCH, programmeId } from './helpers/demo-data.js';
import { askPartner, selfServiceProgramme } from './helpers/self-service.js';
import {
  axeViolations,
  checkA11y,
  type Language,
  screenshot,
  signIn,
  startTandem,
  switchLanguage,
  visit,
} from './helpers/tandem-browser.js';
import { hasPage } from './helpers/web-routes.js';

t.setTimeout(600_000);

type Who = 'visitor' | 'participant' | 'admin';

interface Ids {
  programme: string;
  pair: string;
  /** A pair of the Q&A quickstart, whose curriculum has the glossary of the Q&A game. */
  quickstartPair: string;
  /** Mystery Lunch, with one round drawn (the participant is in none of its groups). */
  lunch: string;
  /** A self-service programme in which the participant has suggestions and a request. */
  selfService: string;
}

interface PageCase {
  who: Who;
  name: string;
  /** The route as the router spells it; the page is skipped while no route has it. */
  route: string;
  path: (ids: Ids) => string;
  /** More states of the same page to check (steps of a form), each after its action. */
  states?: (page: Page, check: (label: string) => Promise<void>) => Promise<void>;
  /** Saved as docs/screenshots/<name>.png (English) when TANDEM_SCREENSHOTS=1. */
  screenshot?: string;
}

/** The participant has a published tandem in Digital fit with the mentee below. */
const PARTICIPANT = 'Aylin Demir';
const PARTNER = 'Thomas Schulze';
const ADMIN = 'Matthias Keller';

const PAGES: PageCase[] = [
  { who: 'visitor', name: 'start page', route: '/', path: () => '/', screenshot: 'start-page' },
  {
    who: 'visitor',
    name: 'accessibility statement',
    route: '/accessibility',
    path: () => '/accessibility',
  },
  ...(
    [
      ['Leichte Sprache: what Tandem is', '/leichte-sprache'],
      ['Leichte Sprache: how to use it', '/leichte-sprache/bedienung'],
      ['Leichte Sprache: accessibility', '/leichte-sprache/barrierefreiheit'],
    ] as const
  ).map(([name, path]) => ({ who: 'visitor' as const, name, route: path, path: () => path })),
  {
    who: 'participant',
    name: 'Leichte Sprache',
    route: '/leichte-sprache',
    path: () => '/leichte-sprache',
    screenshot: 'leichte-sprache',
  },
  { who: 'visitor', name: 'not found', route: '/', path: () => '/no-such-page' },
  { who: 'visitor', name: 'sign-in gate', route: '/tandem', path: () => '/tandem' },
  {
    who: 'participant',
    name: 'my programmes',
    route: '/',
    path: () => '/',
    screenshot: 'my-programmes',
  },
  {
    who: 'participant',
    name: 'enrolment form',
    route: '/programmes/:id/enrol',
    path: (ids) => `/programmes/${ids.programme}/enrol`,
    states: enrolmentSteps,
  },
  { who: 'participant', name: 'my tandem', route: '/tandem', path: () => '/tandem' },
  {
    who: 'participant',
    name: 'my tandem (by id)',
    route: '/tandem/:pairId',
    path: (ids) => `/tandem/${ids.pair}`,
  },
  {
    who: 'participant',
    name: 'my tandem: question list, Q&A game, plan changes',
    route: '/tandem/:pairId',
    path: (ids) => `/tandem/${ids.quickstartPair}`,
    states: pairToolStates,
    screenshot: 'pair-tools',
  },
  { who: 'participant', name: 'inbox', route: '/inbox', path: () => '/inbox' },
  {
    who: 'participant',
    name: 'choose your tandem',
    route: '/programmes/:id/partners',
    path: (ids) => `/programmes/${ids.selfService}/partners`,
    states: askDialog,
    screenshot: 'choose-your-tandem',
  },
  { who: 'participant', name: 'profile', route: '/profile', path: () => '/profile' },
  { who: 'participant', name: 'admin gate', route: '/admin', path: () => '/admin' },
  { who: 'admin', name: 'dashboard', route: '/admin', path: () => '/admin' },
  {
    who: 'admin',
    name: 'create-programme wizard',
    route: '/admin/programmes/new',
    path: () => '/admin/programmes/new',
  },
  {
    who: 'admin',
    name: 'programme page',
    route: '/admin/programmes/:id',
    path: (ids) => `/admin/programmes/${ids.programme}`,
    states: settingsRefused,
  },
  {
    who: 'admin',
    name: 'enrolments table',
    route: '/admin/programmes/:id/enrolments',
    path: (ids) => `/admin/programmes/${ids.programme}/enrolments`,
  },
  {
    who: 'admin',
    name: 'matching review',
    route: '/admin/programmes/:id/matching',
    path: (ids) => `/admin/programmes/${ids.programme}/matching`,
    states: dissolveDialog,
  },
  {
    who: 'admin',
    name: 'meetings',
    route: '/admin/programmes/:id/meetings',
    path: (ids) => `/admin/programmes/${ids.programme}/meetings`,
  },
  {
    who: 'admin',
    name: 'deliveries',
    route: '/admin/deliveries',
    path: () => '/admin/deliveries',
  },
  {
    who: 'admin',
    name: 'demo mailbox',
    route: '/admin/demo-mailbox',
    path: () => '/admin/demo-mailbox',
  },
  {
    who: 'admin',
    name: 'lunch rounds',
    route: '/admin/programmes/:id/lunch',
    path: (ids) => `/admin/programmes/${ids.lunch}/lunch`,
    screenshot: 'lunch-rounds',
  },
  { who: 'admin', name: 'skills', route: '/admin/skills', path: () => '/admin/skills' },
  { who: 'admin', name: 'audit log', route: '/admin/audit', path: () => '/admin/audit' },
  { who: 'admin', name: 'plugins', route: '/admin/plugins', path: () => '/admin/plugins' },
  {
    who: 'admin',
    name: 'programme report',
    route: '/admin/programmes/:id/report',
    path: (ids) => `/admin/programmes/${ids.programme}/report`,
  },
  {
    who: 'admin',
    name: 'programme impact',
    route: '/admin/programmes/:id/impact',
    path: (ids) => `/admin/programmes/${ids.programme}/impact`,
  },
  { who: 'admin', name: 'API tokens', route: '/admin/tokens', path: () => '/admin/tokens' },
  { who: 'admin', name: 'API documentation', route: '/api/docs', path: () => '/api/docs' },
];

const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const { pairId } = await publishPair(site.app, digitalFit, [
  { enrolmentId: await enrolmentId(site.databaseUrl, PARTICIPANT, DIGITAL_FIT), role: 'mentor' },
  { enrolmentId: await enrolmentId(site.databaseUrl, PARTNER, DIGITAL_FIT), role: 'mentee' },
]);
const userId = async (name: string) =>
  (await site.app.orm.em.fork().findOneOrFail(User, { name })).id;
const quickstart = await runningPair(site.app, {
  name: 'KI im Arbeitsalltag',
  mentorId: await userId(PARTICIPANT),
  menteeId: await userId(PARTNER),
});
const mysteryLunch = await programmeId(site.databaseUrl, MYSTERY_LUNCH);
await publishPair(site.app, mysteryLunch, [
  {
    enrolmentId: await enrolmentId(site.databaseUrl, 'Jonas Albrecht', MYSTERY_LUNCH),
    role: 'peer',
  },
  { enrolmentId: await enrolmentId(site.databaseUrl, 'Lea Hoffmann', MYSTERY_LUNCH), role: 'peer' },
]);
const selfService = await selfServiceProgramme(site.app, site.databaseUrl, ADMIN, [
  { name: PARTICIPANT, role: 'mentor', skills: ['ai-assistants'] },
  { name: 'Gabriele Schmitt', role: 'mentee', skills: ['ai-assistants'] },
  { name: 'Bernd Fischer', role: 'mentee', skills: ['e-file'] },
]);
await askPartner(site.app, site.databaseUrl, selfService, 'Gabriele Schmitt', PARTICIPANT, 'Gern!');
const ids: Ids = {
  programme: digitalFit,
  pair: pairId,
  quickstartPair: quickstart.pairId,
  lunch: mysteryLunch,
  selfService,
};

const missing = PAGES.filter((entry) => !hasPage(entry.route));
for (const entry of missing)
  t.comment(`no route yet for ${entry.who}: ${entry.name} (${entry.route})`);

t.test('the check is not blind: axe sees a missing label inside a shadow root', async (t) => {
  const page = await site.open(t);
  await visit(page, '/accessibility');
  // In a shadow root of its own: the app re-renders its own and could drop it.
  await page.evaluate(() => {
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<input type="text">';
  });
  const found = await axeViolations(page);
  t.ok(
    found.some((violation) => violation.id === 'label'),
    'an unlabelled input is reported',
    { found: found.map((violation) => violation.id) },
  );
});

for (const who of ['visitor', 'participant', 'admin'] as const) {
  t.test(`${who}: every page passes axe in German and English, on desktop and phone`, async (t) => {
    const pages = PAGES.filter((entry) => entry.who === who && hasPage(entry.route));
    const page = await site.open(t, { language: 'de' });
    if (who !== 'visitor') await signIn(page, who === 'admin' ? ADMIN : PARTICIPANT);
    // Desktop and phone (reflow, WCAG 1.4.10), each in both languages.
    for (const [language, width] of [
      ['de', 1280],
      ['en', 1280],
      ['de', 375],
      ['en', 375],
    ] as const) {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 740 });
      await checkPages(t, page, pages, language, width);
    }
  });
}

async function checkPages(
  t: Test,
  page: Page,
  pages: PageCase[],
  language: Language,
  width: number,
): Promise<void> {
  for (const entry of pages) {
    await visit(page, entry.path(ids));
    await switchLanguage(page, language);
    await settle(page);
    const label = `${entry.who}: ${entry.name} (${language}, ${width} px)`;
    await checkA11y(t, page, label);
    if (language === 'en' && width === 1280 && entry.screenshot)
      await screenshot(page, entry.screenshot);
    await entry.states?.(page, async (state) => {
      await settle(page);
      await checkA11y(t, page, `${label}, ${state}`);
    });
  }
}

/** Waits until no "Loading…" status is left on the page, so axe sees the loaded content. */
async function settle(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /Loading|Wird geladen/ })
    .first()
    .waitFor({
      state: 'detached',
    });
}

/** The participant is enrolled already: Next goes through the filled-in steps to the review. */
/** The review's dialog to dissolve a published pair, with a reason missing (its alert shown). */
async function dissolveDialog(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(`^(Dissolve|Auflösen) ?….*${PARTICIPANT}`) })
    .click();
  const dialog = page.locator('tandem-dialog#dissolve-dialog');
  await dialog.getByRole('button', { name: /^(Dissolve the pair|Tandem auflösen)$/ }).click();
  await dialog.getByRole('alert').waitFor();
  await check('dissolve dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function enrolmentSteps(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  for (let step = 2; step <= 5; step++) {
    await page.getByRole('button', { name: /^(Next|Weiter)$/ }).click();
    await page.getByText(new RegExp(`(Step|Schritt) ${step} `)).waitFor();
    await check(`step ${step}`);
  }
}

/** Choosing one's tandem: the dialog that asks a suggested colleague, with its note field. */
async function askDialog(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: /^(Bernd Fischer anfragen|Ask Bernd Fischer)$/ }).click();
  await page.getByRole('dialog').waitFor();
  await check('asking dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/** The tools of a pair in the states that show more than the page at first. */
async function pairToolStates(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  const questions = page.getByRole('region', { name: /^(Question list|Frageliste)$/ });
  const add = questions.getByRole('button', { name: /^(Add question|Frage hinzufügen)$/ });
  await add.click();
  await questions.getByRole('alert').waitFor();
  await check('a question left empty');
  for (const text of ['Was ist ein Prompt?', 'Wo finde ich die E-Akte?']) {
    await questions.getByLabel(/^(New question|Neue Frage)$/).fill(text);
    await add.click();
    await questions.getByText(text, { exact: true }).first().waitFor();
  }
  await questions
    .getByRole('button', { name: /^(Mark as answered|Als beantwortet markieren): / })
    .first()
    .click();
  await questions
    .getByRole('list', { name: /^(Answered questions|Beantwortete Fragen)$/ })
    .waitFor();
  await check('open and answered questions');
  await questions
    .getByRole('button', { name: /^(Edit|Bearbeiten): / })
    .first()
    .click();
  await check('a question being reworded');

  const game = page.getByRole('region', { name: /^(Q&A game|Frage-Antwort-Spiel)$/ });
  await game.getByRole('button', { name: /^(Show the explanation|Erklärung anzeigen)$/ }).click();
  await check('a glossary term explained');

  const tailor = page.getByRole('region', { name: /^(Make the plan your own|Den Plan anpassen)$/ });
  await tailor.getByRole('button', { name: /^(Change the plan|Plan ändern)$/ }).click();
  await tailor
    .getByRole('button', { name: /^(Write my homework|Meine Hausaufgaben schreiben): / })
    .first()
    .click();
  await check('plan changes, writing homework');
  await tailor.getByRole('button', { name: /^(Add session|Sitzung hinzufügen)$/ }).click();
  await tailor.getByRole('alert').waitFor();
  await check('a new session without a title');
}

/** A settings field out of range: marked, with its message, before anything is sent. */
async function settingsRefused(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  await page.locator('input[name="staleAfterWeeks"]').fill('99');
  await page.getByRole('button', { name: /^(Save settings|Einstellungen speichern)$/ }).click();
  await page.locator('#staleAfterWeeks-error').waitFor();
  await check('a setting out of range');
}
