/** The window event <tandem-app> turns into a polite live-region message. */
export const ANNOUNCE = 'tandem-announce';

/**
 * Tells screen reader users about something that changed without moving their focus: a
 * saved form, a finished matching run, a new message.
 */
export function announce(message: string): void {
  window.dispatchEvent(new CustomEvent<string>(ANNOUNCE, { detail: message }));
}
