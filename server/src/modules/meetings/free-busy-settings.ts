/** Where people's calendars are and how Tandem reads them (FREEBUSY_* settings). */
export interface FreeBusySettings {
  /** A person's calendar URL, with `{username}` or `{email}` standing for theirs. */
  calendarUrl: string;
  user: string;
  password: string;
  /** How long a person's busy times are reused before their calendar is asked again. */
  cacheMs: number;
  /** How long one request may take before the calendar counts as not answering. */
  timeoutMs: number;
}
