import { type SmtpSink, startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { Programme } from '../src/modules/programmes/programme.js';
import type { ProgrammeSettingsChange } from '../src/modules/programmes/programme-settings.js';
import { User } from '../src/modules/users/user.js';
import { mailTestApp, proposedPairs } from './helpers/proposed-pairs.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The worker's clock moved on to `at`: every job due by then is made due now, and the
 * in-process worker runs it and the deliveries it queues. Jobs due later stay where they are.
 */
async function advanceTo(app: FastifyInstance, at: Date): Promise<void> {
  await app.orm.em.execute(
    'UPDATE graphile_worker._private_jobs SET run_at = now() WHERE run_at <= ?',
    [at],
  );
  await settled(app);
}

/** Waits until no job is due any more (the worker polls every two seconds). */
async function settled(app: FastifyInstance): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [row] = await app.orm.em.execute<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE run_at <= now()',
    );
    if (row?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('jobs still due after 20 seconds');
}

/** When the meeting's job of this task is queued to run, or undefined when none is. */
async function jobTime(app: FastifyInstance, task: string, meetingId: string) {
  const [row] = await app.orm.em.execute<{ run_at: Date }[]>(
    'SELECT run_at FROM graphile_worker.jobs WHERE key = ?',
    [`${task}:${meetingId}`],
  );
  return row && new Date(row.run_at);
}

/** Queues the meeting's job of this task again, as a worker would that ran it twice. */
async function runAgain(app: FastifyInstance, task: string, meetingId: string): Promise<void> {
  await app.orm.em.execute('SELECT graphile_worker.add_job(?, ?::json)', [
    task,
    JSON.stringify({ meetingId }),
  ]);
  await settled(app);
}

/**
 * One published pair with its first meeting planned and both invitations received: a German
 * mentor and an English mentee, in a programme with these settings on top of the defaults.
 */
async function publishedPair(t: Test, settings: ProgrammeSettingsChange = {}) {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const app = await mailTestApp(t, sink);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme, people } = await proposedPairs(app, 1);
  const [mentor, mentee] = people;
  if (!mentor || !mentee) throw new Error('no pair');
  const em = app.orm.em.fork();
  const stored = await em.findOneOrFail(Programme, programme.id);
  stored.settings = { ...stored.settings, ...settings };
  await em.nativeUpdate(User, { id: mentee.user.id }, { locale: 'en' });
  await em.flush();
  const publish = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  t.equal(publish.statusCode, 200);
  await sink.waitFor(2, 30_000);
  const pairId = mentor.match.id;
  return {
    app,
    sink,
    pairId,
    mentor: { email: mentor.user.email, session: await sessionFor(app, mentor.user.id) },
    mentee: { email: mentee.user.email, session: await sessionFor(app, mentee.user.id) },
    meetings: () =>
      app.orm.em.fork().find(Meeting, { match: pairId }, { orderBy: { startsAt: 'asc' } }),
  };
}

async function accept(
  app: FastifyInstance,
  meetingId: string,
  members: { session: { cookies: Record<string, string> } }[],
) {
  for (const { session } of members) {
    const answer = await app.inject({
      method: 'POST',
      url: `/api/meetings/${meetingId}/rsvp`,
      cookies: session.cookies,
      payload: { response: 'accepted' },
    });
    if (answer.statusCode !== 200) throw new Error(answer.body);
  }
}

/** The messages received since `from`, as [recipient, subject]. */
function since(sink: SmtpSink, from: number): [string, string][] {
  return sink.messages.slice(from).map((m) => [m.envelope.to[0] ?? '', m.subject]);
}

