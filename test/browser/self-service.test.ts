/**
 * Choosing one's tandem, by keyboard alone (Tab, Enter and Space; no mouse): in a programme
 * where participants choose each other, a leader finds the colleagues Tandem suggests, asks
 * one with a short note; the person asked learns it from their inbox, follows its link to the
 * request, accepts it, and both then have their tandem. In German, as the demo people read.
 * The demo has no self-service programme: the test adds one through the API.
 */
import type { Page } from 'playwright-core';
import t, { type Test } from 'tap';
import { CHOSEN, selfServiceProgramme } from './helpers/self-service.js';
import { focused, startTandem, tabTo, until, visit } from './helpers/tandem-browser.js';

t.setTimeout(480_000);

/** A leader (mentee) who asks, and a digital mentor who is asked. */
const ASKER = 'Wolfgang Richter';
const ASKED = 'Leon Köhler';
const NOTE = 'Ich möchte lernen, wie unser Amt in den sozialen Medien spricht.';

const site = await startTandem(t, { worker: true });
const programme = await selfServiceProgramme(site.app, site.databaseUrl, 'Matthias Keller', [
  { name: ASKER, role: 'mentee', skills: ['social-media', 'ai-assistants'] },
  { name: ASKED, role: 'mentor', skills: ['social-media'] },
  { name: 'Lukas Wolf', role: 'mentor', skills: ['e-file'] },
  { name: 'Petra Zimmermann', role: 'mentee', skills: ['e-file'] },
]);

