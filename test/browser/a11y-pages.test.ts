/**
 * Every page of the web app passes axe (WCAG 2.1 A/AA and best practices) with no violation, in
 * German and in English at 1280 px and in German at 375 px: signed out, as a participant with
 * a published tandem, and as the HR admin. The pages are listed in one table; a page is checked once the router has its route.
 */
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { DIGITAL_FIT, enrolmentId, programmeId } from './helpers/demo-data.js';
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
  { who: 'participant', name: 'inbox', route: '/inbox', path: () => '/inbox' },
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
  { who: 'admin', name: 'skills', route: '/admin/skills', path: () => '/admin/skills' },
  { who: 'admin', name: 'audit log', route: '/admin/audit', path: () => '/admin/audit' },
  { who: 'admin', name: 'plugins', route: '/admin/plugins', path: () => '/admin/plugins' },
];

const site = await startTandem(t);
const digitalFit = await programmeId(site.databaseUrl, DIGITAL_FIT);
const { pairId } = await publishPair(site.app, digitalFit, [
  { enrolmentId: await enrolmentId(site.databaseUrl, PARTICIPANT, DIGITAL_FIT), role: 'mentor' },
  { enrolmentId: await enrolmentId(site.databaseUrl, PARTNER, DIGITAL_FIT), role: 'mentee' },
]);
const ids: Ids = { programme: digitalFit, pair: pairId };

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
    // Desktop in both languages, then German on a phone (reflow, WCAG 1.4.10).
    for (const [language, width] of [
      ['de', 1280],
      ['en', 1280],
      ['de', 375],
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
async function enrolmentSteps(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  for (let step = 2; step <= 5; step++) {
    await page.getByRole('button', { name: /^(Next|Weiter)$/ }).click();
    await page.getByText(new RegExp(`(Step|Schritt) ${step} `)).waitFor();
    await check(`step ${step}`);
  }
}

/** A settings field out of range: marked, with its message, before anything is sent. */
async function settingsRefused(page: Page, check: (label: string) => Promise<void>): Promise<void> {
  await page.locator('input[name="staleAfterWeeks"]').fill('99');
  await page.getByRole('button', { name: /^(Save settings|Einstellungen speichern)$/ }).click();
  await page.locator('#staleAfterWeeks-error').waitFor();
  await check('a setting out of range');
}
