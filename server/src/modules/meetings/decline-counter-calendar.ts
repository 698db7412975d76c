import ICAL from 'ical.js';
import type { CalendarPerson } from './meeting-calendar.js';

export interface DeclineCounterOptions {
  /** The meeting's UID, as its invitations carry it. */
  uid: string;
  /** The SEQUENCE of the version the attendee countered. */
  sequence: number;
  organiser: CalendarPerson;
  /** Who sent the COUNTER. */
  attendee: CalendarPerson;
}

/**
 * The iCalendar object that refuses an attendee's counter proposal (RFC 5546 §3.2.8
 * DECLINECOUNTER): the meeting's UID and the SEQUENCE the COUNTER answered, the organiser, the
 * attendee who proposed, and DTSTAMP, and no times or summary, which the method leaves out.
 * Written with ical.js, which escapes, quotes and folds lines as RFC 5545 asks: ical-generator
 * knows the method but always writes a DTSTART.
 */
export function declineCounterCalendar(options: DeclineCounterOptions, now = new Date()): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', '-//Tandem//Tandem//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('method', 'DECLINECOUNTER');
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', options.uid);
  event.addPropertyWithValue('sequence', options.sequence);
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  event.addProperty(person('organizer', options.organiser));
  event.addProperty(person('attendee', options.attendee));
  calendar.addSubcomponent(event);
  return `${calendar.toString()}\r\n`;
}

function person(name: 'organizer' | 'attendee', who: CalendarPerson): ICAL.Property {
  const property = new ICAL.Property(name);
  property.setParameter('cn', who.name);
  property.setValue(`mailto:${who.email}`);
  return property;
}
