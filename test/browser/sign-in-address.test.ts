/**
 * Signing in works whichever loopback address a person opens Tandem by: PUBLIC_URL names
 * localhost, and a sign-in started at 127.0.0.1 is led there before the IdP, so it ends signed
 * in instead of in an error. The demo sign-in page and the failure page pass axe in both
 * languages; cancelling at the IdP ends on the friendly failure page, whose "try again" works.
 */
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import {
  checkA11y,
  focused,
  type Language,
  startTandem,
  type TandemSite,
} from './helpers/tandem-browser.js';

t.setTimeout(600_000);

const PERSONA = 'Aylin Demir';

const WORDS = {
  de: {
    signIn: 'Anmelden',
    signOut: 'Abmelden',
    groups: ['HR-Administration', 'Mentorinnen und Mentoren', 'Mentees', 'Noch nicht angemeldet'],
    cancel: 'Abbrechen',
    failed: 'Die Anmeldung hat nicht geklappt',
    tryAgain: 'Erneut anmelden',
  },
  en: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    groups: ['HR admin', 'Mentors', 'Mentees', 'Not yet enrolled'],
    cancel: 'Cancel',
    failed: 'Signing in did not work',
    tryAgain: 'Try again',
  },
} as const;

/** Opens `path` at `origin` and follows the app's own "sign in" link to the demo IdP. */
async function startSignIn(page: Page, origin: string, path: string, language: Language) {
  await page.goto(`${origin}${path}`);
  await page.getByRole('link', { name: WORDS[language].signIn, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/interaction/'));
}

/** Picks the persona on the demo IdP and waits until the app shows them signed in. */
async function pickPersona(page: Page, language: Language) {
  await page.getByRole('button', { name: PERSONA }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));
  await page.getByRole('button', { name: WORDS[language].signOut, exact: true }).waitFor();
}

/** Presses Tab until the focused element's text fits `wanted` (at most 80 times). */
async function tabTo(page: Page, wanted: (text: string) => boolean) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && wanted(now.text)) return now;
  }
  throw new Error('Tab never reached the element');
}

async function signsInWhenOpenedAt(t: Test, site: TandemSite, origin: string) {
  const page = await site.open(t, { language: 'de' });
  await startSignIn(page, origin, '/accessibility', 'de');
  t.equal(new URL(page.url()).origin, site.url, 'the IdP is reached by way of PUBLIC_URL');
  await pickPersona(page, 'de');
  const landed = new URL(page.url());
  t.equal(landed.origin, site.url, 'signed in at PUBLIC_URL');
  t.equal(landed.pathname, '/accessibility', 'back on the page the sign-in started from');
}

t.test('signing in', async (t) => {
  const site = await startTandem(t, { publicHost: 'localhost' });
  t.equal(site.url, `http://localhost:${site.port}`);

  await t.test('opened by 127.0.0.1', (t) =>
    signsInWhenOpenedAt(t, site, `http://127.0.0.1:${site.port}`),
  );
  await t.test('opened by localhost', (t) => signsInWhenOpenedAt(t, site, site.url));

  await t.test('opened by 127.0.0.1, with the keyboard only', async (t) => {
    const page = await site.open(t, { language: 'de' });
    await page.goto(`http://127.0.0.1:${site.port}/accessibility`);
    await tabTo(page, (text) => text === WORDS.de.signIn);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/interaction/'));
    const persona = await tabTo(page, (text) => text.startsWith(PERSONA));
    t.equal(persona.tag, 'button', 'each persona is a button');
    t.ok(persona.outlineWidth > 0 && persona.outlineStyle !== 'none', 'with a visible focus');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));
    await page.getByRole('button', { name: WORDS.de.signOut, exact: true }).waitFor();
    t.equal(new URL(page.url()).origin, site.url, 'signed in at PUBLIC_URL');
  });

  for (const language of ['de', 'en'] as const) {
    await t.test(`the demo sign-in page and the failure page in ${language}`, async (t) => {
      const words = WORDS[language];
      const page = await site.open(t, { language });
      await startSignIn(page, `http://127.0.0.1:${site.port}`, '/', language);
      t.equal(await page.locator('html').getAttribute('lang'), language);
      t.same(
        await page.getByRole('heading', { level: 2 }).allInnerTexts(),
        words.groups,
        'the personas in groups',
      );
      await checkBothWidths(t, page, `the demo sign-in page (${language})`);

      await page.getByRole('button', { name: words.cancel, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: words.failed }).waitFor();
      t.equal(await page.locator('html').getAttribute('lang'), language);
      await checkBothWidths(t, page, `the sign-in failure page (${language})`);

      await page.getByRole('link', { name: words.tryAgain }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/interaction/'));
      await pickPersona(page, language);
      t.pass('"try again" signs in');
    });
  }
});

/** axe on a desktop and on a phone (reflow, WCAG 1.4.10); the page is left at desktop width. */
async function checkBothWidths(t: Test, page: Page, label: string): Promise<void> {
  await checkA11y(t, page, `${label}, 1280 px`);
  await page.setViewportSize({ width: 375, height: 740 });
  await checkA11y(t, page, `${label}, 375 px`);
  await page.setViewportSize({ width: 1280, height: 800 });
}
