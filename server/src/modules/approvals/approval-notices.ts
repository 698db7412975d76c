import { approvalPage } from '../notifications/app-page.js';
import type { NotificationDraft } from '../notifications/notify.js';
import type { Programme } from '../programmes/programme.js';
import type { User } from '../users/user.js';
import { askedText, reminderText } from './approval-texts.js';
import type { ManagerApproval } from './manager-approval.js';

/** What the manager is told: the request, and once a reminder. */
export type ApprovalEvent = 'asked' | 'reminder';

const TEXTS = { asked: askedText, reminder: reminderText } satisfies Record<ApprovalEvent, unknown>;

/**
 * The notification to the manager about `approval`, leading to its page in the app, where the
 * manager (signed in) approves or declines with one click. Following the link changes nothing.
 *
 * @param timeZone the organisation's, for the last day to answer.
 */
export function approvalNotice(
  approval: ManagerApproval,
  manager: User,
  person: User,
  programme: Programme,
  event: ApprovalEvent,
  timeZone: string,
): NotificationDraft {
  return {
    recipient: manager,
    subject: `manager-approval:${approval.id}:${event}`,
    kind: event === 'asked' ? 'notice' : 'reminder',
    programme,
    render: (locale) => ({
      ...TEXTS[event](locale, {
        name: manager.name,
        person: person.name,
        programme: programme.name,
        until: approval.expiresAt.toLocaleDateString(locale === 'en' ? 'en-GB' : 'de-DE', {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone,
        }),
      }),
      link: approvalPage(approval.id),
    }),
  };
}
