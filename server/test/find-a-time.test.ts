import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { lockRows } from '../src/db/lock-rows.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { planNextMeeting } from '../src/modules/meetings/meeting-planner.js';
import { SchedulingRequest } from '../src/modules/meetings/scheduling-request.js';
import { pairPage } from '../src/modules/notifications/app-page.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { mailTestApp } from './helpers/proposed-pairs.js';
import { receivedInvitation } from './helpers/received-invitation.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const DAY = 86_400_000;
/** The first session of the qa-quickstart curriculum, in the organisation's language. */
const FIRST = 'Kennenlernen, Tandem-Vereinbarung und erste Begriffe';

/** A proposed pair who are never free at the same time: Mondays against Tuesdays. */
async function neverFreeTogether(app: FastifyInstance) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital im Dienst',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { channels: ['email', 'in-app'], format: 'remote', sessionMinutes: 45 },
  });
  const match = em.create(Match, { programme, state: 'proposed' });
  const people = [];
  for (const [role, weekday, locale] of [
    ['mentor', 1, 'de'],
    ['mentee', 2, 'en'],
  ] as const) {
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: role,
      name: role === 'mentor' ? 'Mentorin' : 'Mentee',
      email: `${role}@agency.example`,
      locale,
    });
    const availability = [{ weekday, from: '08:00', to: '09:00' }];
    const enrolment = em.create(Enrolment, { programme, user, role, profile: { availability } });
    em.create(MatchMember, { match, enrolment, role });
    people.push(user);
  }
  await em.flush();
  const [mentor, mentee] = people;
  if (!mentor || !mentee) throw new Error('two people');
  return { programme, match, mentor, mentee };
}

