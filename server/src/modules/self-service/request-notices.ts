import { pairPage, partnersPage } from '../notifications/app-page.js';
import type { NotificationDraft } from '../notifications/notify.js';
import {
  acceptedText,
  askedText,
  declinedText,
  expiredText,
  type RequestFacts,
  takenText,
} from './self-service-texts.js';
import type { TandemRequest } from './tandem-request.js';

/**
 * What happened to a request, told to the one person it concerns: the person asked when it is
 * made; the asker when it is answered or runs out; and, when one of the two found a tandem by
 * another request, whichever of them is still free.
 */
export type RequestEvent = 'asked' | 'accepted' | 'declined' | 'expired' | 'taken';

const TEXTS = {
  asked: askedText,
  accepted: acceptedText,
  declined: declinedText,
  expired: expiredText,
  taken: takenText,
} satisfies Record<RequestEvent, unknown>;

/**
 * The notification about `request` (its people and programme loaded). It leads to the new
 * pair (`pairId`, when accepted) or to the suggestions, where the person answers or asks anew.
 *
 * @param paired for `taken`: the enrolments now in a tandem; the other person is told.
 */
export function requestNotice(
  request: TandemRequest,
  event: RequestEvent,
  { pairId, paired }: { pairId?: string; paired?: ReadonlySet<string> } = {},
): NotificationDraft {
  const [recipient, other] = peopleOf(request, event, paired);
  const programme = request.programme;
  return {
    recipient,
    subject: `tandem-request:${request.id}:${event}`,
    kind: event === 'accepted' ? 'match' : 'notice',
    programme,
    render: (locale) => {
      const facts: RequestFacts = {
        name: recipient.name,
        other: other.name,
        programme: programme.name,
        message: request.message ?? null,
      };
      const link = pairId ? pairPage(pairId) : partnersPage(programme.id);
      return { ...TEXTS[event](locale, facts), link };
    },
  };
}

/** [who is told, who it is about]. */
function peopleOf(request: TandemRequest, event: RequestEvent, paired?: ReadonlySet<string>) {
  const { from, to } = request;
  if (event === 'asked') return [to.user, from.user] as const;
  if (event === 'taken' && paired?.has(from.id)) return [to.user, from.user] as const;
  return [from.user, to.user] as const;
}
