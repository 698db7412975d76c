import { msg, str } from '@lit/localize';
import { formatDateTime } from '../components/date-time.js';
import { getLocale } from '../i18n/locale.js';
import { channelInstanceRefusal } from './channel-instance-errors.js';
import { surveyRefusal } from './survey-errors.js';

/** The values of an error's code, as the server's error body carries them. */
export type ErrorParams = Record<string, string | number>;

/**
 * What went wrong, in the reader's language: the wording of the server's code where the app
 * knows it, else a sentence for the kind of failure (by status). The server's English
 * `message` is for API users and never shown.
 */
export function errorWording(
  status: number,
  code: string | undefined,
  params: ErrorParams,
): string {
  return (code ? known(code, params) : undefined) ?? byStatus(status, params);
}

function known(code: string, params: ErrorParams): string | undefined {
  return (
    enrolmentRefusal(code, params) ??
    enrolment(code, params) ??
    meetings(code) ??
    plan(code) ??
    requests(code, params) ??
    review(code) ??
    reportingLine(code, params) ??
    surveyRefusal(code) ??
    channelInstanceRefusal(code, params) ??
    programme(code)
  );
}

/**
 * Why someone cannot enrol, in the reader's language: a programme's `whyNotCode` or the code of
 * the refusal; undefined for a code the app does not know.
 */
export function enrolmentRefusal(code: string, params: ErrorParams): string | undefined {
  const at = typeof params.at === 'string' ? formatDateTime(params.at) : undefined;
  switch (code) {
    case 'enrolment.not-open':
      return msg('Enrolment for this programme has not opened yet.', {
        id: 'errors.enrolment.not-open',
      });
    case 'enrolment.matching':
      return msg('Enrolment has closed: the programme is being matched.', {
        id: 'errors.enrolment.matching',
      });
    case 'enrolment.running':
      return msg('Enrolment has closed: the programme is running.', {
        id: 'errors.enrolment.running',
      });
    case 'enrolment.programme-closed':
      return msg('The programme is closed.', { id: 'errors.enrolment.programme-closed' });
    case 'enrolment.opens':
      return at && msg(str`Enrolment opens on ${at}.`, { id: 'errors.enrolment.opens' });
    case 'enrolment.closed-at':
      return at && msg(str`Enrolment closed on ${at}.`, { id: 'errors.enrolment.closed-at' });
    default:
      return eligibility(code, params);
  }
}

/** Who a programme is open to, when the person is not among them. */
function eligibility(code: string, params: ErrorParams) {
  const open = typeof params.open === 'string' ? params.open.split('\n') : undefined;
  if (!open) return undefined;
  const either = new Intl.ListFormat(getLocale(), { type: 'disjunction' }).format(open);
  const yours = typeof params.yours === 'string' ? params.yours : undefined;
  switch (code) {
    case 'eligibility.department':
      return yours
        ? msg(str`This programme is open to ${either}; your department is ${yours}.`, {
            id: 'errors.eligibility.department',
          })
        : msg(str`This programme is open to ${either}; Tandem does not know your department.`, {
            id: 'errors.eligibility.department.unknown',
          });
    case 'eligibility.title':
      return yours
        ? msg(str`This programme is open to ${either}; your job title is ${yours}.`, {
            id: 'errors.eligibility.title',
          })
        : msg(str`This programme is open to ${either}; Tandem does not know your job title.`, {
            id: 'errors.eligibility.title.unknown',
          });
    case 'eligibility.role':
      return msg(str`This programme is open to people with the role ${either}.`, {
        id: 'errors.eligibility.role',
      });
    default:
      return undefined;
  }
}

