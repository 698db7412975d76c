import { type AddressInfo, createServer, type Socket } from 'node:net';
import t, { type Test } from 'tap';
import { busyFromEvents, freeBusyPeriods } from '../src/modules/meetings/caldav-busy.js';
import { calendarUrl } from '../src/modules/meetings/free-busy.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { planNextMeeting } from '../src/modules/meetings/meeting-planner.js';
import { answerInvitation } from '../src/modules/meetings/meeting-rsvp.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { runningPair } from './helpers/publish-pair.js';
import { type Radicale, startRadicale } from './helpers/radicale.js';
import { signedInAs } from './helpers/sessions.js';

/**
 * Planning runs on a Monday morning: the first time far enough ahead is Tuesday 2 March 2027,
 * 09:00 in Berlin (08:00 UTC), inside both people's default windows (weekdays 09:00–17:00).
 */
const NOW = new Date('2027-03-01T07:00:00Z');
const FIRST_FREE = '2027-03-02T08:00:00.000Z';
const UNREAD_NOTE = 'Ihren Kalender konnte Tandem bei der Wahl dieser Zeit nicht einsehen';

function event(uid: string, start: string, end: string, extra: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem tests//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    'SUMMARY:Board meeting (private)',
    ...extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Every Tuesday from 5 January 2027, 09:00–17:00 Berlin time: the whole working day. */
const TUESDAYS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Tandem tests//EN',
  ...BERLIN,
  'BEGIN:VEVENT',
  'UID:tuesdays@test',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20270105T090000',
  'DTEND;TZID=Europe/Berlin:20270105T170000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU',
  'SUMMARY:Team day',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/** A published pair of anna (mentor) and bob (mentee), whose calendars Tandem reads. */
async function pairReadingCalendars(t: Test, radicale: Radicale, env: Record<string, string> = {}) {
  const app = await buildTestApp(t, {
    env: {
      HOLIDAY_REGION: 'DE',
      FREEBUSY_CALDAV_URL: radicale.calendarUrl,
      FREEBUSY_CALDAV_USER: radicale.user,
      FREEBUSY_CALDAV_PASSWORD: radicale.password,
      ...env,
    },
  });
  const anna = await signedInAs(app, { subject: 'anna', name: 'Anna Berg' });
  const bob = await signedInAs(app, { subject: 'bob', name: 'Bob Lange' });
  const em = app.orm.em.fork();
  await em.nativeUpdate(User, { id: anna.userId }, { username: 'anna' });
  await em.nativeUpdate(User, { id: bob.userId }, { username: 'bob' });
  const { pairId, programmeId } = await runningPair(app, {
    name: 'Kalender',
    mentorId: anna.userId,
    menteeId: bob.userId,
  });
  const plan = async () => {
    const meeting = await planNextMeeting(app.meetingDependencies(), pairId, NOW);
    if (!meeting) throw new Error('no meeting planned');
    return meeting;
  };
  /** Takes the planned meeting back, so that the same session is planned afresh. */
  const unplan = (meeting: Meeting) =>
    app.orm.em
      .fork()
      .nativeUpdate(Meeting, { id: meeting.id }, { state: 'cancelled', session: null });
  const invitationOf = async (userId: string, meeting: Meeting) => {
    const found = await app.orm.em
      .fork()
      .findOneOrFail(Notification, { recipient: userId, meeting: meeting.id, kind: 'invitation' });
    return found.text;
  };
  /** What the admins' list of the programme's meetings says of whose calendar was unread. */
  const adminSees = async () => {
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const response = await app.inject({
      url: `/api/admin/programmes/${programmeId}/meetings`,
      cookies: hr.cookies,
    });
    return (response.json() as { calendarsUnread: string[] }[]).map((m) => m.calendarsUnread);
  };
  return { app, anna, bob, plan, unplan, invitationOf, adminSees };
}

t.test(
  'a busy time in a calendar is planned around; free and cancelled events are not',
  async (t) => {
    const radicale = await startRadicale(t);
    await radicale.seed('anna', {
      busy: event('busy@test', '20270302T080000Z', '20270302T093000Z'),
      free: event('free@test', '20270302T093000Z', '20270302T120000Z', ['TRANSP:TRANSPARENT']),
      cancelled: event('off@test', '20270302T093000Z', '20270302T120000Z', ['STATUS:CANCELLED']),
    });
    await radicale.seed('bob', {});
    const { plan, anna, invitationOf } = await pairReadingCalendars(t, radicale);
    const meeting = await plan();
    t.equal(
      meeting.startsAt.toISOString(),
      '2027-03-02T09:30:00.000Z',
      'right after the busy time',
    );
    t.same(meeting.calendarsUnread, [], 'both calendars were read');
    t.notMatch(await invitationOf(anna.userId, meeting), UNREAD_NOTE, 'nothing to apologise for');
  },
);

t.test('a recurring busy time blocks each of its days', async (t) => {
  const radicale = await startRadicale(t);
  await radicale.seed('anna', {});
  await radicale.seed('bob', { tuesdays: TUESDAYS });
  const { plan } = await pairReadingCalendars(t, radicale);
  const meeting = await plan();
  t.equal(
    meeting.startsAt.toISOString(),
    '2027-03-03T08:00:00.000Z',
    'Wednesday 09:00 Berlin: every Tuesday is taken',
  );
});

t.test(
  'a calendar that refuses the account is planned without, and the invitation says so',
  async (t) => {
    const radicale = await startRadicale(t);
    await radicale.seed('anna', {
      busy: event('busy@test', '20270302T080000Z', '20270302T093000Z'),
    });
    await radicale.seed('bob', {});
    const { plan, anna, bob, invitationOf } = await pairReadingCalendars(t, radicale, {
      FREEBUSY_CALDAV_PASSWORD: 'wrong',
    });
    const meeting = await plan();
    t.equal(meeting.startsAt.toISOString(), FIRST_FREE, 'planned from the windows, as before');
    t.same([...meeting.calendarsUnread].sort(), [anna.userId, bob.userId].sort());
    t.match(await invitationOf(anna.userId, meeting), UNREAD_NOTE, 'the invitation says so');
  },
);

t.test('a calendar server that is down is planned without, for the person concerned', async (t) => {
  const radicale = await startRadicale(t);
  await radicale.seed('anna', { busy: event('busy@test', '20270302T080000Z', '20270302T093000Z') });
  await radicale.seed('bob', {});
  await radicale.stop();
  const { plan, anna, invitationOf } = await pairReadingCalendars(t, radicale);
  const started = Date.now();
  const meeting = await plan();
  t.ok(Date.now() - started < 3000, 'no long wait for a server that is not there');
  t.equal(meeting.startsAt.toISOString(), FIRST_FREE, 'planned from the windows');
  t.match(await invitationOf(anna.userId, meeting), UNREAD_NOTE, 'the invitation says so');
});

t.test('a person without a calendar of their own is planned without it', async (t) => {
  const radicale = await startRadicale(t);
  await radicale.seed('anna', { busy: event('busy@test', '20270302T080000Z', '20270302T093000Z') });
  const { plan, anna, bob, invitationOf, adminSees } = await pairReadingCalendars(t, radicale);
  const meeting = await plan();
  t.equal(meeting.startsAt.toISOString(), '2027-03-02T09:30:00.000Z', "anna's calendar counts");
  t.same(meeting.calendarsUnread, [bob.userId], "only bob's calendar was missing");
  t.match(await invitationOf(bob.userId, meeting), UNREAD_NOTE, "bob's invitation says so");
  t.notMatch(await invitationOf(anna.userId, meeting), UNREAD_NOTE, "anna's does not");
  t.same(await adminSees(), [[bob.userId]], "the admins' list of meetings shows it too");
});

t.test('planning again within the cache time does not ask the calendars again', async (t) => {
  const radicale = await startRadicale(t);
  await radicale.seed('anna', { busy: event('busy@test', '20270302T080000Z', '20270302T093000Z') });
  await radicale.seed('bob', {});
  const { plan, unplan } = await pairReadingCalendars(t, radicale, {
    FREEBUSY_CACHE_SECONDS: '300',
  });
  const first = await plan();
  const asked = await radicale.reports('anna');
  t.ok(asked > 0, 'the first planning asked the calendar');
  await unplan(first);
  const second = await plan();
  t.equal(
    second.startsAt.toISOString(),
    first.startsAt.toISOString(),
    'the busy time still counts',
  );
  t.equal(await radicale.reports('anna'), asked, 'but the calendar was not asked again');
});

t.test('without a cache each planning asks the calendars', async (t) => {
  const radicale = await startRadicale(t);
  await radicale.seed('anna', {});
  await radicale.seed('bob', {});
  const { plan, unplan } = await pairReadingCalendars(t, radicale, { FREEBUSY_CACHE_SECONDS: '0' });
  const first = await plan();
  const asked = await radicale.reports('anna');
  await unplan(first);
  await radicale.seed('anna', { busy: event('busy@test', '20270302T080000Z', '20270302T093000Z') });
  const second = await plan();
  t.ok((await radicale.reports('anna')) > asked, 'asked again');
  t.equal(
    second.startsAt.toISOString(),
    '2027-03-02T09:30:00.000Z',
    'and the new busy time counts',
  );
});

t.test('a free-busy answer is read as its busy periods only', async (t) => {
  const window = { start: new Date('2027-03-01T00:00:00Z'), end: new Date('2027-03-08T00:00:00Z') };
  const answer = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//EN',
    'METHOD:REPLY',
    'BEGIN:VFREEBUSY',
    'DTSTAMP:20270301T000000Z',
    'DTSTART:20270301T000000Z',
    'DTEND:20270308T000000Z',
    'FREEBUSY;FBTYPE=BUSY:20270302T080000Z/20270302T093000Z',
    'FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270303T080000Z/PT1H,20270304T080000Z/PT30M',
    'FREEBUSY;FBTYPE=FREE:20270305T080000Z/20270305T170000Z',
    'FREEBUSY:20270228T220000Z/20270301T010000Z',
    'END:VFREEBUSY',
    'END:VCALENDAR',
  ].join('\r\n');
  t.same(
    freeBusyPeriods(answer, window).map((busy) => [
      busy.start.toISOString(),
      busy.end.toISOString(),
    ]),
    [
      ['2027-03-02T08:00:00.000Z', '2027-03-02T09:30:00.000Z'],
      ['2027-03-03T08:00:00.000Z', '2027-03-03T09:00:00.000Z'],
      ['2027-03-04T08:00:00.000Z', '2027-03-04T08:30:00.000Z'],
      ['2027-03-01T00:00:00.000Z', '2027-03-01T01:00:00.000Z'],
    ],
    'busy and tentative count, free does not, and a period is cut to the window',
  );
});

