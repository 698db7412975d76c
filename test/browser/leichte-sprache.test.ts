/**
 * Tandem in Leichte Sprache (§ 4 BITV 2.0): the footer of every page links it; its three pages
 * (what Tandem is, how to use it, how accessible it is) are German under lang="de" on English
 * pages too, pass axe on a phone and a desktop, and link the operator's video in German Sign
 * Language only once the organisation has one.
 */
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { updateOrganisation } from '../../server/src/modules/organisation/organisation-update.js';
import {
  checkA11y,
  pageHeading,
  signIn,
  startTandem,
  switchLanguage,
  visit,
} from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const PARTS = [
  { link: 'Was ist Tandem?', path: '/leichte-sprache' },
  { link: 'So benutzen Sie Tandem', path: '/leichte-sprache/bedienung' },
  { link: 'Barriere-Freiheit', path: '/leichte-sprache/barrierefreiheit' },
];
const SIGN_LANGUAGE_DE = 'Informationen in Deutscher Gebärdensprache';
const VIDEO = 'https://amt.example/dgs/tandem';

const site = await startTandem(t);

/** Follows the footer's "Leichte Sprache" link, as a person would, and waits for the page. */
async function openFromFooter(page: Page): Promise<void> {
  await page.locator('footer').getByRole('link', { name: 'Leichte Sprache', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/leichte-sprache');
  await page.getByRole('heading', { level: 1, name: 'Was ist Tandem?' }).waitFor();
}

/** The language screen readers take for the page's heading: its nearest lang, across shadow roots. */
function headingLanguage(page: Page): Promise<string | null> {
  return page.locator('main h1').evaluate((heading) => {
    let node: Node | null = heading;
    while (node) {
      if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return null;
  });
}

/** Each part through the list of parts, checked with axe at 1280 and 375 px. */
async function walkParts(t: Test, page: Page, label: string): Promise<void> {
  for (const part of PARTS) {
    await page
      .getByRole('navigation', { name: 'Tandem in Leichter Sprache' })
      .getByRole('link', { name: part.link, exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === part.path);
    const heading = await pageHeading(page);
    await page.getByRole('heading', { level: 1, name: part.link }).waitFor();
    t.equal(await headingLanguage(page), 'de', `${label}: ${part.link} is marked German`);
    t.equal((await heading.textContent())?.trim(), part.link);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 1280 ? 800 : 740 });
      await checkA11y(t, page, `${label}: ${part.link} (${width} px)`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }
}

t.test('signed out, from the start page, in German', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await visit(page, '/');
  await openFromFooter(page);
  await page.getByText('Tandem ist eine Internet-Seite.').waitFor();
  t.equal(
    await page.getByText('Diese Seiten gibt es nur auf Deutsch').count(),
    0,
    'no note about the language on German pages',
  );
  await walkParts(t, page, 'signed out (de)');
  // The last part says whom to tell and links the full statement.
  await page.getByRole('heading', { name: 'Haben Sie eine Barriere gefunden?' }).waitFor();
  await page
    .getByRole('link', { name: 'Die Erklärung zur Barriere-Freiheit in schwerer Sprache' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
  t.equal(
    await page
      .getByText('in Leichter Sprache, wie § 4 BITV 2.0 sie verlangt, gibt es noch nicht')
      .count(),
    0,
    'the statement no longer says Leichte Sprache is missing',
  );
  await page.getByRole('link', { name: 'Tandem in Leichter Sprache' }).click();
  await page.getByRole('heading', { level: 1, name: 'Was ist Tandem?' }).waitFor();
  t.equal(
    await page.getByRole('link', { name: SIGN_LANGUAGE_DE }).count(),
    0,
    'no DGS link while none is set',
  );
});

t.test('as a participant, from a participant page, in English', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, 'Aylin Demir');
  await visit(page, '/profile');
  await switchLanguage(page, 'en');
  await openFromFooter(page);
  await page
    .getByText('These pages are in German only, in Leichte Sprache (Easy German)')
    .waitFor();
  t.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the app stays English');
  await walkParts(t, page, 'participant (en)');
});

t.test('the DGS video is linked once the organisation has one', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await visit(page, '/accessibility');
  await page.getByRole('heading', { name: 'Leichte Sprache und Gebärdensprache' }).waitFor();
  t.equal(
    await page.getByRole('link', { name: SIGN_LANGUAGE_DE }).count(),
    0,
    'statement: none yet',
  );

  await updateOrganisation(site.app.orm.em, { signLanguageVideoUrl: VIDEO }, 'cli');
  for (const part of PARTS) {
    await visit(page, part.path);
    t.equal(
      await page.getByRole('link', { name: SIGN_LANGUAGE_DE }).getAttribute('href'),
      VIDEO,
      `${part.link} links the video`,
    );
  }
  await checkA11y(t, page, 'Leichte Sprache with the DGS link (de)');
  await visit(page, '/accessibility');
  t.equal(
    await page.getByRole('link', { name: SIGN_LANGUAGE_DE }).getAttribute('href'),
    VIDEO,
    'the statement links the video',
  );
  await switchLanguage(page, 'en');
  t.equal(
    await page
      .getByRole('link', { name: 'Information in German Sign Language' })
      .getAttribute('href'),
    VIDEO,
    'and so does the English statement',
  );
  await checkA11y(t, page, 'statement with the DGS link (en)');
});