t.test(
  'reminder before, feedback after, homework only for the side with open tasks, no nudge when both answered',
  async (t) => {
    const { app, sink, pairId, mentor, mentee, meetings } = await publishedPair(t);
    const [first] = await meetings();
    if (!first) throw new Error('no first meeting');
    await accept(app, first.id, [mentor, mentee]);
    const remindAt = new Date(first.startsAt.getTime() - 24 * HOUR);
    t.same(
      (await jobTime(app, 'meeting-reminder', first.id))?.toISOString(),
      remindAt.toISOString(),
      'reminder 24 hours before',
    );

    await advanceTo(app, new Date(remindAt.getTime() - 60_000));
    t.same(since(sink, 2), [], 'a minute before the reminder is due, nothing is sent');
    await advanceTo(app, remindAt);
    t.same(
      since(sink, 2).sort(),
      [
        [mentor.email, `Erinnerung: ${first.title}, ${berlin('de', first.startsAt)}`],
        [mentee.email, `Reminder: ${first.title}, ${berlin('en', first.startsAt)}`],
      ].sort(),
      'then each member gets one reminder, in their language',
    );
    await runAgain(app, 'meeting-reminder', first.id);
    t.equal(sink.messages.length, 4, 'the reminder job run twice sends nothing twice');

    await advanceTo(app, first.endsAt);
    await sink.waitFor(8, 30_000);
    const after = since(sink, 4);
    t.same(
      after.filter(([, subject]) => /^(Wie war|How was)/.test(subject)).sort(),
      [
        [mentor.email, `Wie war „${first.title}“?`],
        [mentee.email, `How was "${first.title}"?`],
      ].sort(),
      'after the meeting both are asked how it was, in their language',
    );
    await runAgain(app, 'meeting-follow-up', first.id);
    t.equal(sink.messages.length, 8, 'feedback prompt and next invitation once each');

    const second = (await meetings()).find((m) => m.id !== first.id);
    if (!second) throw new Error('no second meeting');
    t.ok(second.startsAt.getTime() >= first.startsAt.getTime() + 14 * DAY, 'at the cadence');
    await accept(app, second.id, [mentor, mentee]);
    const nudgeAt = await jobTime(app, 'meeting-nudge', second.id);
    t.ok(nudgeAt, 'a nudge is queued for the second invitation');
    await advanceTo(app, nudgeAt ?? new Date());
    t.same(since(sink, 8), [], 'both answered: nobody is nudged');

    const plan = (
      await app.inject({ url: `/api/pairs/${pairId}`, cookies: mentor.session.cookies })
    ).json();
    const kickOff = plan.sessions[0];
    const ticked = await app.inject({
      method: 'PATCH',
      url: `/api/pairs/${pairId}/sessions/${kickOff.id}/homework/0`,
      cookies: mentor.session.cookies,
      payload: { done: true },
    });
    t.equal(ticked.statusCode, 200, 'the mentor ticks off their one task of the kick-off');
    const homeworkAt = new Date(second.startsAt.getTime() - 48 * HOUR);
    t.same(
      (await jobTime(app, 'homework-reminder', second.id))?.toISOString(),
      homeworkAt.toISOString(),
      '48 hours before',
    );
    await advanceTo(app, homeworkAt);
    const homework = sink.messages.slice(8);
    t.same(
      homework.map((m) => [m.envelope.to[0], m.subject]),
      [[mentee.email, `Your homework before "${second.title}"`]],
      'only the mentee, whose kick-off homework is open, is reminded of it',
    );
    const tasks = (side: 'mentor' | 'mentee') =>
      kickOff.homework[side].map((item: { text: string }) => `- ${item.text}`).join('\n');
    t.ok(
      homework[0]?.text.startsWith('Hello Mentee 0,') &&
        homework[0].text.includes(`you still have open:\n\n${tasks('mentee')}\n\n`),
      "in their language, listing their open tasks as the pair's plan has them",
    );
    t.notOk(homework[0]?.text.includes(tasks('mentor')), "and not the mentor's");
    await runAgain(app, 'homework-reminder', second.id);
    t.equal(sink.messages.length, 9, 'the homework reminder run twice is sent once');
  },
);

