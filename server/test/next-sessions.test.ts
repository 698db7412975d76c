import t, { type Test } from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { followUpMeeting } from '../src/modules/meetings/meeting-follow-up.js';
import { planNextMeeting } from '../src/modules/meetings/meeting-planner.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { PairSession } from '../src/modules/pairs/pair-session.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { publishPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

const CADENCE_WEEKS = 3;
const WEEK = 7 * 86_400_000;

/** A published pair whose plan has four sessions (the half-year's first four), every three weeks. */
async function pairWithFourSessions(t: Test) {
  const app = await buildTestApp(t, { env: { HOLIDAY_REGION: 'DE' } });
  const mentor = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
  const mentee = await signedInAs(app, { subject: 'brigitte', name: 'Brigitte Hahn' });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'KI im Arbeitsalltag',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'half-year',
    matchingStrategy: 'weighted',
    settings: { cadenceWeeks: CADENCE_WEEKS, sessionMinutes: 45 },
  });
  const enrolments = (['mentor', 'mentee'] as const).map((role, i) =>
    em.create(Enrolment, { programme, user: [mentor, mentee][i]?.userId ?? '', role }),
  );
  await em.flush();
  const { pairId } = await publishPair(
    app,
    programme.id,
    enrolments.map((enrolment, i) => ({
      enrolmentId: enrolment.id,
      role: i ? 'mentee' : 'mentor',
    })),
  );
  await em.nativeDelete(PairSession, { match: pairId, position: { $gte: 4 } });
  const sessions = await em.find(PairSession, { match: pairId }, { orderBy: { position: 'asc' } });
  const deps = app.meetingDependencies();
  /** The job that runs at a meeting's end, run now: its time has passed. */
  const followUp = async (meeting: Meeting) => {
    await followUpMeeting(deps, meeting.id);
    return newest();
  };
  const newest = async () =>
    app.orm.em
      .fork()
      .findOne(Meeting, { match: pairId, state: 'planned' }, { populate: ['session'] });
  const sent = async () =>
    app.orm.em.fork().find(Notification, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return { app, pairId, sessions, deps, followUp, sent, mentee };
}

function weeksBetween(a: Meeting, b: Meeting): number {
  return (b.startsAt.getTime() - a.startsAt.getTime()) / WEEK;
}

t.test(
  'after each meeting the next session is planned at the cadence, until the plan ends',
  async (t) => {
    const { app, pairId, sessions, deps, followUp, sent } = await pairWithFourSessions(t);
    const first = await planNextMeeting(deps, pairId);
    if (!first) throw new Error('no first meeting');
    const [job] = await app.orm.em.execute(
      'SELECT run_at FROM graphile_worker._private_jobs WHERE key = ?',
      [`meeting-follow-up:${first.id}`],
    );
    t.equal(
      new Date(job?.run_at).getTime(),
      first.endsAt.getTime(),
      'the follow-up runs when the meeting is over',
    );
    const meetings = [first];
    for (let k = 1; k < 4; k++) {
      const previous = meetings[k - 1] as Meeting;
      const next = await followUp(previous);
      if (!next) throw new Error(`no meeting for session ${k + 1}`);
      t.equal(next.session?.id, sessions[k]?.id, `meeting ${k + 1} is for session ${k + 1}`);
      const gap = weeksBetween(previous, next);
      t.ok(gap >= CADENCE_WEEKS && gap < CADENCE_WEEKS + 1, `${CADENCE_WEEKS} weeks on (${gap})`);
      meetings.push(next);
    }
    const before = (await sent()).length;
    t.equal(await followUp(meetings[3] as Meeting), null, 'the plan is done: no fifth meeting');
    const after = (await sent()).slice(before);
    t.same(
      after.map((notification) => notification.kind),
      ['feedback', 'feedback'],
      'only the feedback prompt for the last meeting is sent',
    );
    const invitations = (await sent()).filter((notification) => notification.kind === 'invitation');
    t.equal(invitations.length, 8, 'each member was invited to each of the four meetings once');
  },
);

t.test('a session the pair skipped is passed over', async (t) => {
  const { app, pairId, sessions, deps, followUp, mentee } = await pairWithFourSessions(t);
  const first = await planNextMeeting(deps, pairId);
  if (!first) throw new Error('no first meeting');
  const second = await followUp(first);
  const skipped = await app.inject({
    method: 'PATCH',
    url: `/api/pairs/${pairId}/sessions/${sessions[2]?.id}`,
    cookies: mentee.cookies,
    payload: { status: 'skipped' },
  });
  t.equal(skipped.statusCode, 200);
  if (!second) throw new Error('no second meeting');
  const fourth = await followUp(second);
  t.equal(fourth?.session?.id, sessions[3]?.id, 'session 4 comes after session 2');
  t.ok(fourth && weeksBetween(second, fourth) < CADENCE_WEEKS + 1, 'at the cadence');
  t.equal(fourth && (await followUp(fourth)), null, 'and then the plan is done');
});
