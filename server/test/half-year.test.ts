import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import type { MeetingView } from '../src/modules/meetings/meeting-schemas.js';
import { SchedulingRequest } from '../src/modules/meetings/scheduling-request.js';
import { PairSession } from '../src/modules/pairs/pair-session.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase } from './helpers/database.js';
import { FROM, proposedPairs } from './helpers/proposed-pairs.js';
import { receivedInvitation } from './helpers/received-invitation.js';
import { seasonClock, startSeason } from './helpers/season.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const PAIRS = 20;
const SESSIONS = 12;
const WEEK_MS = 7 * 86_400_000;
const SEASON_WEEKS = 30;
/** The pair whose partners are never free at the same time. */
const APART = PAIRS - 1;
/** The pair whose mentee declines its third meeting, and the one that skips its sixth session. */
const DECLINES = 0;
const SKIPS = 1;

t.setTimeout(300_000);

t.test('a half-year: 20 pairs hold, skip or replan every one of their 12 sessions', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const env = {
    PUBLIC_URL: 'https://tandem.agency.example',
    HOLIDAY_REGION: 'DE-BY',
    TANDEM_PLUGIN_EMAIL_HOST: sink.host,
    TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
    TANDEM_PLUGIN_EMAIL_FROM: FROM,
  };
  const databaseUrl = await createTestDatabase(t);
  const clock = seasonClock(new Date());
  const app = await buildTestApp(t, { databaseUrl, env, now: clock.now });
  const season = startSeason(t, app, clock, env, databaseUrl);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme, people } = await proposedPairs(app, PAIRS);
  const em = app.orm.em.fork();
  await em.nativeUpdate(
    Programme,
    { id: programme.id },
    {
      curriculum: 'half-year',
      settings: { ...programme.settings, cadenceWeeks: 2, durationWeeks: 26 },
    },
  );
  const apart = people.filter((person) => person.pair === APART);
  const apartMentee = apart.find((person) => person.role === 'mentee');
  await em.nativeUpdate(
    Enrolment,
    { user: apartMentee?.user.id, programme: programme.id },
    { profile: { availability: [{ weekday: 3, from: '07:00', to: '08:00' }] } },
  );
  const published = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  t.equal(published.statusCode, 200, 'the admin publishes the 20 pairs');

  const cookies = new Map<string, Record<string, string>>();
  for (const person of people)
    cookies.set(person.user.id, (await sessionFor(app, person.user.id)).cookies);
  const as = (userId: string) => cookies.get(userId) ?? {};
  const pairOf = (pair: number) => people.filter((person) => person.pair === pair);
  const declined = new Set<string>();
  let skipped = false;
  const quietPairs: string[] = [];

  for (let week = 0; week < SEASON_WEEKS; week++) {
    await season.runUntil(new Date(clock.now().getTime() + WEEK_MS));
    if (!skipped) {
      skipped = await skipSixth(pairOf(SKIPS)[1]?.user.id ?? '', pairOf(SKIPS)[0]?.match.id ?? '');
    }
    for (const person of people) {
      if (person.pair === APART) continue;
      const meetings: MeetingView[] = (
        await app.inject({ url: '/api/meetings', cookies: as(person.user.id) })
      ).json();
      for (const meeting of meetings) {
        if (meeting.state !== 'planned' || meeting.myResponse !== 'pending') continue;
        if (new Date(meeting.startsAt) <= clock.now()) continue;
        const decline =
          person.pair === DECLINES &&
          person.role === 'mentee' &&
          meeting.title === (await titleOf(person.match.id, 2)) &&
          !declined.has(meeting.id);
        if (decline) declined.add(meeting.id);
        const answer = await app.inject({
          method: 'POST',
          url: `/api/meetings/${meeting.id}/rsvp`,
          cookies: as(person.user.id),
          payload: decline
            ? { response: 'declined' }
            : { response: 'accepted', sequence: meeting.sequence },
        });
        t.equal(answer.statusCode, 200, `${person.user.name} answers "${meeting.title}"`);
      }
    }
    await findATimeTogether();
    quietPairs.push(...(await pairsWithoutNext(week)));
  }

  t.same(quietPairs, [], 'no pair was ever left without a next meeting or an open search');
  const matches = await em.find(Match, { programme: programme.id }, { refresh: true });
  t.equal(matches.length, PAIRS);
  let held = 0;
  let skippedSessions = 0;
  for (const match of matches) {
    const sessions = await em.find(PairSession, { match }, { refresh: true });
    t.equal(sessions.length, SESSIONS, 'each pair has the twelve sessions of the half-year');
    const meetings = await em.find(Meeting, { match }, { refresh: true });
    for (const session of sessions) {
      const heldOne = meetings.filter((m) => m.session?.id === session.id && m.state === 'held');
      if (session.status === 'skipped') skippedSessions++;
      else if (heldOne.length === 1) held++;
      else t.fail(`session "${session.title}" of pair ${match.id} ended ${session.status}`);
    }
    t.notOk(
      meetings.some((m) => m.state === 'planned'),
      'nothing is left planned after the half-year',
    );
  }
  t.equal(held, PAIRS * SESSIONS - 1, 'every session was held but one');
  t.equal(skippedSessions, 1, 'the one the pair skipped');

  const apartMatch = apart[0]?.match.id ?? '';
  const searches = await em.find(SchedulingRequest, { match: apartMatch }, { refresh: true });
  t.equal(
    searches.filter((request) => request.state === 'settled').length,
    SESSIONS,
    'the pair that is never free together found every one of its times together',
  );

  const keys = sink.messages.map((mail) => {
    const calendar = mail.calendar ? receivedInvitation(mail) : undefined;
    return [
      mail.envelope.to.join(),
      mail.subject,
      calendar?.method,
      calendar?.uid,
      calendar?.sequence,
    ].join('|');
  });
  const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
  t.same(repeated, [], 'nobody got any message twice');
  const invitations = sink.messages.filter(
    (mail) =>
      mail.calendar &&
      receivedInvitation(mail).method === 'REQUEST' &&
      receivedInvitation(mail).sequence === 0,
  );
  t.equal(
    invitations.length,
    2 * (PAIRS * SESSIONS - 1),
    'both members invited to every meeting once',
  );
  const moved = sink.messages.filter(
    (mail) => mail.calendar && receivedInvitation(mail).sequence > 0,
  );
  t.equal(moved.length, 2, 'the declined meeting was moved, and both got the new time');

  async function titleOf(matchId: string, position: number): Promise<string | undefined> {
    return (await em.findOne(PairSession, { match: matchId, position }))?.title;
  }

  async function skipSixth(userId: string, matchId: string): Promise<boolean> {
    const session = await em.findOne(PairSession, { match: matchId, position: 5 });
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/pairs/${matchId}/sessions/${session?.id}`,
      cookies: as(userId),
      payload: { status: 'skipped' },
    });
    t.equal(response.statusCode, 200, 'the pair skips its sixth session');
    return true;
  }

  /** The pair never free together: the mentor proposes a time three days on, the mentee picks it. */
  async function findATimeTogether(): Promise<void> {
    const [mentor, mentee] = apart;
    if (!mentor || !mentee) return;
    const url = `/api/pairs/${mentor.match.id}/find-a-time`;
    const open = (await app.inject({ url, cookies: as(mentor.user.id) })).json();
    if (!open) return;
    const start = new Date(clock.now().getTime() + 3 * 86_400_000);
    start.setUTCHours(10, 0, 0, 0);
    const proposed = await app.inject({
      method: 'PUT',
      url: `${url}/proposals`,
      cookies: as(mentor.user.id),
      payload: { starts: [start.toISOString()] },
    });
    t.equal(proposed.statusCode, 200, 'the mentor proposes a time');
    const proposal = proposed.json().mine[0];
    const picked = await app.inject({
      method: 'POST',
      url: `${url}/proposals/${proposal.id}/pick`,
      cookies: as(mentee.user.id),
    });
    t.equal(picked.statusCode, 200, 'the mentee picks it');
  }

  /** Pairs with sessions still to hold but neither a meeting ahead nor an open search. */
  async function pairsWithoutNext(week: number): Promise<string[]> {
    const quiet: string[] = [];
    const fork = app.orm.em.fork();
    for (const match of await fork.find(Match, { programme: programme.id, state: 'published' })) {
      const toHold = await fork.count(PairSession, {
        match,
        status: 'planned',
        $not: {
          id: {
            $in: (await fork.find(Meeting, { match, state: 'held' })).flatMap((m) =>
              m.session ? [m.session.id] : [],
            ),
          },
        },
      });
      if (toHold === 0) continue;
      const ahead = await fork.count(Meeting, { match, state: 'planned' });
      const searching = await fork.count(SchedulingRequest, { match, state: 'open' });
      if (ahead + searching === 0) quiet.push(`pair ${match.id} in week ${week}`);
    }
    return quiet;
  }
});
