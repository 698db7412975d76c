import t, { type Test } from 'tap';
import {
  type FocusedElement,
  focused,
  pageHeading,
  signIn,
  startTandem,
  switchLanguage,
  tabTo,
  until,
  visit,
} from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const site = await startTandem(t);

function assertVisibleFocus(t: Test, element: FocusedElement, what: string): void {
  t.not(element.outlineStyle, 'none', `${what} draws a focus outline`);
  t.ok(element.outlineWidth >= 2, `${what}'s focus outline is at least 2px wide`, {
    outlineWidth: element.outlineWidth,
  });
}

t.test('the skip link is the first stop and moves focus to the content', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await visit(page, '/accessibility');
  await page.keyboard.press('Tab');
  const first = await focused(page);
  t.match(first, { tag: 'a', text: 'Skip to content' }, 'the first Tab reaches the skip link');
  if (first) assertVisibleFocus(t, first, 'the skip link');
  t.ok(
    await page.getByRole('link', { name: 'Skip to content' }).isVisible(),
    'the focused skip link is on screen',
  );
  await page.keyboard.press('Enter');
  const target = await until(
    () => focused(page),
    (element) => element?.tag === 'main',
    'focus on <main>',
  );
  t.equal(target?.tag, 'main', 'Enter on the skip link moves focus to main');
  const next = await tabTo(page, () => true, 'anything after main', 1);
  t.notMatch(next, { text: 'Skip to content' }, 'the next Tab continues inside the content');
});

t.test('Tab and Enter follow a link; focus lands on the new page heading', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, 'Aylin Demir');
  await visit(page, '/accessibility');
  await switchLanguage(page, 'en');
  const link = await tabTo(
    page,
    (element) => element.tag === 'a' && element.text.startsWith('My tandem'),
    'the "My tandem" link',
  );
  assertVisibleFocus(t, link, 'a navigation link');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/tandem');
  const heading = await pageHeading(page);
  const landed = await until(
    () => focused(page),
    (element) => element?.tag === 'h1',
    'focus on the new page h1',
  );
  t.equal(landed?.text, (await heading.textContent())?.trim(), 'focus is on the page heading');
  t.match(await page.title(), /Tandem/, 'the document title names the page');

  // And back by the footer link, also with the keyboard only.
  await tabTo(
    page,
    (element) => element.tag === 'a' && element.text === 'Accessibility statement',
    'the footer link',
    80,
  );
  await page.keyboard.press('Enter');
  await page.waitForURL('**/accessibility');
  const statement = await until(
    () => focused(page),
    (element) => element?.tag === 'h1',
    'focus on the statement h1',
  );
  t.equal(statement?.text, 'Accessibility statement', 'and on the statement page heading');
});

t.test('a dialog opens with Enter, keeps focus, closes with Escape, returns focus', async (t) => {
  const page = await site.open(t, { language: 'en' });
  await signIn(page, 'Aylin Demir');
  await visit(page, '/');
  await switchLanguage(page, 'en');
  await page
    .getByRole('button', { name: /^Withdraw: / })
    .first()
    .waitFor();
  const opener = await tabTo(
    page,
    (element) => element.tag === 'button' && element.text === 'Withdraw',
    'a Withdraw button',
  );
  assertVisibleFocus(t, opener, 'a button');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  t.match(await dialog.getAttribute('aria-labelledby'), /\w/, 'the dialog is named by its heading');
  const inside = await until(
    () => focused(page),
    (element) => Boolean(element?.inDialog),
    'focus inside the dialog',
  );
  t.ok(inside?.inDialog, 'opening moves focus into the dialog');

  const stops: string[] = [];
  for (let presses = 0; presses < 8; presses++) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    // Past the dialog's last button focus may leave the page for the browser's own controls
    // (nothing focused in the document); it must never reach the page behind the dialog.
    if (!element) continue;
    t.ok(element.inDialog, `Tab ${presses + 1} stays in the dialog (${element.text})`);
    if (!element.inDialog) break;
    stops.push(element.text);
    if (element.tag === 'button') assertVisibleFocus(t, element, `dialog button ${element.text}`);
  }
  t.ok(new Set(stops).size >= 2, 'Tab moves between the dialog controls', { stops });

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  const back = await until(
    () => focused(page),
    (element) => element?.tag === 'button',
    'focus back on a button',
  );
  t.equal(back?.text, opener.text, 'Escape closes it and focus returns to the opener');
  t.equal(back?.inDialog, false, 'the dialog is closed');
  t.ok(
    await page
      .getByRole('button', { name: /^Withdraw: / })
      .first()
      .isVisible(),
    'nothing was withdrawn',
  );
});
