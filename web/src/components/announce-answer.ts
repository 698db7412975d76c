import { msg, str } from '@lit/localize';
import { announce } from './announcer.js';

/** Tells screen readers what the click on Approve or Decline did: the manager's and the admins'. */
export function announceAnswer(person: string, approve: boolean): void {
  announce(
    approve
      ? msg(str`You approved ${person}'s enrolment.`, { id: 'approvals.approvedNow' })
      : msg(str`You declined ${person}'s enrolment.`, { id: 'approvals.declinedNow' }),
  );
}
