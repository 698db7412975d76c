/**
 * A participant who opens their tandem in the moments after publishing, before the job has
 * made the pair's plan, sees the plan appear on its own once it is made: the first meeting's
 * message arrives over the realtime socket and the page loads the pair again.
 */
import t from 'tap';
import { Enrolment } from '../../server/src/modules/enrolment/enrolment.js';
import { Match } from '../../server/src/modules/matching/match.js';
import { MatchMember } from '../../server/src/modules/matching/match-member.js';
import type {} from '../../server/src/modules/meetings/meeting-dependencies-plugin.js';
import { planNextMeeting } from '../../server/src/modules/meetings/meeting-planner.js';
import { createPairPlan } from '../../server/src/modules/pairs/pair-plan.js';
import { Programme } from '../../server/src/modules/programmes/programme.js';
import { User } from '../../server/src/modules/users/user.js';
import { signIn, startTandem, visit } from './helpers/tandem-browser.js';

t.setTimeout(240_000);

const PERSON = 'Priya Nair';
const PARTNER = 'Paul Meier';

t.test('the plan appears on an open tandem page once the job has made it', async (t) => {
  const site = await startTandem(t);
  const em = site.app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Frisch veröffentlicht',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { sessionMinutes: 45 },
  });
  const match = em.create(Match, { programme, state: 'published', publishedAt: new Date() });
  for (const [name, role] of [
    [PERSON, 'mentor'],
    [PARTNER, 'mentee'],
  ] as const) {
    const user = await em.findOneOrFail(User, { name });
    const enrolment = em.create(Enrolment, { programme, user, role });
    em.create(MatchMember, { match, enrolment, role });
  }
  await em.flush();

  const page = await site.open(t, { language: 'en' });
  await signIn(page, PERSON);
  await visit(page, `/tandem/${match.id}`);
  await page.getByRole('region', { name: 'My partner' }).getByText(PARTNER).waitFor();
  const plan = page.getByRole('region', { name: 'Session plan' });
  t.equal(await plan.count(), 0, 'the page opens before the pair has its plan');
  let loads = 0;
  page.on('load', () => loads++);

  await createPairPlan(
    { em: site.app.orm.em, plugins: site.app.plugins, log: site.app.log },
    match.id,
  );
  await planNextMeeting(site.app.meetingDependencies(), match.id);
  await plan.waitFor({ timeout: 30_000 });
  t.pass('the plan appears once it is made');
  t.equal(loads, 0, 'without the page being reloaded');
});
