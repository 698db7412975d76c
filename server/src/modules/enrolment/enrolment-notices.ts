import { enrolPage } from '../notifications/app-page.js';
import type { NotificationDraft } from '../notifications/notify.js';
import type { Programme } from '../programmes/programme.js';
import type { Enrolment } from './enrolment.js';
import {
  approvedText,
  approvedWaitlistedText,
  declinedText,
  expiredText,
  movedUpText,
} from './enrolment-texts.js';

/**
 * What happened to a person's enrolment that they did not do themselves: their manager's
 * answer (or its running out), and moving up from the waitlist.
 */
export type EnrolmentEvent =
  | 'approved'
  | 'approved-waitlisted'
  | 'declined'
  | 'expired'
  | 'moved-up';

const TEXTS = {
  approved: approvedText,
  'approved-waitlisted': approvedWaitlistedText,
  declined: declinedText,
  expired: expiredText,
  'moved-up': movedUpText,
} satisfies Record<EnrolmentEvent, unknown>;

/**
 * The notification to the person of `enrolment` (its user loaded). It leads to the programme's
 * enrolment page, where they see how their enrolment stands.
 *
 * @param position their waitlist place, for `approved-waitlisted`.
 */
export function enrolmentNotice(
  enrolment: Enrolment,
  programme: Programme,
  event: EnrolmentEvent,
  position: number | null = null,
): NotificationDraft {
  const recipient = enrolment.user;
  return {
    recipient,
    // The time tells one round of waiting from the next: someone may enrol anew later.
    subject: `enrolment:${enrolment.id}:${event}:${enrolment.updatedAt.getTime()}`,
    kind: 'notice',
    programme,
    render: (locale) => ({
      ...TEXTS[event](locale, { name: recipient.name, programme: programme.name, position }),
      link: enrolPage(programme.id),
    }),
  };
}
