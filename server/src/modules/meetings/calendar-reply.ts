import ICAL from 'ical.js';
import { type AddressObject, type Attachment, type ParsedMail, simpleParser } from 'mailparser';

/** What an iMIP reply says (RFC 6047 mail carrying RFC 5546 REPLY or COUNTER). */
export interface CalendarReply {
  /** The Message-ID header, when the mail has one. */
  messageId: string | undefined;
  /** The From and Sender addresses, lower case: whoever may speak for the attendee. */
  senders: string[];
  method: 'REPLY' | 'COUNTER';
  uid: string;
  sequence: number;
  /** The attendee lines of the event: address (lower case) and PARTSTAT. */
  attendees: { email: string; partstat: string }[];
  /** COUNTER: the start the attendee proposes. */
  proposedStart: Date | undefined;
}

/**
 * Reads an iMIP reply from a raw mail: the first text/calendar part (inline or attached, in any
 * transfer encoding, as Outlook, Thunderbird, Apple Calendar and Gmail send it) with METHOD
 * REPLY or COUNTER and a VEVENT with a UID.
 *
 * @returns undefined for anything else: another method, no calendar, or text that does not parse.
 */
export async function parseCalendarReply(raw: Buffer | string): Promise<CalendarReply | undefined> {
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextLinks: true });
  for (const part of mail.attachments.filter(isCalendar)) {
    const reply = calendarReply(part.content.toString('utf8'), mail);
    if (reply) return reply;
  }
  return undefined;
}

function isCalendar(part: Attachment): boolean {
  const type = part.contentType.toLowerCase();
  return (
    type === 'text/calendar' ||
    type === 'application/ics' ||
    Boolean(part.filename?.toLowerCase().endsWith('.ics'))
  );
}

function calendarReply(text: string, mail: ParsedMail): CalendarReply | undefined {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch {
    return undefined;
  }
  const method = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase();
  const event = calendar.getFirstSubcomponent('vevent');
  const uid = event?.getFirstPropertyValue('uid');
  if ((method !== 'REPLY' && method !== 'COUNTER') || !event || typeof uid !== 'string')
    return undefined;
  // ical.js reads a TZID (Outlook's W. Europe Standard Time) from this calendar's own
  // VTIMEZONE. Nothing is registered process-wide: one mail cannot define zones for the next.
  const start = event.getFirstPropertyValue('dtstart');
  return {
    messageId: mail.messageId,
    senders: senders(mail),
    method,
    uid,
    sequence: Number(event.getFirstPropertyValue('sequence') ?? 0) || 0,
    attendees: event.getAllProperties('attendee').map((property) => ({
      email: address(property.getFirstValue()),
      partstat: String(property.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase(),
    })),
    proposedStart:
      method === 'COUNTER' && start instanceof ICAL.Time ? start.toJSDate() : undefined,
  };
}

function senders(mail: ParsedMail): string[] {
  const sender = mail.headers.get('sender');
  const objects = [mail.from, isAddressObject(sender) ? sender : undefined];
  return objects.flatMap((object) =>
    (object?.value ?? []).flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
  );
}

function isAddressObject(value: unknown): value is AddressObject {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as AddressObject).value)
  );
}

/** `mailto:Anna@Example.org` → `anna@example.org`. */
function address(value: unknown): string {
  return String(value)
    .replace(/^mailto:/i, '')
    .trim()
    .toLowerCase();
}
