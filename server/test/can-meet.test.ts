import { canMeetWeekly } from '@tandem/plugin-sdk';
import t from 'tap';
import { seedDemo } from '../src/demo/seed-demo.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import type { HolidayCalendar } from '../src/modules/meetings/holiday-calendar.js';
import { type AvailabilityWindow, findSlot } from '../src/modules/meetings/slot-finder.js';
import { organisationSettings } from '../src/modules/organisation/organisation-settings.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { programmeSettings } from '../src/modules/programmes/programme-service.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { sessionFor } from './helpers/sessions.js';

type Review = {
  matches: { state: string; members: { enrolmentId: string }[]; criteria: { why: string }[] }[];
  unmatched: { enrolmentId: string; reason: string }[];
};

t.test('every pair the demo proposes can get its first meeting planned', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  await seedDemo(app.orm.em.fork());
  const em = app.orm.em.fork();
  const programme = await em.findOneOrFail(Programme, {
    kind: 'reverse-mentoring',
    state: 'enrolment',
  });
  const admin = await sessionFor(app, (await em.findOneOrFail(User, { subject: 'demo-02' })).id);
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: admin.cookies, ...(payload ? { payload } : {}) });
  await call('POST', `/api/admin/programmes/${programme.id}/transitions`, { to: 'matching' });
  const { id: runId } = (
    await call('POST', `/api/admin/programmes/${programme.id}/matching-runs`)
  ).json();
  let state = 'queued';
  for (let i = 0; i < 200 && (state === 'queued' || state === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    state = (await call('GET', `/api/admin/matching-runs/${runId}`)).json().state;
  }
  t.equal(state, 'succeeded');
  const review = (
    await call('GET', `/api/admin/programmes/${programme.id}/review`)
  ).json() as Review;

  const windows = new Map(
    (await em.find(Enrolment, { programme })).map((e) => [
      e.id,
      (e.profile.availability ?? []) as AvailabilityWindow[],
    ]),
  );
  const { timeZone } = await organisationSettings(em);
  const { sessionMinutes } = programmeSettings(programme);
  const proposed = review.matches.filter((m) => m.state === 'proposed');
  t.ok(proposed.length > 0, 'the demo has pairs to publish');
  const withoutSlot = proposed.filter(({ members }) => {
    const [first, ...others] = members.map((m) => windows.get(m.enrolmentId) ?? []);
    return !findSlot({
      windows: [first ?? [], ...others],
      timeZone,
      holidays: app.meetingDependencies().holidays,
      busy: [],
      notBefore: new Date(Date.now() + 24 * 3_600_000),
      durationMinutes: sessionMinutes,
    });
  });
  t.equal(withoutSlot.length, 0, 'the planner finds a first meeting for every proposed pair');
  t.notOk(
    proposed.some((m) => m.criteria.some((c) => /share no weekly time/.test(c.why))),
    'no proposed pair is explained as sharing no weekly time',
  );
});

const NO_HOLIDAYS: HolidayCalendar = { region: 'none', holidayOn: () => undefined };

/** A small repeatable generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % below;
  };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

t.test('matching and the planner agree on who can meet', async (t) => {
  const next = random(7);
  // Mostly weekdays, any minute, from a few minutes to four hours; no windows at all now and
  // then, which both read as working hours.
  const person = (): AvailabilityWindow[] =>
    Array.from({ length: next(5) }, () => {
      const from = 8 * 60 + next(8 * 60);
      const to = Math.min(from + 5 + next(240), 23 * 60 + 59);
      return { weekday: 1 + next(6), from: clock(from), to: clock(to) };
    });
  let disagreements = 0;
  let plannable = 0;
  for (let round = 0; round < 400; round++) {
    const people = [person(), person()];
    const minutes = [30, 45, 60, 90][next(4)] ?? 60;
    const planned = findSlot({
      windows: [people[0] ?? [], people[1] ?? []],
      timeZone: 'Europe/Berlin',
      holidays: NO_HOLIDAYS,
      busy: [],
      notBefore: new Date('2026-06-01T06:00:00Z'),
      durationMinutes: minutes,
    });
    if (canMeetWeekly(people, minutes) !== (planned !== undefined)) disagreements += 1;
    if (planned) plannable += 1;
  }
  t.equal(disagreements, 0);
  t.ok(plannable > 40 && plannable < 360, `both answers occur (${plannable} of 400 plannable)`);
});
