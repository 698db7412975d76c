/**
 * The matching review of a programme larger than a page, through the UI: 60 lunch groups and
 * 55 people left over show 50 of each with where the page lies; the admin goes to the next page
 * of pairs, pins a pair there and stays on that page; German words the paging too.
 */
import t from 'tap';
import { Enrolment } from '../../server/src/modules/enrolment/enrolment.js';
import { Match } from '../../server/src/modules/matching/match.js';
import { MatchMember } from '../../server/src/modules/matching/match-member.js';
import { Programme } from '../../server/src/modules/programmes/programme.js';
import { User } from '../../server/src/modules/users/user.js';
import { checkA11y, signIn, startTandem, switchLanguage, visit } from './helpers/tandem-browser.js';

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
  // Scores 60 down to 1: the first page holds the groups scored 60 to 11.
  for (let n = 0; n < 60; n++) {
    const match = em.create(Match, { programme, state: 'proposed', score: 60 - n });
    for (let k = 0; k < 2; k++) em.create(MatchMember, { match, enrolment: enrol(), role: 'peer' });
  }
  for (let n = 0; n < 55; n++) enrol();
  await em.flush();
  return programme.id;
})();

t.test('the review in pages: next page, a change there keeps it, German', async (t) => {
  const admin = await site.open(t, { language: 'en' });
  await signIn(admin, ADMIN);
  await switchLanguage(admin, 'en');
  await visit(admin, `/admin/programmes/${programmeId}/matching`);
  await admin.getByRole('heading', { name: 'Proposed pairs (60)' }).waitFor();
  const pairPages = admin.getByRole('navigation', { name: 'Pages of pairs' });
  t.match(await pairPages.textContent(), /Pairs 1–50 of 60/);
  t.equal(await admin.locator('.pair').count(), 50, 'a page of 50 pairs');
  t.equal(
    await pairPages.getByRole('button', { name: 'Previous pairs' }).getAttribute('aria-disabled'),
    'true',
  );
  const peoplePages = admin.getByRole('navigation', { name: 'Pages of unmatched people' });
  t.match(await peoplePages.textContent(), /People 1–50 of 55/);
  await admin.getByRole('heading', { name: 'Unmatched people (55)' }).waitFor();

  await pairPages.getByRole('button', { name: 'Next pairs' }).click();
  await pairPages.getByText('Pairs 51–60 of 60').waitFor();
  t.equal(await admin.locator('.pair').count(), 10, 'the last ten');
  t.equal(
    await pairPages.getByRole('button', { name: 'Next pairs' }).getAttribute('aria-disabled'),
    'true',
  );
  await checkA11y(t, admin, 'the second page of pairs');

  const pair = admin.locator('.pair').first();
  await pair.getByRole('button', { name: /^Pin/ }).click();
  await pair.getByText('Pinned').waitFor();
  t.match(await pairPages.textContent(), /Pairs 51–60 of 60/, 'a change keeps the page');
  t.match(await pair.textContent(), /Score 10 of 100/, 'the pair pinned is on it');

  await switchLanguage(admin, 'de');
  await admin.getByRole('heading', { name: 'Vorgeschlagene Paare (60)' }).waitFor();
  const seiten = admin.getByRole('navigation', { name: 'Seiten der Paare' });
  await seiten.getByRole('button', { name: 'Nächste Paare' }).waitFor();
  t.match(await seiten.textContent(), /Paare \d+–\d+ von 60/);
  await checkA11y(t, admin, 'the review in pages, in German');
});
