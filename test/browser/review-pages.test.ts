/**
 * The matching review of a programme larger than a page, through the UI: a lunch round running
 * for a while, with 60 new proposals, 55 published groups, 3 dissolved and 61 people left over.
 * Each list shows 50 with where its page lies, and pages on its own: the published pairs go to
 * their next page while the proposals stay on theirs; the admin goes to the next page of
 * proposals, pins a pair there and stays on that page, swaps a partner there with a pair of the
 * first page found by name, by keyboard; German words the paging and the search too.
 */
import t from 'tap';
import { Enrolment } from '../../server/src/modules/enrolment/enrolment.js';
import { Match } from '../../server/src/modules/matching/match.js';
import { MatchMember } from '../../server/src/modules/matching/match-member.js';
import { Programme } from '../../server/src/modules/programmes/programme.js';
import { User } from '../../server/src/modules/users/user.js';
import {
  checkA11y,
  focused,
  openDialog,
  signIn,
  startTandem,
  switchLanguage,
  until,
  visit,
} from './helpers/tandem-browser.js';

t.setTimeout(300_000);

const ADMIN = 'Matthias Keller';

const site = await startTandem(t);
const programmeId = await (async () => {
  const em = site.app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Große Mittagsrunde',
    kind: 'peer-lunch',
    state: 'matching',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
    settings: { channels: [] },
  });
  let person = 0;
  const enrol = () => {
    const n = person++;
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: `lunch-${n}`,
      name: `Gast ${String(n).padStart(3, '0')}`,
    });
    return em.create(Enrolment, { programme, user, role: 'either' });
  };
  const group = (state: Match['state'], score: number) => {
    const match = em.create(Match, { programme, state, score });
    for (let k = 0; k < 2; k++) em.create(MatchMember, { match, enrolment: enrol(), role: 'peer' });
  };
  // Proposals scored 60 down to 1 (Gast 000 & 001 first): the first page holds 60 to 11.
  for (let n = 0; n < 60; n++) group('proposed', 60 - n);
  // Published groups scored above every proposal: one list of all states would show them first.
  for (let n = 0; n < 55; n++) group('published', 99);
  // Dissolved groups leave their people unmatched: 55 left over and these 6.
  for (let n = 0; n < 3; n++) group('dissolved', 99);
  for (let n = 0; n < 55; n++) enrol();
  await em.flush();
  return programme.id;
})();

/** The members of the proposed group holding `name` now, by name. */
async function groupOf(name: string): Promise<string[]> {
  const rows = await site.app.orm.em.fork().execute<{ name: string }[]>(
    `SELECT u.name FROM match_member mm
       JOIN enrolment e ON e.id = mm.enrolment_id JOIN app_user u ON u.id = e.user_id
      WHERE mm.match_id = (SELECT m.id FROM match m
        JOIN match_member x ON x.match_id = m.id JOIN enrolment xe ON xe.id = x.enrolment_id
        JOIN app_user xu ON xu.id = xe.user_id WHERE xu.name = ? AND m.state = 'proposed')
      ORDER BY u.name`,
    [name],
  );
  return rows.map((row) => row.name);
}