t.test(
  'a recurring event skips its excluded dates and follows its moved occurrences',
  async (t) => {
    const window = {
      start: new Date('2027-03-01T00:00:00Z'),
      end: new Date('2027-03-20T00:00:00Z'),
    };
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tandem tests//EN',
      'BEGIN:VEVENT',
      'UID:standup@test',
      'DTSTAMP:20270101T000000Z',
      'DTSTART:20270301T080000Z',
      'DTEND:20270301T090000Z',
      'RRULE:FREQ=WEEKLY;COUNT=10',
      'EXDATE:20270308T080000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:standup@test',
      'DTSTAMP:20270101T000000Z',
      'RECURRENCE-ID:20270315T080000Z',
      'DTSTART:20270315T120000Z',
      'DTEND:20270315T130000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    t.same(
      busyFromEvents([text], window).map((busy) => busy.start.toISOString()),
      ['2027-03-01T08:00:00.000Z', '2027-03-15T12:00:00.000Z'],
    );
  },
);

t.test("a calendar URL names the person's username or email, escaped", async (t) => {
  const template = 'https://cal.example.org/dav/{email}/personal/';
  t.equal(
    calendarUrl(template, { email: 'a+b@example.org', username: null }),
    'https://cal.example.org/dav/a%2Bb%40example.org/personal/',
  );
  t.equal(calendarUrl(template, { email: null, username: 'ab' }), undefined, 'no email: no URL');
});