function enrolment(code: string, params: ErrorParams) {
  switch (code) {
    case 'enrolment.no-common-language': {
      const languages = String(params.languages ?? '');
      return msg(
        str`This programme meets in ${languages}; add one of these languages to your profile.`,
        { id: 'errors.enrolment.no-common-language' },
      );
    }
    case 'enrolment.not-enrolled':
      return msg('You are not enrolled in this programme.', {
        id: 'errors.enrolment.not-enrolled',
      });
    case 'enrolment.peer-role':
      return msg('In a lunch round everyone takes part as a peer.', {
        id: 'errors.enrolment.peer-role',
      });
    case 'enrolment.role-required':
      return msg('Choose your role: mentor, mentee or either.', {
        id: 'errors.enrolment.role-required',
      });
    case 'profile.unknown-skills':
      return msg('Some of the skills are not offered any more. Please choose again.', {
        id: 'errors.profile.unknown-skills',
      });
    case 'preferences.inbox-required':
      return msg('The in-app inbox cannot be turned off.', {
        id: 'errors.preferences.inbox-required',
      });
    case 'preferences.unknown-channel':
      return msg('This way of being notified is not offered here.', {
        id: 'errors.preferences.unknown-channel',
      });
    case 'preferences.email-from-account':
      return msg('Your email address comes from your organisation account.', {
        id: 'errors.preferences.email-from-account',
      });
    case 'preferences.address': {
      const channel = String(params.channel ?? '');
      return msg(str`This address cannot be used for ${channel}.`, {
        id: 'errors.preferences.address',
      });
    }
    case 'profile.exclude-self':
      return msg('You cannot exclude yourself.', { id: 'errors.profile.exclude-self' });
    case 'profile.exclude-unknown':
      return msg('Someone you excluded is not known to Tandem.', {
        id: 'errors.profile.exclude-unknown',
      });
    default:
      return undefined;
  }
}

function meetings(code: string) {
  switch (code) {
    case 'meeting.over':
      return msg('This meeting is over or cancelled.', { id: 'errors.meeting.over' });
    case 'meeting.changed':
      return msg('This meeting has changed in the meantime. Please answer the new time.', {
        id: 'errors.meeting.changed',
      });
    case 'meeting.too-soon':
      return msg('Please propose a time at least an hour from now.', {
        id: 'errors.meeting.too-soon',
      });
    case 'time.no-longer-fits':
      return msg('This time no longer fits. Please choose another one.', {
        id: 'errors.time.no-longer-fits',
      });
    case 'time.no-search':
      return msg('Your tandem is not looking for a time.', { id: 'errors.time.no-search' });
    case 'time.after-end':
      return msg('Please propose times before the programme ends.', {
        id: 'errors.time.after-end',
      });
    case 'time.busy':
      return msg('One of you has another meeting at that time.', { id: 'errors.time.busy' });
    default:
      return undefined;
  }
}

function plan(code: string) {
  switch (code) {
    case 'session.not-found':
      return msg('This session is not in your plan any more.', {
        id: 'errors.session.not-found',
      });
    case 'session.not-planned':
      return msg('This session is no longer planned.', { id: 'errors.session.not-planned' });
    case 'plan.order-incomplete':
      return msg('The plan changed in the meantime. Please reload the page.', {
        id: 'errors.plan.order-incomplete',
      });
    case 'homework.not-found':
      return msg('This task is not on your list any more.', { id: 'errors.homework.not-found' });
    case 'homework.lunch':
      return msg('A lunch round has no homework.', { id: 'errors.homework.lunch' });
    case 'feedback.not-done':
      return msg('Feedback follows a session that took place: mark it as done first.', {
        id: 'errors.feedback.not-done',
      });
    case 'question.not-author':
      return msg('Only the person who asked a question can reword it.', {
        id: 'errors.question.not-author',
      });
    case 'note.not-author':
      return msg('Only the author of a note can change or delete it.', {
        id: 'errors.note.not-author',
      });
    case 'pair.not-active':
      return msg('This tandem has ended already.', { id: 'errors.pair.not-active' });
    default:
      return undefined;
  }
}

function requests(code: string, params: ErrorParams) {
  switch (code) {
    case 'self-service.off':
      return msg('In this programme, HR forms the tandems; you cannot choose yourself.', {
        id: 'errors.self-service.off',
      });
    case 'self-service.no-suggestions':
      return msg('This programme makes no suggestions.', {
        id: 'errors.self-service.no-suggestions',
      });
    case 'request.invalid-partner':
      return msg('This person does not take part in this programme.', {
        id: 'errors.request.invalid-partner',
      });
    case 'request.partner-taken':
      return msg('This person has a tandem already.', { id: 'errors.request.partner-taken' });
    case 'request.have-tandem':
      return msg('You have a tandem already.', { id: 'errors.request.have-tandem' });
    case 'request.waiting':
      return msg('Your request is still waiting for an answer.', {
        id: 'errors.request.waiting',
      });
    case 'request.not-pending':
      return requestState(params.state);
    default:
      return undefined;
  }
}

