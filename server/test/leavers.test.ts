import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { anonymiseFormerParticipants } from '../src/modules/privacy/retention.js';
import { unlinkedSubject } from '../src/modules/users/directory-link.js';
import { deactivatePerson, reactivatePerson } from '../src/modules/users/leavers.js';
import { User } from '../src/modules/users/user.js';
import { provisionUser } from '../src/modules/users/user-provisioning.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { mailTestApp, proposedPairs } from './helpers/proposed-pairs.js';
import { receivedInvitation } from './helpers/received-invitation.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const MAPPING = {
  roles: 'groups',
  adminRoles: ['tandem-admin'],
  department: 'department',
  title: 'title',
  username: 'preferred_username',
};

t.test(
  'a leaver leaves discreetly: meetings cancelled, the partner rematched at once, no sign-in',
  async (t) => {
    const sink = await startSmtpSink();
    t.teardown(() => sink.close());
    const app = await mailTestApp(t, sink);
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const { programme, people } = await proposedPairs(app, 1);
    const [leaver, partner] = people;
    if (!leaver || !partner) throw new Error('the fixture makes a pair');
    // Someone free, with the leaver's hours: the partner's next mentor.
    const em = app.orm.em.fork();
    const spare = em.create(User, {
      issuer: 'https://idp.test',
      subject: 'spare',
      name: 'Mentorin frei',
      email: 'spare@agency.example',
      locale: 'de',
    });
    em.create(Enrolment, {
      programme: programme.id,
      user: spare,
      role: 'mentor',
      profile: { availability: leaver.windows },
    });
    await em.flush();
    const published = await app.inject({
      method: 'POST',
      url: `/api/admin/programmes/${programme.id}/publish`,
      cookies: hr.cookies,
    });
    t.equal(published.statusCode, 200);
    await sink.waitFor(2, 30_000);
    const leaverSession = await sessionFor(app, leaver.user.id);

    const outcome = await deactivatePerson(app.meetingDependencies(), leaver.user.id, 'ldap');
    t.same(outcome, { deactivated: true, enrolmentsWithdrawn: 1, pairsDissolved: 1 });

    // The cancellations, the partner's notice, then (rematched at once) the new pair's invitations,
    // in whatever order the deliveries finish.
    const after = () => sink.messages.slice(2);
    const cancels = () =>
      after()
        .filter((m) => m.calendar)
        .map(receivedInvitation)
        .filter((c) => c.method === 'CANCEL');
    const notices = () => after().filter((m) => !m.calendar);
    for (let i = 0; i < 300 && (cancels().length < 2 || notices().length === 0); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    t.same(
      cancels()
        .map((c) => c.to)
        .sort(),
      [partner.user.email, leaver.user.email].sort(),
      'both calendars drop the meeting',
    );
    const [notice] = notices();
    t.equal(notice?.envelope.to[0], partner.user.email, 'only the partner is told');
    t.match(notice?.text, /gleich/, 'that a new partner comes right away');
    t.notMatch(notice?.text, /verlassen|left the organisation/i, 'not why');

    const dissolved = await app.orm.em.fork().findOneOrFail(Match, { id: leaver.match.id });
    t.match(dissolved, { state: 'dissolved', dissolvedReasonCode: 'left-organisation' });
    let partners: string[] = [];
    for (let i = 0; i < 200 && partners.length === 0; i++) {
      const mine = await app.inject({
        url: '/api/pairs',
        cookies: (await sessionFor(app, partner.user.id)).cookies,
      });
      partners = mine.json().map((p: { partners: { name: string }[] }) => p.partners[0]?.name);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    t.same(partners, ['Mentorin frei'], 'the partner has a new mentor at once');

    const me = await app.inject({ url: '/api/me', cookies: leaverSession.cookies });
    t.equal(me.statusCode, 401, "the leaver's session has ended");
    const signIn = await provisionUser(
      app.orm.em.fork(),
      'https://idp.test',
      { sub: leaver.user.subject, name: 'Mentorin 0' },
      MAPPING,
    );
    t.equal(signIn.deactivated, true, 'and they cannot sign in again');
    t.same(
      await deactivatePerson(app.meetingDependencies(), leaver.user.id, 'ldap'),
      { deactivated: false, enrolmentsWithdrawn: 0, pairsDissolved: 0 },
      'a second sync changes nothing',
    );

    t.equal(await reactivatePerson(app.orm.em.fork(), leaver.user.id, 'ldap'), true);
    const back = await provisionUser(
      app.orm.em.fork(),
      'https://idp.test',
      { sub: leaver.user.subject, name: 'Mentorin 0' },
      MAPPING,
    );
    t.notOk(back.deactivated, 'reactivated, they sign in again');
    const enrolment = await app.orm.em
      .fork()
      .findOneOrFail(Enrolment, { user: leaver.user.id, programme: programme.id });
    t.equal(enrolment.state, 'withdrawn', 'the account comes back, not the pair');
  },
);

t.test('a person the directory created is linked to their first sign-in', async (t) => {
  const app = await buildTestApp(t);
  const issuer = 'https://idp.test';
  const em = app.orm.em.fork();
  const known = em.create(User, {
    issuer,
    subject: unlinkedSubject(),
    username: 'JDoe',
    name: 'Jane Doe',
    email: 'jane.doe@agency.example',
    department: 'Referat Z 1',
    directorySource: 'ldap',
  });
  await em.flush();

  const claims = {
    sub: 'c0ffee',
    preferred_username: 'jdoe',
    name: 'J. Doe',
    department: 'IT',
    groups: ['tandem-admin'],
  };
  const first = await provisionUser(app.orm.em.fork(), issuer, claims, MAPPING);
  t.equal(first.user.id, known.id, 'found by username, whatever its case');
  t.match(first.user, {
    subject: 'c0ffee',
    name: 'Jane Doe',
    department: 'Referat Z 1',
    roles: ['admin'],
  });
  t.notOk(first.created, 'the directory has the say on the profile; the claims on the roles');
  const again = await provisionUser(app.orm.em.fork(), issuer, claims, MAPPING);
  t.equal(again.user.id, known.id, 'then by subject');

  const other = await provisionUser(
    app.orm.em.fork(),
    issuer,
    { sub: 'beef', preferred_username: 'JDOE', name: 'Another' },
    MAPPING,
  );
  t.ok(other.created, 'a second subject does not take a linked person over');
  t.equal(other.user.username, null, 'nor their username');
  const plain = await provisionUser(
    app.orm.em.fork(),
    issuer,
    { sub: 'cafe', preferred_username: 'mmuster', name: 'Max Muster' },
    MAPPING,
  );
  t.equal(plain.user.username, 'mmuster', 'a sign-in records the username for a later sync');
});

t.test('leavers are anonymised after RETENTION_LEAVER_DAYS', async (t) => {
  const app = await buildTestApp(t);
  const em = app.orm.em.fork();
  const person = (subject: string, daysAgo: number) =>
    em.create(User, {
      issuer: 'https://idp.test',
      subject,
      name: `Person ${subject}`,
      deactivatedAt: new Date(Date.now() - daysAgo * 86_400_000),
    });
  const longGone = person('long-gone', 100);
  const recent = person('recent', 10);
  await em.flush();
  const anonymised = await anonymiseFormerParticipants(
    app.meetingDependencies(),
    loadConfig({}).noteKeyring,
    {
      closedProgramme: 365,
      leaver: 90,
    },
  );
  t.equal(anonymised, 1);
  const left = await app.orm.em.fork().find(User, { id: { $in: [longGone.id, recent.id] } });
  t.same(
    left.map((u) => u.name),
    ['Person recent'],
    'the one gone 100 days is anonymised under a new id',
  );
});
