/**
 * The pair's question list on the tandem page: the mentee writes questions down between
 * meetings, rewords and deletes their own; the mentor (in another language) reads them, cannot
 * reword or delete them, and marks one answered; a question deleted meanwhile is refused with a
 * sentence in the reader's language. And the Q&A game over the quickstart's glossary.
 */
import type { Page } from 'playwright-core';
import t from 'tap';
import { User } from '../../server/src/modules/users/user.js';
import { runningPair } from '../../server/test/helpers/publish-pair.js';
import { signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const MENTOR = 'Priya Nair'; // reads English
const MENTEE = 'Paul Meier'; // reads German

const site = await startTandem(t);
const em = site.app.orm.em.fork();
const userId = async (name: string) => (await em.findOneOrFail(User, { name })).id;
const { pairId } = await runningPair(site.app, {
  name: 'KI im Arbeitsalltag',
  mentorId: await userId(MENTOR),
  menteeId: await userId(MENTEE),
});

async function openTandem(page: Page, person: string) {
  await signIn(page, person);
  await visit(page, `/tandem/${pairId}`);
}

t.test('the mentee keeps a question list that the pair works through', async (t) => {
  const mentee = await site.open(t, { language: 'de' });
  mentee.on('dialog', (dialog) => void dialog.accept());
  await openTandem(mentee, MENTEE);
  const list = mentee.getByRole('region', { name: 'Frageliste' });
  await list.getByText('Keine offenen Fragen.').waitFor();

  for (const question of ['Was ist ein Prompt?', 'Wie teile ich eine Datei mit dem Team?']) {
    await list.getByLabel('Neue Frage').fill(question);
    await list.getByRole('button', { name: 'Frage hinzufügen' }).click();
    await list
      .getByRole('list', { name: 'Offene Fragen' })
      .getByText(question, { exact: true })
      .waitFor();
  }
  t.equal(await list.getByLabel('Neue Frage').inputValue(), '', 'the field is empty again');

  await list.getByRole('button', { name: 'Bearbeiten: Was ist ein Prompt?' }).click();
  await list.getByLabel('Frage bearbeiten').fill('Was ist eigentlich ein Prompt?');
  await list.getByRole('button', { name: 'Frage speichern' }).click();
  await list.getByText('Was ist eigentlich ein Prompt?', { exact: true }).waitFor();
  t.equal(await list.getByText('Was ist ein Prompt?', { exact: true }).count(), 0, 'reworded');

  const mentor = await site.open(t, { language: 'en' });
  await openTandem(mentor, MENTOR);
  const theirs = mentor.getByRole('region', { name: 'Question list' });
  const open = theirs.getByRole('list', { name: 'Open questions' });
  await open.getByText('Was ist eigentlich ein Prompt?', { exact: true }).waitFor();
  t.equal(await open.getByText('Asked by your partner').count(), 2, 'the mentor reads both');
  t.equal(
    await theirs.getByRole('button', { name: /^(Edit|Delete):/ }).count(),
    0,
    'but cannot reword or delete the mentee’s questions',
  );
  await theirs
    .getByRole('button', { name: 'Mark as answered: Was ist eigentlich ein Prompt?' })
    .click();
  await theirs
    .getByRole('list', { name: 'Answered questions' })
    .getByText('Was ist eigentlich ein Prompt?', { exact: true })
    .waitFor();

  await mentee.reload();
  const again = mentee.getByRole('region', { name: 'Frageliste' });
  await again
    .getByRole('list', { name: 'Beantwortete Fragen' })
    .getByText('Was ist eigentlich ein Prompt?', { exact: true })
    .waitFor();
  t.pass('the mentee sees the question answered');
  await again
    .getByRole('button', { name: 'Löschen: Wie teile ich eine Datei mit dem Team?' })
    .click();
  await again.getByText('Keine offenen Fragen.').waitFor();
  t.pass('the mentee deleted their question');

  // The mentor's page still shows it: acting on it meets the server's refusal, in English.
  await theirs
    .getByRole('button', { name: 'Mark as answered: Wie teile ich eine Datei mit dem Team?' })
    .click();
  const alert = theirs.getByRole('alert');
  await alert.waitFor();
  t.equal(
    (await alert.textContent())?.trim(),
    'This is no longer there, perhaps your partner has just changed it. Please reload the page.',
    'the refusal is a sentence for people, not the server’s',
  );
});

t.test('the pair plays the Q&A game over the glossary', async (t) => {
  const page = await site.open(t, { language: 'de' });
  await openTandem(page, MENTEE);
  const game = page.getByRole('region', { name: 'Frage-Antwort-Spiel' });
  const progress = game.getByText(/Begriff \d+ von \d+/);
  const total = Number(/von (\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
  t.ok(total > 10, 'a round goes through the whole glossary', { total });
  const term = game.getByRole('heading', { level: 3 });
  t.equal((await term.textContent())?.trim(), 'Browser', 'the first term');
  t.equal(await game.getByText(/Adresszeile/).count(), 0, 'the explanation is hidden');

  await game.getByRole('button', { name: 'Erklärung anzeigen' }).click();
  await game.getByText(/Adresszeile/).waitFor();
  await game.getByRole('button', { name: 'Wusste ich' }).click();
  await game.getByText(`Begriff 2 von ${total}`).waitFor();
  t.equal((await term.textContent())?.trim(), 'App', 'the next term');
  await game.getByText('Bisher gewusst: 1').waitFor();

  await game.getByRole('button', { name: 'Erklärung anzeigen' }).click();
  await game.getByRole('button', { name: 'Noch nicht' }).click();
  await game.getByText(`Begriff 3 von ${total}`).waitFor();
  await game.getByText('Bisher gewusst: 1').waitFor();
  t.pass('a term not known yet does not count');
});