function requestState(state: string | number | undefined) {
  switch (state) {
    case 'accepted':
      return msg('This request was accepted already.', { id: 'errors.request.accepted' });
    case 'declined':
      return msg('This request was declined already.', { id: 'errors.request.declined' });
    case 'withdrawn':
      return msg('This request was withdrawn.', { id: 'errors.request.withdrawn' });
    default:
      return msg('This request has expired.', { id: 'errors.request.expired' });
  }
}

function review(code: string) {
  switch (code) {
    case 'match.forbid-invalid':
      return msg('Choose two different people of this programme.', {
        id: 'errors.match.forbid-invalid',
      });
    case 'match.swap-invalid':
      return msg(
        'Swapping needs two people on the same side of two different pairs that are not published.',
        { id: 'errors.match.swap-invalid' },
      );
    case 'match.not-editable':
      return msg('This pair cannot be changed here any more.', {
        id: 'errors.match.not-editable',
      });
    case 'publish.wrong-state':
      return msg('This programme has no pairs to publish now.', {
        id: 'errors.publish.wrong-state',
      });
    case 'publish.nothing':
      return msg('There is nothing to publish.', { id: 'errors.publish.nothing' });
    case 'matching.programme-closed':
      return msg('The programme is closed; it is not matched any more.', {
        id: 'errors.matching.programme-closed',
      });
    case 'matching.run-busy':
      return msg('Matching for this programme is already under way.', {
        id: 'errors.matching.run-busy',
      });
    default:
      return undefined;
  }
}

/** The programme's hard rule refusing a pair; `levels` is how far it reaches. */
function reportingLine(code: string, params: ErrorParams) {
  const levels = typeof params.levels === 'number' ? params.levels : 2;
  switch (code) {
    case 'match.reporting-line':
      return msg(
        str`One of them is in the other's reporting line (up to ${levels} levels of management); this programme never pairs them.`,
        { id: 'errors.match.reporting-line' },
      );
    case 'request.reporting-line':
      return msg(
        str`This person is in your reporting line (up to ${levels} levels of management); this programme does not pair you.`,
        { id: 'errors.request.reporting-line' },
      );
    default:
      return undefined;
  }
}

function programme(code: string) {
  switch (code) {
    case 'skill.exists':
      return msg('There is a skill with this key already.', { id: 'errors.skill.exists' });
    case 'token.expiry-past':
      return msg('The expiry date must lie in the future.', { id: 'errors.token.expiry-past' });
    case 'programme.closed':
      return msg('A closed programme cannot be changed.', { id: 'errors.programme.closed' });
    case 'programme.transition':
      return msg('The programme cannot go to this step from where it is now.', {
        id: 'errors.programme.transition',
      });
    case 'programme.enrolment-window':
      return msg('Enrolment must close after it opens.', {
        id: 'errors.programme.enrolment-window',
      });
    case 'programme.no-curriculum':
      return msg('This curriculum is not available on this server.', {
        id: 'errors.programme.no-curriculum',
      });
    case 'programme.wrong-kind':
      return msg('This curriculum does not suit this kind of programme.', {
        id: 'errors.programme.wrong-kind',
      });
    case 'plugin-failed':
      return msg('A plugin of this server did not answer. Please try again later.', {
        id: 'errors.plugin-failed',
      });
    default:
      return undefined;
  }
}

function byStatus(status: number, params: ErrorParams): string {
  if (status === 401) return msg('Please sign in again.', { id: 'errors.signed-out' });
  if (status === 403) return msg('You may not do this.', { id: 'errors.forbidden' });
  if (status === 404)
    return msg('This does not exist (any more), or you cannot see it.', {
      id: 'errors.not-found',
    });
  if (status === 409)
    return msg('This changed in the meantime. Please reload the page and try again.', {
      id: 'errors.conflict',
    });
  if (status === 429)
    return msg('Too many requests. Please wait a moment and try again.', {
      id: 'errors.too-many',
    });
  if (status < 500)
    return msg('This was not accepted. Please check your entries.', { id: 'errors.invalid' });
  const request = params.requestId;
  return request === undefined
    ? msg('Something went wrong on our side. Please try again.', { id: 'errors.server' })
    : msg(
        str`Something went wrong on our side. Please try again; if it happens again, quote request ${String(request)}.`,
        { id: 'errors.server.request' },
      );
}
