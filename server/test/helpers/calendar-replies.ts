import { randomUUID } from 'node:crypto';

/**
 * Answers to Tandem's invitations in the shapes calendars send them (RFC 6047 iMIP carrying
 * RFC 5546 REPLY or COUNTER), written from the RFCs and what each client is documented and
 * observed to send. Only the structure matters here; texts are short.
 */
export interface ReplyFields {
  from: { name: string; email: string };
  /** The attendee the calendar answers for; the sender unless a test says otherwise. */
  attendee?: string;
  to: string;
  uid: string;
  sequence: number;
  partstat: 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  start: Date;
  end: Date;
  messageId?: string;
}

const CRLF = '\r\n';
const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
const base64 = (text: string) =>
  (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(CRLF);

function headers(fields: ReplyFields, subject: string, contentType: string): string {
  return [
    `From: "${fields.from.name}" <${fields.from.email}>`,
    `To: <${fields.to}>`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${fields.messageId ?? randomUUID()}@mail.agency.example>`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
  ].join(CRLF);
}

function vevent(fields: ReplyFields, times: string[], partstat: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${fields.uid}`,
    `SEQUENCE:${fields.sequence}`,
    `DTSTAMP:${stamp(new Date())}`,
    ...times,
    `ORGANIZER;CN=Tandem:mailto:${fields.to}`,
    `ATTENDEE;PARTSTAT=${partstat};CN="${fields.from.name}":mailto:${fields.attendee ?? fields.from.email}`,
    'SUMMARY:Tandem',
    'END:VEVENT',
  ];
}

/** Outlook (Exchange): times in its Windows zone with a VTIMEZONE, base64 text/calendar inside multipart/alternative. */
export function outlookReply(fields: ReplyFields, method: 'REPLY' | 'COUNTER' = 'REPLY'): string {
  const zone = 'W. Europe Standard Time';
  const local = (date: Date) =>
    stamp(new Date(date.getTime() + berlinOffsetMs(date))).replace('Z', '');
  const calendar = [
    'BEGIN:VCALENDAR',
    `METHOD:${method}`,
    'PRODID:Microsoft Exchange Server 2010',
    'VERSION:2.0',
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    ...vevent(
      fields,
      [`DTSTART;TZID=${zone}:${local(fields.start)}`, `DTEND;TZID=${zone}:${local(fields.end)}`],
      method === 'COUNTER' ? 'TENTATIVE' : fields.partstat,
    ),
    'END:VCALENDAR',
  ].join(CRLF);
  const boundary = '_000_AM0PR07MB1234outlook_';
  const subject = method === 'COUNTER' ? 'New Time Proposed: Tandem' : 'Accepted: Tandem';
  return [
    headers(fields, subject, `multipart/alternative; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="us-ascii"',
    '',
    '',
    `--${boundary}`,
    `Content-Type: text/calendar; charset="utf-8"; method=${method}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64(calendar),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** Thunderbird (Lightning): multipart/mixed, text/calendar 8bit plus the same as invite.ics attached. */
export function thunderbirdReply(fields: ReplyFields): string {
  const calendar = utcCalendar(fields, 'PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN');
  const boundary = '------------thunderbird0123456789';
  return [
    headers(fields, 'Declined: Tandem', `multipart/mixed; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `${fields.from.name} has declined your event invitation.`,
    `--${boundary}`,
    'Content-Type: text/calendar; method=REPLY; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    calendar,
    `--${boundary}`,
    'Content-Type: application/ics; name="invite.ics"',
    'Content-Disposition: attachment; filename="invite.ics"',
    'Content-Transfer-Encoding: base64',
    '',
    base64(calendar),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** Apple Calendar: the calendar only as an attachment, quoted-printable. */
export function appleReply(fields: ReplyFields): string {
  const calendar = utcCalendar(fields, 'PRODID:-//Apple Inc.//macOS 15.1//EN');
  const boundary = 'Apple-Mail=_0123-4567';
  const quoted = calendar.replace(/=/g, '=3D');
  return [
    headers(fields, 'Invitation: Tandem', `multipart/mixed; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `${fields.from.name} has answered.`,
    `--${boundary}`,
    'Content-Type: text/calendar; method=REPLY; name="iCal-20261206-120000.ics"',
    'Content-Disposition: attachment; filename="iCal-20261206-120000.ics"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quoted,
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/** Gmail: multipart/mixed of an alternative (plain, html, calendar 7bit) and invite.ics in base64. */
export function gmailReply(fields: ReplyFields): string {
  const calendar = utcCalendar(fields, 'PRODID:-//Google Inc//Google Calendar 70.9054//EN');
  return [
    headers(fields, 'Accepted: Tandem', 'multipart/mixed; boundary="000000000000mixed"'),
    '',
    '--000000000000mixed',
    'Content-Type: multipart/alternative; boundary="000000000000alt"',
    '',
    '--000000000000alt',
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    `${fields.from.name} has accepted this invitation.`,
    '--000000000000alt',
    'Content-Type: text/html; charset="UTF-8"',
    '',
    '<p>Accepted</p>',
    '--000000000000alt',
    'Content-Type: text/calendar; charset="UTF-8"; method=REPLY',
    'Content-Transfer-Encoding: 7bit',
    '',
    calendar,
    '--000000000000alt--',
    '--000000000000mixed',
    'Content-Type: application/ics; name="invite.ics"',
    'Content-Disposition: attachment; filename="invite.ics"',
    'Content-Transfer-Encoding: base64',
    '',
    base64(calendar),
    '--000000000000mixed--',
    '',
  ].join(CRLF);
}

function utcCalendar(fields: ReplyFields, prodId: string): string {
  return [
    'BEGIN:VCALENDAR',
    prodId,
    'VERSION:2.0',
    'METHOD:REPLY',
    ...vevent(
      fields,
      [`DTSTART:${stamp(fields.start)}`, `DTEND:${stamp(fields.end)}`],
      fields.partstat,
    ),
    'END:VCALENDAR',
  ].join(CRLF);
}

/** Europe/Berlin's offset at that instant, from the platform's zone data. */
function berlinOffsetMs(date: Date): number {
  const local = new Date(date.toLocaleString('en-US', { timeZone: 'Europe/Berlin' }));
  const utc = new Date(date.toLocaleString('en-US', { timeZone: 'UTC' }));
  return local.getTime() - utc.getTime();
}
