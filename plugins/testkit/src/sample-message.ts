import type { Locale, OutgoingMessage } from '@tandem/plugin-sdk';

/** Changes to {@link sampleMessage}; `recipient` may change single fields. */
export type SampleMessageOverrides = Partial<Omit<OutgoingMessage, 'recipient'>> & {
  recipient?: Partial<OutgoingMessage['recipient']>;
};

type Recipient = OutgoingMessage['recipient'];

const RECIPIENT: Recipient = {
  id: 'person-001',
  name: 'Erika Mustermann',
  address: 'erika.mustermann@example.org',
  locale: 'de',
};

const SESSION_URL = 'https://tandem.example.org/sessions/session-001';

/**
 * A valid invitation to a first tandem meeting on Monday 12 January 2026, 10:00–11:00 Berlin
 * time, with plain text, HTML, a link and an iCalendar REQUEST — in the recipient's language
 * (German unless `recipient.locale` says `'en'`), addressed to Erika Mustermann at an
 * example.org address. Overrides replace fields; the texts follow a changed recipient name.
 *
 * @example
 * sampleMessage({ deliveryKey: 'k-1', recipient: { locale: 'en', address: 'ada@example.org' } })
 */
export function sampleMessage(overrides: SampleMessageOverrides = {}): OutgoingMessage {
  const { recipient: changes, ...fields } = overrides;
  const recipient: Recipient = { ...RECIPIENT, ...changes };
  const texts = TEXTS[recipient.locale](recipient.name);
  return {
    deliveryKey: 'invitation:session-001:person-001',
    recipient,
    kind: 'invitation',
    subject: texts.subject,
    text: texts.text,
    html: texts.html,
    calendar: invitationCalendar(recipient, texts.summary),
    links: [{ label: texts.link, url: SESSION_URL }],
    ...fields,
  };
}

interface Texts {
  subject: string;
  text: string;
  html: string;
  summary: string;
  link: string;
}

const TEXTS: Record<Locale, (name: string) => Texts> = {
  de: (name) => ({
    subject: 'Einladung: Ihr erstes Tandem-Treffen am 12. Januar',
    text: `Guten Tag ${name},\n\nIhr erstes Tandem-Treffen ist am Montag, 12. Januar 2026, von 10:00 bis 11:00 Uhr. Die Einladung für Ihren Kalender hängt an.\n\nZum Treffen: ${SESSION_URL}`,
    html: `<p>Guten Tag ${escapeHtml(name)},</p><p>Ihr erstes Tandem-Treffen ist am <strong>Montag, 12. Januar 2026, von 10:00 bis 11:00 Uhr</strong>.</p>`,
    summary: 'Tandem: erstes Treffen',
    link: 'Zum Treffen',
  }),
  en: (name) => ({
    subject: 'Invitation: your first tandem meeting on 12 January',
    text: `Hello ${name},\n\nYour first tandem meeting is on Monday, 12 January 2026, from 10:00 to 11:00 (Berlin time). The calendar invitation is attached.\n\nOpen the meeting: ${SESSION_URL}`,
    html: `<p>Hello ${escapeHtml(name)},</p><p>Your first tandem meeting is on <strong>Monday, 12 January 2026, 10:00 to 11:00 (Berlin time)</strong>.</p>`,
    summary: 'Tandem: first meeting',
    link: 'Open the meeting',
  }),
};

/** An iCalendar (RFC 5545) REQUEST for the meeting, with CRLF line ends and folded lines. */
function invitationCalendar(recipient: Recipient, summary: string): string {
  const attendee = recipient.address
    ? [
        `ATTENDEE;CN="${recipient.name}";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${recipient.address}`,
      ]
    : [];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tandem//plugin-testkit//EN',
    'METHOD:REQUEST',
    'BEGIN:VEVENT',
    'UID:session-001@tandem.example.org',
    'DTSTAMP:20260105T090000Z',
    'DTSTART:20260112T090000Z',
    'DTEND:20260112T100000Z',
    `SUMMARY:${summary}`,
    'ORGANIZER;CN=Tandem:mailto:tandem@example.org',
    ...attendee,
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n').concat('\r\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with the space
    if (Buffer.byteLength(part + char) > limit) {
      parts.push(part);
      part = '';
    }
    part += char;
  }
  return [...parts, part].join('\r\n ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
