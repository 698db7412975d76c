import ICAL from 'ical.js';
import nodemailer from 'nodemailer';
import t from 'tap';
import { startDemoMailSink } from '../src/demo/demo-mail-sink.js';

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Tandem test//EN',
  'METHOD:REQUEST',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:STANDARD',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:first@tandem.test',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20261201T100000',
  'DTEND;TZID=Europe/Berlin:20261201T110000',
  'SEQUENCE:2',
  'SUMMARY:Lena & Klaus',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

t.test('the demo mailbox reads an application/ics event once, on arrival', async (t) => {
  const sink = await startDemoMailSink();
  t.teardown(() => sink.close());
  const transport = nodemailer.createTransport({ host: sink.host, port: sink.port });
  t.teardown(() => transport.close());
  await transport.sendMail({
    from: 'tandem@demo.tandem.example',
    to: 'lena@demo.tandem.example',
    subject: 'Invitation',
    text: 'See you.',
    attachments: [{ filename: 'invite.ics', content: CALENDAR, contentType: 'application/ics' }],
  });

  const [mail] = sink.messages();
  t.same(mail?.event, {
    method: 'REQUEST',
    summary: 'Lena & Klaus',
    start: '2026-12-01T09:00:00.000Z',
    end: '2026-12-01T10:00:00.000Z',
    sequence: 2,
  });
  t.notOk(ICAL.TimezoneService.has('Europe/Berlin'), "ical.js's global zones stay as they were");
});
