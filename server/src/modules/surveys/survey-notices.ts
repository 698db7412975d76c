import { surveyPage } from '../notifications/app-page.js';
import type { NotificationDraft } from '../notifications/notify.js';
import type { Programme } from '../programmes/programme.js';
import type { User } from '../users/user.js';
import type { SurveyInvitation } from './survey-invitation.js';
import { invitationText, reminderText } from './survey-texts.js';

/** What a participant is told about a survey: that it waits, and once a reminder. */
export type SurveyEvent = 'invitation' | 'reminder';

/**
 * The message asking `person` to answer a survey of `programme`, leading to its page. Keyed by
 * the invitation, so that each person gets each message once, however often the job runs.
 */
export function surveyNotice(
  invitation: Pick<SurveyInvitation, 'id' | 'survey'>,
  person: User,
  programme: Programme,
  event: SurveyEvent,
): NotificationDraft {
  const text = event === 'invitation' ? invitationText : reminderText;
  const facts = { name: person.name, programme: programme.name, survey: invitation.survey };
  return {
    recipient: person,
    subject: `survey:${invitation.id}:${event}`,
    kind: event === 'invitation' ? 'notice' : 'reminder',
    programme,
    render: (locale) => ({
      ...text(locale, facts),
      link: surveyPage(programme.id, invitation.survey),
    }),
  };
}