async function published(t: Test) {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const app = await mailTestApp(t, sink);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const pair = await neverFreeTogether(app);
  const publish = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${pair.programme.id}/publish`,
    cookies: hr.cookies,
  });
  t.equal(publish.statusCode, 200);
  await sink.waitFor(2, 30_000);
  const mentor = await sessionFor(app, pair.mentor.id);
  const mentee = await sessionFor(app, pair.mentee.id);
  return { app, sink, hr, pair, mentor, mentee };
}

/** A weekday morning `days` ahead, in UTC. */
function ahead(days: number, hour: number): string {
  const time = new Date(Date.now() + days * DAY);
  time.setUTCHours(hour, 0, 0, 0);
  return time.toISOString();
}

t.test(
  'a pair never free together finds a time together, and the pick is the meeting',
  async (t) => {
    const { app, sink, hr, pair, mentor, mentee } = await published(t);
    const pairUrl = `/api/pairs/${pair.match.id}/find-a-time`;

    t.equal(await app.orm.em.fork().count(Meeting, { match: pair.match.id }), 0, 'no meeting');
    t.same(
      sink.messages
        .map((mail) => [mail.envelope.to[0], mail.subject, Boolean(mail.calendar)])
        .sort(),
      [
        ['mentee@agency.example', `Find a time together: ${FIRST}`, false],
        ['mentor@agency.example', `Finden Sie gemeinsam einen Termin: ${FIRST}`, false],
      ],
      'both are asked, each in their language, without a calendar event',
    );
    await planNextMeeting(app.meetingDependencies(), pair.match.id);
    const notices = await app.orm.em
      .fork()
      .find(Notification, { kind: 'notice' }, { populate: ['recipient'] });
    t.same(
      notices.map((notice) => notice.recipient.id).sort(),
      [pair.mentor.id, pair.mentee.id].sort(),
      'planning again asks nobody twice',
    );
    t.match(notices[0], { link: pairPage(pair.match.id) }, 'the notice leads to the pair’s page');

    const review = async (page = '') =>
      (
        await app.inject({
          url: `/api/admin/programmes/${pair.programme.id}/review${page}`,
          cookies: hr.cookies,
        })
      ).json();
    const searching = {
      id: pair.match.id,
      attention: [{ reason: 'no-common-time', weeks: 6, since: String }],
    };
    t.match((await review()).matches, [searching]);
    const later = await review('?offset=1');
    t.same(later.matches, [], 'a page past the pair holds no match');
    t.match(later.searching, [searching], 'the searching pair is listed on every page');

    const past = await app.inject({
      method: 'PUT',
      url: `${pairUrl}/proposals`,
      cookies: mentor.cookies,
      payload: { starts: [new Date(Date.now() - DAY).toISOString()] },
    });
    t.equal(past.statusCode, 400, 'a time in the past is refused');
    const beyond = await app.inject({
      method: 'PUT',
      url: `${pairUrl}/proposals`,
      cookies: mentor.cookies,
      payload: { starts: [ahead(400, 9)] },
    });
    t.equal(beyond.statusCode, 400, 'a time after the programme ends is refused');

    const times = [ahead(3, 9), ahead(4, 14)];
    const replaced = await app.inject({
      method: 'PUT',
      url: `${pairUrl}/proposals`,
      cookies: mentor.cookies,
      payload: { starts: [ahead(5, 9)] },
    });
    const proposed = await app.inject({
      method: 'PUT',
      url: `${pairUrl}/proposals`,
      cookies: mentor.cookies,
      payload: { starts: times },
    });
    t.equal(proposed.statusCode, 200);
    t.same(
      proposed.json().mine.map((p: { startsAt: string }) => p.startsAt),
      times,
      'the new proposals replace the earlier one',
    );
    await sink.waitFor(4, 30_000);
    const told = sink.messages.slice(2);
    t.same(
      told.map((mail) => [mail.envelope.to[0], mail.subject]),
      [
        ['mentee@agency.example', `Mentorin proposed times: ${FIRST}`],
        ['mentee@agency.example', `Mentorin proposed times: ${FIRST}`],
      ],
      'the partner is told each new set of times, in their language',
    );
    t.equal(told[1]?.text.match(/^- /gm)?.length, 2, 'the message lists both times');
    const again = await app.inject({
      method: 'PUT',
      url: `${pairUrl}/proposals`,
      cookies: mentor.cookies,
      payload: { starts: times },
    });
    t.equal(again.statusCode, 200);
    t.equal(
      await app.orm.em.fork().count(Notification, { kind: 'notice', recipient: pair.mentee.id }),
      3,
      'the same times sent again tell nobody twice',
    );

    const seen = (await app.inject({ url: pairUrl, cookies: mentee.cookies })).json();
    t.match(seen, {
      sessionTitle: FIRST,
      mine: [],
      partners: [{ name: 'Mentorin', proposals: times.map((startsAt) => ({ startsAt })) }],
    });
    const gone = await app.inject({
      method: 'POST',
      url: `${pairUrl}/proposals/${replaced.json().mine[0].id}/pick`,
      cookies: mentee.cookies,
    });
    t.equal(gone.statusCode, 404, 'a replaced proposal can no longer be picked');
    const own = await app.inject({
      method: 'POST',
      url: `${pairUrl}/proposals/${proposed.json().mine[0].id}/pick`,
      cookies: mentor.cookies,
    });
    t.equal(own.statusCode, 404, 'nobody picks their own proposal');

    const picked = await app.inject({
      method: 'POST',
      url: `${pairUrl}/proposals/${seen.partners[0].proposals[1].id}/pick`,
      cookies: mentee.cookies,
    });
    t.equal(picked.statusCode, 200);
    t.match(picked.json(), {
      startsAt: times[1],
      title: FIRST,
      myResponse: 'accepted',
      partners: [{ name: 'Mentorin', response: 'accepted' }],
    });

    await sink.waitFor(6, 30_000);
    const invitations = sink.messages.slice(4).map(receivedInvitation);
    t.same(
      invitations.map((invitation) => invitation.to).sort(),
      ['mentee@agency.example', 'mentor@agency.example'],
      'both get the invitation',
    );
    for (const invitation of invitations)
      t.match(invitation, { method: 'REQUEST', start: new Date(times[1] ?? '') });
    t.same((await review()).matches[0].attention, [], 'the pair leaves the admin list');
    t.same((await review()).searching, [], 'and the list of searching pairs');
    t.equal((await app.inject({ url: pairUrl, cookies: mentee.cookies })).json(), null);
  },
);

t.test('two picks at once make one meeting', async (t) => {
  const { app, pair, mentor, mentee } = await published(t);
  const pairUrl = `/api/pairs/${pair.match.id}/find-a-time`;
  const proposed = await app.inject({
    method: 'PUT',
    url: `${pairUrl}/proposals`,
    cookies: mentor.cookies,
    payload: { starts: [ahead(3, 9), ahead(4, 9)] },
  });
  const [first, second] = proposed.json().mine;
  const picks = await Promise.all(
    [first, second].map((proposal) =>
      app.inject({
        method: 'POST',
        url: `${pairUrl}/proposals/${proposal.id}/pick`,
        cookies: mentee.cookies,
      }),
    ),
  );
  t.same(picks.map((pick) => pick.statusCode).sort(), [200, 404], 'one pick wins');
  t.equal(await app.orm.em.fork().count(Meeting, { match: pair.match.id }), 1, 'one meeting');
  const late = await app.inject({
    method: 'PUT',
    url: `${pairUrl}/proposals`,
    cookies: mentor.cookies,
    payload: { starts: [ahead(6, 9)] },
  });
  t.equal(late.statusCode, 404, 'the search is over');
});

/** Resolves once `count` connections of the test's database wait for a row lock. */
async function waitingForLocks(app: FastifyInstance, count: number): Promise<void> {
  const query =
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'";
  for (;;) {
    const [row] = await app.orm.em.getConnection().execute<{ n: number }[]>(query);
    if ((row?.n ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

t.test('a pick and the planner at once make one meeting', async (t) => {
  const { app, pair, mentor, mentee } = await published(t);
  const pairUrl = `/api/pairs/${pair.match.id}/find-a-time`;
  const proposed = await app.inject({
    method: 'PUT',
    url: `${pairUrl}/proposals`,
    cookies: mentor.cookies,
    payload: { starts: [ahead(3, 9)] },
  });
  // Free together now, so the planner finds a time of its own while the pick makes its meeting.
  await app.orm.em
    .fork()
    .getConnection()
    .execute(
      `update enrolment set profile = '{"availability":[{"weekday":1,"from":"08:00","to":"09:00"}]}' where programme_id = ?`,
      [pair.programme.id],
    );
  const open = await app.orm.em.fork().findOneOrFail(SchedulingRequest, { match: pair.match.id });
  // The search is held, so that both wait for it: the pick first, then the planner, which has
  // read the pair's meetings (none) by then. Released, the pick goes first.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const holder = app.orm.em.fork().transactional(async (tx) => {
    await lockRows(tx, SchedulingRequest, [open.id]);
    await held;
  });
  const pick = app.inject({
    method: 'POST',
    url: `${pairUrl}/proposals/${proposed.json().mine[0].id}/pick`,
    cookies: mentee.cookies,
  });
  await waitingForLocks(app, 1);
  const planned = planNextMeeting(app.meetingDependencies(), pair.match.id);
  await waitingForLocks(app, 2);
  release();
  await holder;
  t.equal((await pick).statusCode, 200, 'the pick makes the meeting');
  await planned;
  t.equal(await app.orm.em.fork().count(Meeting, { match: pair.match.id }), 1, 'one meeting');
  const request = await app.orm.em.fork().findOneOrFail(SchedulingRequest, { id: open.id });
  t.equal(request.state, 'settled', 'the search is settled');
});

t.test('a member withdraws their times', async (t) => {
  const { app, pair, mentor, mentee } = await published(t);
  const pairUrl = `/api/pairs/${pair.match.id}/find-a-time`;
  const put = (starts: string[]) =>
    app.inject({
      method: 'PUT',
      url: `${pairUrl}/proposals`,
      cookies: mentor.cookies,
      payload: { starts },
    });
  const [proposal] = (await put([ahead(3, 9)])).json().mine;
  const withdrawn = await put([]);
  t.same(withdrawn.json().mine, [], 'none left');
  const seen = (await app.inject({ url: pairUrl, cookies: mentee.cookies })).json();
  t.same(seen.partners[0].proposals, [], 'the partner sees none');
  const pick = await app.inject({
    method: 'POST',
    url: `${pairUrl}/proposals/${proposal.id}/pick`,
    cookies: mentee.cookies,
  });
  t.equal(pick.statusCode, 404, 'a withdrawn time cannot be picked');
  const outsider = await signedInAs(app, { subject: 'outsider', name: 'Olga Outsider' });
  const peek = await app.inject({ url: pairUrl, cookies: outsider.cookies });
  t.equal(peek.statusCode, 404, 'someone outside the pair does not see it');
});

t.test('skipping the session looked for moves the search on to the next one', async (t) => {
  const { app, sink, pair, mentor, mentee } = await published(t);
  const pairUrl = `/api/pairs/${pair.match.id}/find-a-time`;
  const search = (await app.inject({ url: pairUrl, cookies: mentee.cookies })).json();
  const plan = (
    await app.inject({ url: `/api/pairs/${pair.match.id}`, cookies: mentor.cookies })
  ).json().sessions as { id: string; title: string }[];
  const [first, second] = plan;
  t.equal(search.sessionTitle, first?.title, 'the search is for the first session');
  const skipped = await app.inject({
    method: 'PATCH',
    url: `/api/pairs/${pair.match.id}/sessions/${first?.id}`,
    cookies: mentor.cookies,
    payload: { status: 'skipped' },
  });
  t.equal(skipped.statusCode, 200);
  await sink.waitFor(4, 30_000);
  const moved = (await app.inject({ url: pairUrl, cookies: mentee.cookies })).json();
  t.equal(moved.sessionTitle, second?.title, 'the pair now looks for a time for the next one');
  t.same(
    sink.messages
      .slice(2)
      .map((mail) => mail.subject.replace(/:.*/, ''))
      .sort(),
    ['Find a time together', 'Finden Sie gemeinsam einen Termin'],
    'both are asked again, for the next session',
  );
});

t.test('skipping the last session left closes the search', async (t) => {
  const { app, hr, pair, mentor, mentee } = await published(t);
  const pairUrl = `/api/pairs/${pair.match.id}/find-a-time`;
  const search = (await app.inject({ url: pairUrl, cookies: mentee.cookies })).json();
  const plan = (
    await app.inject({ url: `/api/pairs/${pair.match.id}`, cookies: mentor.cookies })
  ).json().sessions as { id: string; title: string }[];
  const [first, ...later] = plan;
  t.equal(search.sessionTitle, first?.title, 'the search is for the first session');
  for (const session of later.reverse()) {
    const skipped = await app.inject({
      method: 'PATCH',
      url: `/api/pairs/${pair.match.id}/sessions/${session.id}`,
      cookies: mentor.cookies,
      payload: { status: 'skipped' },
    });
    t.equal(skipped.statusCode, 200, `${session.title} skipped`);
  }
  const skipped = await app.inject({
    method: 'PATCH',
    url: `/api/pairs/${pair.match.id}/sessions/${first?.id}`,
    cookies: mentor.cookies,
    payload: { status: 'skipped' },
  });
  t.equal(skipped.statusCode, 200);
  // The planner runs on the worker after the skip.
  const state = async () =>
    (await app.orm.em.fork().findOneOrFail(SchedulingRequest, { id: search.id })).state;
  let closed = await state();
  for (const deadline = Date.now() + 30_000; closed === 'open' && Date.now() < deadline; )
    closed = await new Promise((resolve) => setTimeout(resolve, 100)).then(state);
  t.equal(closed, 'expired', 'the search is over');
  t.equal((await app.inject({ url: pairUrl, cookies: mentee.cookies })).json(), null);
  const review = await app.inject({
    url: `/api/admin/programmes/${pair.programme.id}/review`,
    cookies: hr.cookies,
  });
  t.same(review.json().matches[0].attention, [], 'the pair leaves the admin list');
});
