import ICAL from 'ical.js';
import t from 'tap';
import { declineCounterCalendar } from '../src/modules/meetings/decline-counter-calendar.js';

const organiser = { name: 'Tandem, Personalabteilung "HR"', email: 'antworten@agency.example' };
const attendee = {
  name: 'Dr. Jürgen Müller-Lüdenscheidt, Referat für Digitalisierung und Verwaltungsmodernisierung',
  email: 'juergen.mueller@agency.example',
};

t.test('a DECLINECOUNTER names the meeting, the countered version and the proposer', async (t) => {
  const stamp = new Date('2030-03-01T09:15:00Z');
  const ics = declineCounterCalendar(
    { uid: 'meeting-1@tandem.agency.example', sequence: 3, organiser, attendee },
    stamp,
  );
  t.ok(ics.endsWith('\r\n'), 'CRLF line ends');
  const lines = ics.split('\r\n').slice(0, -1);
  t.same(
    lines.filter((line) => Buffer.byteLength(line) > 75),
    [],
    'long lines are folded at 75 octets (RFC 5545 3.1)',
  );

  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  t.equal(calendar.getFirstPropertyValue('method'), 'DECLINECOUNTER');
  t.equal(calendar.getFirstPropertyValue('version'), '2.0');
  t.ok(calendar.getFirstPropertyValue('prodid'), 'with a PRODID');
  t.equal(event.getFirstPropertyValue('uid'), 'meeting-1@tandem.agency.example');
  t.equal(event.getFirstPropertyValue('sequence'), 3, 'the SEQUENCE the counter answered');
  t.equal(
    (event.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    stamp.toISOString(),
  );
  const organizer = event.getFirstProperty('organizer');
  t.equal(organizer?.getFirstValue(), 'mailto:antworten@agency.example');
  t.equal(organizer?.getParameter('cn'), organiser.name, 'a name with comma and quotes survives');
  const attendees = event.getAllProperties('attendee') ?? [];
  t.same(
    attendees.map((line) => [line.getFirstValue(), line.getParameter('cn')]),
    [['mailto:juergen.mueller@agency.example', attendee.name]],
    'only the proposer, name intact across the fold',
  );
  t.same(
    ['dtstart', 'dtend', 'summary', 'description', 'location'].filter((name) =>
      event.hasProperty(name),
    ),
    [],
    'no times or summary: the method names only the proposal it refuses',
  );
});
