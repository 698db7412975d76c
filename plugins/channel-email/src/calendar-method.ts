/**
 * The `METHOD` of an iCalendar object (RFC 5546: `REQUEST`, `CANCEL`, …), upper case. Mail
 * clients file an invitation by the `method` parameter of its MIME part, which must agree with
 * this line. `PUBLISH` when the object has none, as RFC 6047 reads such a calendar.
 */
export function calendarMethod(calendar: string): string {
  // A property's name starts a line; folded continuation lines start with a space.
  const match = /^METHOD:([^\r\n]*)/im.exec(calendar);
  const method = match?.[1]?.trim().toUpperCase();
  return method || 'PUBLISH';
}
