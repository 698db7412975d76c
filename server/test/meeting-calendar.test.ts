import ICAL from 'ical.js';
import { foldLines } from 'ical-generator';
import { DateTime } from 'luxon';
import t from 'tap';
import { foldLine } from '../src/modules/meetings/calendar-fold.js';
import {
  type CalendarMeeting,
  type MeetingCalendarOptions,
  meetingCalendar,
  meetingCalendars,
} from '../src/modules/meetings/meeting-calendar.js';

/** A 45-minute meeting at a wall-clock time in a zone, as the planner stores it: in UTC. */
function meetingAt(zone: string, local: string): CalendarMeeting {
  const start = DateTime.fromISO(local, { zone });
  return {
    id: `m-${local}`,
    calendarSequence: 0,
    startsAt: start.toJSDate(),
    endsAt: start.plus({ minutes: 45 }).toJSDate(),
    title: 'Tandem',
    link: null,
    location: null,
  };
}

/** Mondays at 10:00 from the date on, `weeks` of them. */
function weeklyAt(zone: string, firstMonday: string, weeks: number): CalendarMeeting[] {
  return Array.from({ length: weeks }, (_, week) =>
    meetingAt(zone, `${DateTime.fromISO(firstMonday).plus({ weeks: week }).toISODate()}T10:00`),
  );
}

function invitation(meeting: CalendarMeeting, timeZone: string): string {
  return meetingCalendar(meeting, {
    method: 'REQUEST',
    organiser: { name: 'Tandem', email: 'tandem@agency.example' },
    attendees: [{ name: 'Ada', email: 'ada@agency.example' }],
    uidDomain: 'tandem.agency.example',
    description: 'Your tandem meeting',
    timeZone,
  });
}

