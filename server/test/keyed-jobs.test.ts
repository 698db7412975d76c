import t from 'tap';
import { setKeyedJobs } from '../src/jobs/enqueue-job.js';
import { buildTestApp } from './helpers/build-test-app.js';

interface JobRow {
  task: string;
  payload: unknown;
  run_at: Date;
  max_attempts: number;
}

t.test('keyed jobs are queued, moved and removed in one go, each by its key', async (t) => {
  const app = await buildTestApp(t);
  const em = app.orm.em.fork();
  const job = async (key: string) => {
    const rows = await em.execute<JobRow[]>(
      `SELECT t.identifier AS task, j.payload, j.run_at, j.max_attempts
         FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
        WHERE j.key = ?`,
      [key],
    );
    return rows.map((row) => ({ ...row, run_at: new Date(row.run_at).toISOString() }));
  };
  const soon = new Date('2099-03-02T08:00:00.250Z');
  const later = new Date('2099-03-09T08:00:00.500Z');

  await setKeyedJobs(em, [
    { task: 'meeting-reminder', payload: { meetingId: 'm1' }, jobKey: 'reminder:m1', runAt: soon },
    { task: 'meeting-nudge', payload: { meetingId: 'm1' }, jobKey: 'nudge:m1', runAt: later },
    { task: 'meeting-nudge', payload: { meetingId: 'm2' }, jobKey: 'nudge:m2', runAt: undefined },
  ]);
  t.same(await job('reminder:m1'), [
    {
      task: 'meeting-reminder',
      payload: { meetingId: 'm1' },
      run_at: soon.toISOString(),
      max_attempts: 25,
    },
  ]);
  t.same(await job('nudge:m1'), [
    {
      task: 'meeting-nudge',
      payload: { meetingId: 'm1' },
      run_at: later.toISOString(),
      max_attempts: 25,
    },
  ]);
  t.same(await job('nudge:m2'), [], 'removing a key with no job is nothing');

  await setKeyedJobs(em, [
    { task: 'meeting-reminder', payload: { meetingId: 'm1' }, jobKey: 'reminder:m1', runAt: later },
    { task: 'meeting-nudge', payload: { meetingId: 'm1' }, jobKey: 'nudge:m1', runAt: undefined },
  ]);
  t.same(
    (await job('reminder:m1')).map((row) => row.run_at),
    [later.toISOString()],
    'a job queued again under its key moves, never doubles',
  );
  t.same(await job('nudge:m1'), [], 'a job without a time is removed');
});
