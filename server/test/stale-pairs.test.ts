import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { FLAG_STALE_PAIRS } from '../src/jobs/flag-stale-pairs.js';
import { Match } from '../src/modules/matching/match.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { followUpMeeting } from '../src/modules/meetings/meeting-follow-up.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { runningPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

/** A running programme's published pair, last active `weeksAgo` weeks ago. */
async function quietPair(
  app: FastifyInstance,
  databaseUrl: string,
  weeksAgo: number,
  settings = {},
) {
  const lena = await signedInAs(app, { subject: `lena-${weeksAgo}`, name: 'Lena' });
  const klaus = await signedInAs(app, { subject: `klaus-${weeksAgo}`, name: 'Klaus' });
  const { pairId, programmeId } = await runningPair(app, {
    name: `Runde ${weeksAgo}`,
    mentorId: lena.userId,
    menteeId: klaus.userId,
    settings,
  });
  await sql(
    databaseUrl,
    `UPDATE match SET published_at = now() - make_interval(weeks => $2), active_at = NULL WHERE id = $1`,
    [pairId, weeksAgo],
  );
  return { pairId, programmeId, cookies: lena.cookies };
}

async function runCheck(app: FastifyInstance, databaseUrl: string) {
  await app.worker?.addJob(FLAG_STALE_PAIRS, {});
  for (let i = 0; i < 100; i++) {
    const [pending] = await sql<{ n: number }>(
      databaseUrl,
      `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = $1`,
      [FLAG_STALE_PAIRS],
    );
    if (pending?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

t.test('a pair that has not met for weeks is flagged, and a sign of life clears it', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
  const quiet = await quietPair(app, databaseUrl, 7);
  const recent = await quietPair(app, databaseUrl, 2);
  const patient = await quietPair(app, databaseUrl, 8, { staleAfterWeeks: 10 });
  await runCheck(app, databaseUrl);

  const pair = (p: { pairId: string; cookies: Record<string, string> }) =>
    app.inject({ url: `/api/pairs/${p.pairId}`, cookies: p.cookies }).then((r) => r.json());
  t.match((await pair(quiet)).staleSince, /^\d{4}-/, 'seven weeks without a session: flagged');
  t.equal((await pair(recent)).staleSince, null, 'two weeks: not yet');
  t.equal((await pair(patient)).staleSince, null, 'the programme allows ten weeks');

  const continued = await app.inject({
    method: 'POST',
    url: `/api/pairs/${quiet.pairId}/continue`,
    cookies: quiet.cookies,
  });
  t.equal(continued.json().staleSince, null, '"we go on" clears the flag');
  await runCheck(app, databaseUrl);
  t.equal((await pair(quiet)).staleSince, null, 'and the next check leaves it alone');

  await sql(databaseUrl, `UPDATE match SET active_at = now() - interval '9 weeks' WHERE id = $1`, [
    quiet.pairId,
  ]);
  await runCheck(app, databaseUrl);
  const flagged = await pair(quiet);
  t.ok(flagged.staleSince, 'quiet again: flagged again');
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const review = await app.inject({
    url: `/api/admin/programmes/${quiet.programmeId}/review`,
    cookies: hr.cookies,
  });
  const [match] = review.json().matches;
  t.same(
    match.attention,
    [{ reason: 'stale', since: flagged.staleSince, weeks: 6 }],
    'the admin sees why the pair needs attention',
  );
  t.notOk('staleSince' in match, 'there only, not twice');
  const [first] = flagged.sessions;
  const done = await app.inject({
    method: 'PATCH',
    url: `/api/pairs/${quiet.pairId}/sessions/${first.id}`,
    cookies: quiet.cookies,
    payload: { status: 'done' },
  });
  t.equal(done.json().staleSince, null, 'a session marked done is a sign of life too');
});

t.test('a pair that meets at the invitations is not asked whether it still meets', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { WORKER_IN_PROCESS: 'true' } });
  const met = await quietPair(app, databaseUrl, 8);
  const unanswered = await quietPair(app, databaseUrl, 9);
  const em = app.orm.em.fork();
  const meetingOf = async (pairId: string, accepted: boolean) => {
    const match = await em.findOneOrFail(Match, pairId, { populate: ['members.enrolment'] });
    const members = match.members.getItems().map((member) => member.enrolment.user.id);
    const startsAt = new Date(Date.now() - 8 * 86_400_000);
    return em.create(Meeting, {
      match,
      title: 'Erstes Treffen',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      responses: Object.fromEntries(members.map((id) => [id, accepted ? 'accepted' : 'pending'])),
    });
  };
  const meetings = [await meetingOf(met.pairId, true), await meetingOf(unanswered.pairId, false)];
  await em.flush();
  for (const meeting of meetings) await followUpMeeting(app.meetingDependencies(), meeting.id);
  await runCheck(app, databaseUrl);

  const pair = (p: { pairId: string; cookies: Record<string, string> }) =>
    app.inject({ url: `/api/pairs/${p.pairId}`, cookies: p.cookies }).then((r) => r.json());
  t.equal(
    (await pair(met)).staleSince,
    null,
    'a meeting both accepted, held last week, is a sign of life though no session is marked done',
  );
  t.match(
    (await pair(unanswered)).staleSince,
    /^\d{4}-/,
    'a meeting nobody accepted is not: that pair is asked',
  );
});
