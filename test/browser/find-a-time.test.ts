/**
 * Finding a time together, through the UI: a pair for whom Tandem found no common time sees
 * "No common time found — propose times", proposes a time of their own, and picks the one the
 * partner proposed, which becomes the next meeting on the page, and answers it "maybe".
 */
import t from 'tap';
import { Enrolment } from '../../server/src/modules/enrolment/enrolment.js';
import { Meeting } from '../../server/src/modules/meetings/meeting.js';
import { SchedulingRequest } from '../../server/src/modules/meetings/scheduling-request.js';
import { TimeProposal } from '../../server/src/modules/meetings/time-proposal.js';
import { PairSession } from '../../server/src/modules/pairs/pair-session.js';
import { Programme } from '../../server/src/modules/programmes/programme.js';
import { User } from '../../server/src/modules/users/user.js';
import { publishPair } from '../../server/test/helpers/publish-pair.js';
import { checkA11y, signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(240_000);

const PERSON = 'Priya Nair';
const PARTNER = 'Paul Meier';

t.test('a pair without a common time proposes times and picks one', async (t) => {
  const site = await startTandem(t);
  const em = site.app.orm.em.fork();
  const person = await em.findOneOrFail(User, { name: PERSON });
  const partner = await em.findOneOrFail(User, { name: PARTNER });
  const programme = em.create(Programme, {
    name: 'Zeit finden',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { sessionMinutes: 45 },
  });
  const enrolments = [person, partner].map((user, i) =>
    em.create(Enrolment, { programme, user, role: i ? 'mentee' : 'mentor' }),
  );
  await em.flush();
  const { pairId } = await publishPair(
    site.app,
    programme.id,
    enrolments.map((enrolment, i) => ({
      enrolmentId: enrolment.id,
      role: i ? 'mentee' : 'mentor',
    })),
  );
  const session = await em.findOneOrFail(PairSession, { match: pairId, position: 0 });
  const request = em.create(SchedulingRequest, { match: pairId, session });
  const theirs = new Date(Date.now() + 5 * 86_400_000);
  theirs.setUTCHours(9, 0, 0, 0);
  em.create(TimeProposal, { request, proposer: partner, startsAt: theirs });
  await em.flush();

  const page = await site.open(t, { language: 'en' });
  await signIn(page, PERSON);
  await visit(page, `/tandem/${pairId}`);
  const search = page.getByRole('region', { name: 'No common time found — propose times' });
  await search.waitFor();
  t.pass('the page says no common time was found');
  await checkA11y(t, page, 'finding a time together');

  const mine = new Date(Date.now() + 6 * 86_400_000);
  const local = `${mine.toISOString().slice(0, 10)}T10:00`;
  await search.getByLabel('Time 1', { exact: true }).fill(local);
  await search.getByRole('button', { name: 'Send my times' }).click();
  await page.getByText('Your times have been sent.').waitFor({ state: 'attached' });
  const stored = await site.app.orm.em.fork().find(TimeProposal, { proposer: person.id });
  t.equal(stored.length, 1, 'my time is stored');

  await search.getByRole('button', { name: 'Pick this one' }).click();
  const meeting = page.getByRole('region', { name: 'Next meeting' });
  await meeting.getByRole('button', { name: 'Accept' }).waitFor();
  t.equal(
    await meeting.locator('time').first().getAttribute('datetime'),
    theirs.toISOString(),
    "the partner's time is the next meeting",
  );

  // The card's third answer: "maybe" is an answer of its own, and the time stays.
  await meeting.getByRole('button', { name: 'Maybe' }).click();
  await page.getByText('You answered maybe; the time stays.').waitFor({ state: 'attached' });
  t.equal(
    (await meeting.locator('.answer').textContent())?.trim(),
    'Maybe',
    'my answer reads "Maybe"',
  );
  const answered = await site.app.orm.em.fork().findOneOrFail(Meeting, { match: pairId });
  t.equal(answered.responses[person.id], 'tentative', 'and is stored as tentative');
  t.equal(answered.startsAt.toISOString(), theirs.toISOString(), 'at the same time');
});