t.test('each list in pages of its own, a swap across pages, German', async (t) => {
  const admin = await site.open(t, { language: 'en' });
  await signIn(admin, ADMIN);
  await switchLanguage(admin, 'en');
  await visit(admin, `/admin/programmes/${programmeId}/matching`);
  await admin.getByRole('heading', { name: 'Proposed pairs (60)' }).waitFor();
  const pairPages = admin.getByRole('navigation', { name: 'Pages of proposed pairs' });
  t.match(await pairPages.textContent(), /Proposed pairs 1–50 of 60/);
  t.equal(await admin.locator('.pair').count(), 50, 'a page of 50 proposals');
  t.match(
    await admin.locator('.pair').first().textContent(),
    /Gast 000/,
    'the best proposal first, no published pair among them',
  );
  t.equal(
    await pairPages
      .getByRole('button', { name: 'Previous proposed pairs' })
      .getAttribute('aria-disabled'),
    'true',
  );
  const peoplePages = admin.getByRole('navigation', { name: 'Pages of unmatched people' });
  t.match(await peoplePages.textContent(), /People 1–50 of 61/);
  await admin.getByRole('heading', { name: 'Unmatched people (61)' }).waitFor();

  await admin.getByRole('heading', { name: 'Published pairs (55)' }).waitFor();
  const published = admin.locator('ul.published > li');
  t.equal(await published.count(), 50, 'a page of 50 published pairs, whatever page of proposals');
  const publishedPages = admin.getByRole('navigation', { name: 'Pages of published pairs' });
  await publishedPages.getByRole('button', { name: 'Next published pairs' }).click();
  await publishedPages.getByText('Published pairs 51–55 of 55').waitFor();
  t.equal(await published.count(), 5, 'the last five published');
  t.match(await pairPages.textContent(), /Proposed pairs 1–50 of 60/, 'the proposals stay');
  await admin.getByRole('heading', { name: 'Dissolved pairs (3)' }).waitFor();
  t.equal(await admin.locator('ul.dissolved > li').count(), 3);

  await pairPages.getByRole('button', { name: 'Next proposed pairs' }).click();
  await pairPages.getByText('Proposed pairs 51–60 of 60').waitFor();
  t.equal(await admin.locator('.pair').count(), 10, 'the last ten');
  t.equal(
    await pairPages
      .getByRole('button', { name: 'Next proposed pairs' })
      .getAttribute('aria-disabled'),
    'true',
  );
  t.match(await publishedPages.textContent(), /Published pairs 51–55 of 55/, 'and so do these');
  await checkA11y(t, admin, 'the second pages of proposals and of published pairs');

  const pair = admin.locator('.pair').first();
  await pair.getByRole('button', { name: /^Pin/ }).click();
  await pair.getByText('Pinned').waitFor();
  t.match(await pairPages.textContent(), /Proposed pairs 51–60 of 60/, 'a change keeps the page');
  t.match(await pair.textContent(), /Score 10 of 100/, 'the pair pinned is on it');

  // Gast 102 & 103 (score 9, this page) swap with Gast 000 & 001 (score 60, the first page).
  await admin
    .locator('.pair')
    .nth(1)
    .getByRole('button', { name: /^Swap partners…/ })
    .click();
  const dialog = await openDialog(admin, 'Swap partners');
  await dialog.getByRole('searchbox', { name: 'Find a pair by a member’s name' }).waitFor();
  await until(
    () => focused(admin),
    (element) => element?.id === 'pair-name',
    'the search field to have focus',
  );
  await dialog.getByText(/The first 20 of 58 proposed pairs/).waitFor();
  await admin.keyboard.type('gast 000');
  await dialog.getByText('1 proposed pair to choose from.').waitFor();
  await checkA11y(t, admin, 'the swap dialog with a pair found by name');
  await admin.keyboard.press('Tab');
  await admin.keyboard.press('Space');
  t.ok(await dialog.getByRole('radio', { name: 'Gast 000 & Gast 001' }).isChecked());
  await admin.keyboard.press('Tab');
  await admin.keyboard.press('Enter');
  await admin
    .getByText('Partners swapped between Gast 102 & Gast 103; Gast 000 & Gast 001.')
    .first()
    .waitFor();
  t.same(await groupOf('Gast 000'), ['Gast 000', 'Gast 103'], 'Gast 000 joined Gast 103');
  t.same(await groupOf('Gast 001'), ['Gast 001', 'Gast 102']);
  t.match(await pairPages.textContent(), /Proposed pairs 51–60 of 60/, 'still on that page');

  await switchLanguage(admin, 'de');
  await admin.getByRole('heading', { name: 'Vorgeschlagene Paare (60)' }).waitFor();
  const seiten = admin.getByRole('navigation', { name: 'Seiten der vorgeschlagenen Paare' });
  await seiten.getByRole('button', { name: 'Nächste vorgeschlagene Paare' }).waitFor();
  t.match(await seiten.textContent(), /Vorgeschlagene Paare \d+–\d+ von 60/);
  const veroeffentlicht = admin.getByRole('navigation', {
    name: 'Seiten der veröffentlichten Paare',
  });
  t.match(await veroeffentlicht.textContent(), /Veröffentlichte Paare \d+–\d+ von 55/);
  await admin
    .locator('.pair')
    .nth(2)
    .getByRole('button', { name: /^Partner tauschen …/ })
    .click();
  const tauschen = await openDialog(admin, 'Partner tauschen');
  await tauschen
    .getByRole('searchbox', { name: 'Paar über den Namen einer beteiligten Person finden' })
    .waitFor();
  await tauschen.getByText(/Die ersten 20 von 58 vorgeschlagenen Paaren/).waitFor();
  await checkA11y(t, admin, 'the review in pages and its swap dialog, in German');
});