/** Signs in at the demo IdP with the keyboard: focus the person's button, press Enter. */
async function signInByKeyboard(page: Page, name: string): Promise<void> {
  await page.goto('/auth/login');
  await page.getByRole('button', { name }).first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/dev-idp'));
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

const partnersPath = `/programmes/${programme}/partners`;
/** The leader's browser stays open across the steps (its context closes with the file). */
const journey = t;
let asker: Page;

t.test('the leader finds suggestions and asks one of them with a note', async (t) => {
  asker = await site.open(journey, { language: 'de' });
  await signInByKeyboard(asker, ASKER);
  await visit(asker, '/');
  await asker.getByRole('heading', { name: CHOSEN }).waitFor();
  await tabTo(
    asker,
    (element) => element.tag === 'a' && element.href === partnersPath,
    'the link "Tandem wählen"',
  );
  await asker.keyboard.press('Enter');
  await asker.waitForURL(`**${partnersPath}`);
  // The URL changes before the new page renders: wait for its own heading.
  await asker.getByRole('heading', { level: 1, name: 'Tandem wählen' }).waitFor();

  const suggestion = asker.getByRole('listitem').filter({
    has: asker.getByRole('heading', { name: ASKED }),
  });
  await suggestion.waitFor();
  t.match(await suggestion.textContent(), /Passung: \d+ von 100/, 'how well they fit');
  t.match(await suggestion.textContent(), /Kenntnisse:/, 'and why, by criterion');

  await tabTo(asker, (element) => element.text === `${ASKED} anfragen`, 'the ask button');
  await asker.keyboard.press('Enter');
  await asker.getByRole('dialog', { name: `${ASKED} als Tandem anfragen` }).waitFor();
  const inside = await until(
    () => focused(asker),
    (element) => Boolean(element?.inDialog),
    'focus inside the dialog',
  );
  t.equal(inside?.tag, 'textarea', 'focus starts in the note');
  await asker.keyboard.type(NOTE);
  await tabTo(asker, (element) => element.text === 'Anfrage senden', 'the send button', 3);
  await asker.keyboard.press('Enter');

  const mine = asker.getByRole('region', { name: 'Meine Anfragen' });
  await mine.getByText('Wartet bis zum').waitFor();
  t.match(await mine.textContent(), ASKED, 'the request is among mine, waiting');
  t.match(await mine.textContent(), NOTE, 'with my note');
  t.ok(
    await asker.getByText('Sie können jeweils eine Person anfragen.', { exact: false }).isVisible(),
    'no more asking while it waits',
  );
});

t.test('the person asked follows the inbox link, reads the note, accepts', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await signInByKeyboard(page, ASKED);
  await visit(page, '/');
  await tabTo(page, (element) => element.href === '/inbox', 'the inbox link');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/inbox');
  const title = `${ASKER} möchte Ihr Tandem sein`;
  await page.getByRole('heading', { name: title }).waitFor();
  await tabTo(
    page,
    (element) => element.tag === 'a' && element.text === `Öffnen: ${title}`,
    'the entry’s link',
  );
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${partnersPath}`);
  const received = page.getByRole('region', { name: 'Anfragen an Sie' });
  await received.getByText(NOTE).waitFor();
  t.match(await received.textContent(), /Bitte antworten Sie bis zum/, 'with the time to answer');
  const suggested = page
    .getByRole('region', { name: 'Vorgeschlagene Tandem-Partnerinnen und -Partner' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: ASKER }) });
  t.match(
    await suggested.textContent(),
    `${ASKER} hat Sie bereits angefragt`,
    'among the suggestions, who asked is to be answered, not asked back',
  );
  t.equal(await suggested.getByRole('button').count(), 0, 'no button to ask them back');

  await tabTo(page, (element) => element.text === 'Annehmen', 'the accept button');
  await page.keyboard.press('Space');
  const pair = page.getByRole('region', { name: 'Ihr Tandem' });
  await pair.getByText(`Sie und ${ASKER} sind ein Tandem.`).waitFor();
  const landed = await until(
    () => focused(page),
    (element) => element?.tag === 'h2',
    'focus on the new section',
  );
  t.equal(landed?.text, 'Ihr Tandem', 'focus moves to the tandem that was made');
  await tabTo(page, (element) => element.text === 'Zu meinem Tandem', 'the tandem link', 3);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/tandem/*');
  await page.getByText(ASKER).first().waitFor();
  t.pass('the tandem page shows the partner');
});

t.test('the leader sees the yes without reloading and opens the tandem', async (t: Test) => {
  const pair = asker.getByRole('region', { name: 'Ihr Tandem' });
  await pair.getByText(`Sie und ${ASKED} sind ein Tandem.`).waitFor();
  t.match(
    await asker.getByRole('region', { name: 'Meine Anfragen' }).textContent(),
    'Angenommen: Sie sind ein Tandem.',
  );
  await tabTo(asker, (element) => element.text === 'Zu meinem Tandem', 'the tandem link');
  await asker.keyboard.press('Enter');
  await asker.waitForURL('**/tandem/*');
  await asker.getByText(ASKED).first().waitFor();

  await visit(asker, '/inbox');
  await asker
    .getByRole('heading', { name: `${ASKED} hat angenommen: Sie sind ein Tandem` })
    .waitFor();
  t.pass('and the inbox tells of the yes');
});

t.test('a request still waiting can be withdrawn, and the suggestions come back', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await signInByKeyboard(page, 'Petra Zimmermann');
  await visit(page, partnersPath);
  await page.getByRole('button', { name: 'Lukas Wolf anfragen' }).waitFor();
  await tabTo(page, (element) => element.text === 'Lukas Wolf anfragen', 'the ask button');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Lukas Wolf als Tandem anfragen' }).waitFor();
  await tabTo(page, (element) => element.text === 'Anfrage senden', 'the send button', 3);
  await page.keyboard.press('Enter');
  const mine = page.getByRole('region', { name: 'Meine Anfragen' });
  await mine.getByText('Wartet bis zum').waitFor();

  await tabTo(page, (element) => element.text === 'Anfrage zurückziehen', 'the withdraw button');
  await page.keyboard.press('Enter');
  await mine.getByText('Zurückgezogen.').waitFor();
  await page.getByRole('button', { name: 'Lukas Wolf anfragen' }).waitFor();
  t.pass('withdrawn, and Lukas Wolf can be asked again');
});
