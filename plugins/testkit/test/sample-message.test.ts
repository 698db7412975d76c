import { Value } from '@sinclair/typebox/value';
import { OutgoingMessageSchema } from '@tandem/plugin-sdk';
import t from 'tap';
import { sampleMessage } from '../src/index.js';

t.test('a valid German invitation with a calendar request', async (t) => {
  const message = sampleMessage();
  t.ok(Value.Check(OutgoingMessageSchema, message));
  t.equal(message.kind, 'invitation');
  t.equal(message.recipient.locale, 'de');
  t.match(message.subject, /^Einladung/);
  t.match(message.text, /^Guten Tag Erika Mustermann,/);
  t.match(message.calendar, /^BEGIN:VCALENDAR\r\n/);
  t.match(message.calendar, /\r\nMETHOD:REQUEST\r\n/);
  t.match(message.calendar, /\r\nDTSTART:20260112T090000Z\r\n/);
  t.match(message.calendar, /END:VCALENDAR\r\n$/);
  t.same(message.links, [
    { label: 'Zum Treffen', url: 'https://tandem.example.org/sessions/session-001' },
  ]);
});

t.test('calendar lines are at most 75 octets, folded as RFC 5545 says', async (t) => {
  const message = sampleMessage({
    recipient: { name: 'Özlem Müller-Lüdenscheidt von Großherzögenbrück' },
  });
  const calendar = message.calendar ?? '';
  const lines = calendar.split('\r\n');
  t.ok(
    lines.every((line) => Buffer.byteLength(line) <= 75),
    'no line longer than 75 octets',
  );
  t.ok(
    lines.some((line) => line.startsWith(' ')),
    'the long ATTENDEE line is folded',
  );
  const unfolded = calendar.replaceAll('\r\n ', '');
  t.match(
    unfolded,
    /ATTENDEE;CN="Özlem Müller-Lüdenscheidt von Großherzögenbrück";ROLE=REQ-PARTICIPANT/,
  );
  t.notOk(calendar.replaceAll('\r\n', '').includes('\n'), 'only CRLF line ends');
});

t.test('overrides replace fields; the texts follow the recipient', async (t) => {
  const message = sampleMessage({
    deliveryKey: 'reminder:s-9:p-2',
    kind: 'reminder',
    recipient: { locale: 'en', name: 'Ada <Lovelace>' },
  });
  t.ok(Value.Check(OutgoingMessageSchema, message));
  t.equal(message.deliveryKey, 'reminder:s-9:p-2');
  t.equal(message.kind, 'reminder');
  t.same(message.recipient, {
    id: 'person-001',
    name: 'Ada <Lovelace>',
    address: 'erika.mustermann@example.org',
    locale: 'en',
  });
  t.match(message.text, /^Hello Ada <Lovelace>,/);
  t.match(message.html, /Hello Ada &#60;Lovelace&#62;,/, 'escaped in HTML');
  t.match(message.subject, /^Invitation/);
  const bare = sampleMessage({ recipient: { address: undefined } });
  t.notOk(bare.calendar?.includes('ATTENDEE'), 'no attendee without an address');
  t.same(sampleMessage(), sampleMessage(), 'the same every time');
});
