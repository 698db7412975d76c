import ICAL from 'ical.js';
import t from 'tap';
import { identifyingValues } from '../src/modules/privacy/identifying-values.js';
import { scrubStoredText } from '../src/modules/privacy/stored-text.js';

const person = {
  id: '0b6e2d4c-1111-4a4a-9c9c-000000000001',
  name: 'Weber, Klaus',
  email: 'klaus.weber@agency.example',
  subject: 'idp-klaus-weber',
};
const tombstone = { id: '0b6e2d4c-2222-4a4a-9c9c-000000000002', name: 'Former participant' };
const replacements = identifyingValues(person, tombstone);

t.test('a calendar loses the name it folds and escapes, and stays a calendar', async (t) => {
  const calendar = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//Tandem//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    'UID:meeting-1@tandem.example',
    'DTSTAMP:20300101T090000Z',
    'DTSTART:20300107T090000Z',
    'SUMMARY:Kick-off',
    // The name escaped (RFC 5545 TEXT) and folded inside, as ical-generator writes it.
    'DESCRIPTION:Hallo Paul\\,\\nWeber\\, Kl',
    ' aus kommt.',
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Weber, Kla',
    ' us":mailto:KLAUS.WEBER@agency.example',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const scrubbed = scrubStoredText(calendar, replacements);
  t.notMatch(scrubbed.replace(/\r\n[ \t]/g, ''), /klaus|weber/i, 'no part of him, folded or not');
  const event = new ICAL.Component(ICAL.parse(scrubbed)).getFirstSubcomponent('vevent');
  t.equal(event?.getFirstPropertyValue('description'), 'Hallo Paul,\nFormer participant kommt.');
  t.equal(event?.getFirstProperty('attendee')?.getParameter('cn'), 'Former participant');
  t.equal(event?.getFirstPropertyValue('uid'), 'meeting-1@tandem.example', 'the same event');
  t.ok(
    scrubbed.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
    'folded again',
  );
});

t.test('JSON loses the name after an escaped line break, and in keys', async (t) => {
  const json = JSON.stringify({ text: 'Hallo\nWEBER, KLAUS', [person.id]: 'accepted' });
  t.same(JSON.parse(scrubStoredText(json, replacements, 'json')), {
    text: 'Hallo\nFormer participant',
    [tombstone.id]: 'accepted',
  });
});

t.test('plain text: whole words in any case and spacing, nothing else', async (t) => {
  t.equal(
    scrubStoredText(
      'Weber,\u00a0Klaus und Weber, Klausen schreiben an klaus.weber@agency.example',
      replacements,
    ),
    'Former participant und Weber, Klausen schreiben an ',
  );
});