t.test('an invitation nobody answered: only the one still pending is nudged, once', async (t) => {
  const { app, sink, mentor, mentee, meetings } = await publishedPair(t);
  const [first] = await meetings();
  if (!first) throw new Error('no first meeting');
  // The mentor proposes another time ten days ahead: they accept it, the mentee is asked again.
  const proposed = new Date(Date.now() + 10 * DAY);
  proposed.setUTCHours(9, 0, 0, 0);
  const moved = await app.inject({
    method: 'POST',
    url: `/api/meetings/${first.id}/rsvp`,
    cookies: mentor.session.cookies,
    payload: { response: 'declined', proposedStart: proposed.toISOString() },
  });
  t.equal(moved.statusCode, 200);
  await sink.waitFor(4, 30_000);

  const nudgeAt = await jobTime(app, 'meeting-nudge', first.id);
  const inThreeDays = Date.now() + 3 * DAY;
  t.ok(
    nudgeAt && Math.abs(nudgeAt.getTime() - inThreeDays) < 60_000,
    'the nudge is due three days after the move asked again',
  );
  await advanceTo(app, new Date((nudgeAt ?? new Date()).getTime() - 60_000));
  t.same(since(sink, 4), [], 'not before');
  await advanceTo(app, nudgeAt ?? new Date());
  t.same(
    since(sink, 4),
    [[mentee.email, `Does the time suit you? ${first.title}, ${berlin('en', proposed)}`]],
    'then only the mentee, who has not answered, is asked, in English',
  );
  await runAgain(app, 'meeting-nudge', first.id);
  t.equal(sink.messages.length, 5, 'at most once per meeting version');
});

t.test('a moved meeting is reminded of at its new time only', async (t) => {
  // No nudge: the moved meeting asks the mentor again, and only the reminder is looked at here.
  const { app, sink, mentee, meetings } = await publishedPair(t, { nudgeAfterDays: 0 });
  const [first] = await meetings();
  if (!first) throw new Error('no first meeting');
  const oldReminder = new Date(first.startsAt.getTime() - 24 * HOUR);
  const proposed = new Date(first.startsAt.getTime() + 5 * DAY);
  const moved = await app.inject({
    method: 'POST',
    url: `/api/meetings/${first.id}/rsvp`,
    cookies: mentee.session.cookies,
    payload: { response: 'declined', proposedStart: proposed.toISOString() },
  });
  t.equal(moved.statusCode, 200);
  await sink.waitFor(4, 30_000);
  const newReminder = new Date(proposed.getTime() - 24 * HOUR);
  t.same(
    (await jobTime(app, 'meeting-reminder', first.id))?.toISOString(),
    newReminder.toISOString(),
    'the reminder moved',
  );

  await advanceTo(app, oldReminder);
  t.same(since(sink, 4), [], 'nothing at the old reminder time');
  await advanceTo(app, newReminder);
  t.same(
    since(sink, 4)
      .map(([, subject]) => subject)
      .sort(),
    [
      `Erinnerung: ${first.title}, ${berlin('de', proposed)}`,
      `Reminder: ${first.title}, ${berlin('en', proposed)}`,
    ].sort(),
    'both are reminded of the new time, once',
  );
});

t.test('each switch off: no reminder, feedback prompt, nudge or homework reminder', async (t) => {
  const { app, sink, meetings } = await publishedPair(t, {
    reminderHours: 0,
    feedbackPrompt: false,
    nudgeAfterDays: 0,
    homeworkReminderHours: 0,
  });
  const [first] = await meetings();
  if (!first) throw new Error('no first meeting');
  for (const task of ['meeting-reminder', 'meeting-nudge', 'homework-reminder'])
    t.equal(await jobTime(app, task, first.id), undefined, `no ${task} queued`);
  await advanceTo(app, first.endsAt);
  await sink.waitFor(4, 30_000);
  const second = (await meetings()).find((m) => m.id !== first.id);
  if (!second) throw new Error('no second meeting');
  for (const task of ['meeting-reminder', 'meeting-nudge', 'homework-reminder'])
    t.equal(await jobTime(app, task, second.id), undefined, `none for the next meeting either`);
  await advanceTo(app, new Date(second.startsAt.getTime() - 60_000));
  const [kinds] = await app.orm.em.execute<{ kinds: string[] }[]>(
    'SELECT array_agg(DISTINCT kind) AS kinds FROM notification',
  );
  t.same(kinds?.kinds, ['invitation'], 'only the invitations went out, no feedback prompt');
  t.equal(sink.messages.length, 4, 'two invitations per meeting, nothing else');
});

/** A start as the texts write it, in the organisation's time zone. */
function berlin(locale: 'de' | 'en', at: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(at);
}