/** What a calendar reads: DTSTART as written, and the instant its own VTIMEZONE makes of it. */
function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = calendar.getAllSubcomponents('vtimezone');
  const event = calendar.getFirstSubcomponent('vevent');
  const dtstart = event?.getFirstProperty('dtstart');
  const local = dtstart?.getFirstValue() as ICAL.Time;
  const [zone] = zones;
  const instant = (time: ICAL.Time) =>
    zone
      ? new ICAL.Time(
          {
            year: time.year,
            month: time.month,
            day: time.day,
            hour: time.hour,
            minute: time.minute,
            second: time.second,
          },
          new ICAL.Timezone(zone),
        ).toJSDate()
      : time.toJSDate();
  return {
    zones: zones.length,
    vtimezoneTzid: zone?.getFirstPropertyValue('tzid'),
    observances: zone ? [...new Set(zone.getAllSubcomponents().map((c) => c.name))].sort() : [],
    tzid: dtstart?.getParameter('tzid'),
    wallClock: `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
    isUtc: local.zone === ICAL.Timezone.utcTimezone,
    start: instant(local),
    end: instant(event?.getFirstPropertyValue('dtend') as ICAL.Time),
    stamp: String(event?.getFirstProperty('dtstamp')?.toICALString()),
  };
}

const cases = [
  {
    name: 'Berlin, winter',
    zone: 'Europe/Berlin',
    meetings: [meetingAt('Europe/Berlin', '2027-01-18T10:00')],
  },
  {
    name: 'Berlin, summer',
    zone: 'Europe/Berlin',
    meetings: [meetingAt('Europe/Berlin', '2027-07-12T10:00')],
  },
  // The last Sunday of March 2027 is the 28th, of October the 31st.
  {
    name: 'Berlin, weekly into summer time',
    zone: 'Europe/Berlin',
    meetings: weeklyAt('Europe/Berlin', '2027-03-15', 4),
  },
  {
    name: 'Berlin, weekly out of summer time',
    zone: 'Europe/Berlin',
    meetings: weeklyAt('Europe/Berlin', '2027-10-18', 4),
  },
  // Sydney leaves summer time on the first Sunday of April and starts it on the first of October.
  {
    name: 'Sydney, weekly out of summer time',
    zone: 'Australia/Sydney',
    meetings: weeklyAt('Australia/Sydney', '2027-03-22', 4),
  },
  {
    name: 'Sydney, weekly into summer time',
    zone: 'Australia/Sydney',
    meetings: weeklyAt('Australia/Sydney', '2027-09-20', 4),
  },
  {
    name: 'Tokyo, no summer time',
    zone: 'Asia/Tokyo',
    meetings: weeklyAt('Asia/Tokyo', '2027-03-22', 2),
  },
];

for (const { name, zone, meetings } of cases)
  t.test(`${name}: every meeting shows 10:00 local and the planned instant`, async (t) => {
    const offsets = new Set<number>();
    for (const meeting of meetings) {
      const seen = read(invitation(meeting, zone));
      const day = meeting.startsAt.toISOString().slice(0, 10);
      t.equal(seen.tzid, zone, `${day}: DTSTART names the zone`);
      t.equal(seen.zones, 1, `${day}: one VTIMEZONE`);
      t.equal(seen.vtimezoneTzid, seen.tzid, `${day}: and it is the one DTSTART names`);
      t.equal(seen.wallClock, '10:00', `${day}: the planned wall-clock time`);
      t.equal(seen.start.toISOString(), meeting.startsAt.toISOString(), `${day}: the stored start`);
      t.equal(seen.end.toISOString(), meeting.endsAt.toISOString(), `${day}: the stored end`);
      t.match(seen.stamp, /^DTSTAMP:\d{8}T\d{6}Z$/, `${day}: DTSTAMP in UTC`);
      offsets.add(DateTime.fromJSDate(meeting.startsAt, { zone }).offset);
    }
    const expected = zone === 'Asia/Tokyo' ? ['standard'] : ['daylight', 'standard'];
    t.same(read(invitation(meetings[0] as CalendarMeeting, zone)).observances, expected);
    if (meetings.length > 2) t.equal(offsets.size, 2, 'the series crosses a change of offset');
  });

t.test('an alias gets the canonical zone, in DTSTART and VTIMEZONE alike', async (t) => {
  const seen = read(invitation(meetingAt('Europe/Kyiv', '2027-05-10T10:00'), 'Europe/Kiev'));
  t.equal(seen.tzid, 'Europe/Kyiv');
  t.equal(seen.vtimezoneTzid, 'Europe/Kyiv');
  t.equal(seen.wallClock, '10:00');
});

t.test('a zone without a VTIMEZONE source gets UTC times, still the planned instant', async (t) => {
  const meeting = meetingAt('Europe/Berlin', '2027-03-29T10:00');
  const seen = read(invitation(meeting, 'Mars/Olympus_Mons'));
  t.equal(seen.zones, 0);
  t.equal(seen.tzid, undefined);
  t.ok(seen.isUtc, 'DTSTART in UTC');
  t.equal(seen.start.toISOString(), meeting.startsAt.toISOString());
});

/**
 * Lines around the fold: ASCII, umlauts and typographic quotes (two and three octets), emoji
 * (a surrogate pair of four), a pair and a lone surrogate at the 74th octet, escapes.
 */
const LINES = [
  '',
  'DESCRIPTION:kurz',
  `DESCRIPTION:${'a'.repeat(62)}`,
  `DESCRIPTION:${'a'.repeat(63)}`,
  `DESCRIPTION:${'x'.repeat(300)}`,
  `DESCRIPTION:Hallo Jörg Ä\\,\\n\\nTandem hat Ihr nächstes Treffen geplant: „Kennenlernen“ mit Zoë Weiß.${'ü'.repeat(90)}`,
  ...[60, 61, 62, 63].map((n) => `DESCRIPTION:${'a'.repeat(n)}🙂🙂🙂 und 😀${'é'.repeat(40)}`),
  `DESCRIPTION:${'a'.repeat(61)}\ud83d${'b'.repeat(20)}\ude00${'c'.repeat(20)}\ud83d`,
  `ATTENDEE;CN="漢字の名前 ${'長'.repeat(40)}":MAILTO:p@agency.example`,
];

t.test('a line folds exactly as ical-generator folds it', async (t) => {
  for (const line of LINES)
    t.equal(foldLine(line), foldLines(line), JSON.stringify(line.slice(0, 30)));
});

t.test('copies for several recipients are the calendars written whole for each', async (t) => {
  const meeting = {
    ...meetingAt('Europe/Berlin', '2027-03-29T10:00'),
    title: 'Kennenlernen, Vereinbarung; erste Begriffe',
    link: 'https://meet.agency.example/tandem-0123456789ab',
  };
  const descriptions = [
    'Hallo Ada,\n\nTandem hat Ihr nächstes Treffen geplant: „Kennenlernen“ mit Zoë.\r\nWo: https://meet.agency.example/tandem-0123456789ab',
    `Hello Zoë; ${'the invitation is attached, '.repeat(12)}🙂`,
    '',
    'DESCRIPTION:\\nno tricks\r',
  ];
  const stamp = (ics: string) => ics.replace(/DTSTAMP:\d{8}T\d{6}Z/, 'DTSTAMP');
  for (const [method, timeZone] of [
    ['REQUEST', 'Europe/Berlin'],
    ['CANCEL', 'Mars/Olympus_Mons'],
  ] as const) {
    const options: Omit<MeetingCalendarOptions, 'description'> = {
      method,
      organiser: { name: 'Tandem, "die Agentur"', email: 'tandem@agency.example' },
      attendees: [
        { name: 'Ada', email: 'ada@agency.example' },
        { name: 'Zoë Weiß', email: 'zoe@agency.example' },
      ],
      uidDomain: 'tandem.agency.example',
      timeZone,
    };
    const copyFor = meetingCalendars(meeting, options);
    for (const description of descriptions)
      t.equal(
        stamp(copyFor(description)),
        stamp(meetingCalendar(meeting, { ...options, description })),
        `${method}: ${JSON.stringify(description.slice(0, 20))}`,
      );
  }
});
