import { msg, str } from '@lit/localize';
import type { EnrolmentRole, EnrolmentState } from '../data/admin-enrolments.js';
import type { ProgrammeKind, ProgrammeSettings, ProgrammeState } from '../data/admin-programmes.js';
import { formatDate } from './date-time.js';

/** Words for the admin pages' enums, so a state is never shown by colour alone. */
export function stateLabel(state: ProgrammeState): string {
  switch (state) {
    case 'draft':
      return msg('Draft', { id: 'admin.state.draft' });
    case 'enrolment':
      return msg('Enrolment open', { id: 'admin.state.enrolment' });
    case 'matching':
      return msg('Matching', { id: 'admin.state.matching' });
    case 'running':
      return msg('Running', { id: 'admin.state.running' });
    case 'closed':
      return msg('Closed', { id: 'admin.state.closed' });
  }
}

/** What the button that moves a programme into `state` says. */
export function transitionLabel(from: ProgrammeState, to: ProgrammeState): string {
  switch (to) {
    case 'draft':
      return msg('Back to draft', { id: 'admin.transition.draft' });
    case 'enrolment':
      return from === 'matching'
        ? msg('Reopen enrolment', { id: 'admin.transition.reopen' })
        : msg('Open enrolment', { id: 'admin.transition.enrolment' });
    case 'matching':
      return msg('Close enrolment', { id: 'admin.transition.matching' });
    case 'running':
      return msg('Start the programme', { id: 'admin.transition.running' });
    case 'closed':
      return from === 'running'
        ? msg('Close the programme', { id: 'admin.transition.close' })
        : msg('Call off the programme', { id: 'admin.transition.callOff' });
  }
}

export function kindLabel(kind: ProgrammeKind): string {
  switch (kind) {
    case 'reverse-mentoring':
      return msg('Reverse mentoring', { id: 'admin.kind.reverse' });
    case 'classic-mentoring':
      return msg('Classic mentoring', { id: 'admin.kind.classic' });
    case 'peer-lunch':
      return msg('Mystery lunch', { id: 'admin.kind.lunch' });
  }
}

export function formatLabel(format: ProgrammeSettings['format']): string {
  switch (format) {
    case 'on-site':
      return msg('On site', { id: 'admin.format.onSite' });
    case 'remote':
      return msg('Remote', { id: 'admin.format.remote' });
    case 'both':
      return msg('On site or remote', { id: 'admin.format.both' });
  }
}

/** A notification channel's name, for the programme's settings and the publish dialog. */
export function channelLabel(channel: string): string {
  if (channel === 'email') return msg('Email', { id: 'admin.channel.email' });
  if (channel === 'in-app') return msg('Inbox in Tandem', { id: 'admin.channel.inApp' });
  if (channel === 'webhook') return msg('Team chat (webhook)', { id: 'admin.channel.webhook' });
  return channel;
}

export function roleLabel(role: EnrolmentRole): string {
  switch (role) {
    case 'mentor':
      return msg('Mentor', { id: 'admin.role.mentor' });
    case 'mentee':
      return msg('Mentee', { id: 'admin.role.mentee' });
    case 'either':
      return msg('Either', { id: 'admin.role.either' });
  }
}

export function enrolmentStateLabel(state: EnrolmentState): string {
  switch (state) {
    case 'active':
      return msg('Active', { id: 'admin.enrolmentState.active' });
    case 'awaiting-approval':
      return msg('Awaiting approval', { id: 'admin.enrolmentState.awaitingApproval' });
    case 'waitlisted':
      return msg('Waitlisted', { id: 'admin.enrolmentState.waitlisted' });
    case 'withdrawn':
      return msg('Withdrawn', { id: 'admin.enrolmentState.withdrawn' });
    case 'declined':
      return msg('Declined by the manager', { id: 'admin.enrolmentState.declined' });
    case 'expired':
      return msg('Approval expired', { id: 'admin.enrolmentState.expired' });
  }
}

/** A language code in words, in the interface language ("de" → "German"). */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * "1 Dec 2026 – 15 Jan 2027", an open end, or that none is set. The dates follow the app's
 * language like every date (date-time.ts); `_locale` stays for the callers that pass it.
 */
export function enrolmentWindow(
  opens: string | undefined,
  closes: string | undefined,
  _locale?: string,
): string {
  const from = opens ? formatDate(opens) : '';
  const to = closes ? formatDate(closes) : '';
  if (from && to) return `${from} – ${to}`;
  if (from) return msg(str`from ${from}`, { id: 'admin.window.from' });
  if (to) return msg(str`until ${to}`, { id: 'admin.window.until' });
  return msg('not set', { id: 'admin.window.none' });
}