t.test('after a decline the new time avoids the busy times too', async (t) => {
  const radicale = await startRadicale(t);
  await radicale.seed('anna', {});
  await radicale.seed('bob', {});
  const { app, plan, anna } = await pairReadingCalendars(t, radicale, {
    FREEBUSY_CACHE_SECONDS: '0',
  });
  const meeting = await plan();
  t.equal(meeting.startsAt.toISOString(), FIRST_FREE);
  // Half a day after the declined meeting is Wednesday, 09:00 Berlin; bob is busy until 11:00.
  await radicale.seed('bob', { busy: event('busy@test', '20270303T080000Z', '20270303T100000Z') });
  await answerInvitation(
    app.meetingDependencies(),
    anna.userId,
    meeting.id,
    {
      response: 'declined',
    },
    NOW,
  );
  const moved = await app.orm.em.fork().findOneOrFail(Meeting, meeting.id);
  t.equal(moved.startsAt.toISOString(), '2027-03-03T10:00:00.000Z', "after bob's busy time");
});

t.test('a calendar server that does not answer in time is planned without', async (t) => {
  const silent = createServer(() => {});
  const sockets = new Set<Socket>();
  silent.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });
  const { port } = silent.address() as AddressInfo;
  const radicale = await startRadicale(t);
  const { plan } = await pairReadingCalendars(t, radicale, {
    FREEBUSY_CALDAV_URL: `http://127.0.0.1:${port}/{username}/calendar/`,
    FREEBUSY_TIMEOUT_MS: '300',
  });
  const meeting = await plan();
  t.equal(meeting.startsAt.toISOString(), FIRST_FREE, 'planned from the windows');
  t.equal(meeting.calendarsUnread.length, 2, 'neither calendar was read');
});
