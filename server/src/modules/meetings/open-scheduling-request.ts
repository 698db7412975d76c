import type { EntityManager } from '@mikro-orm/postgresql';
import type { Match } from '../matching/match.js';
import { activeChannels } from '../notifications/active-channels.js';
import { pairPage } from '../notifications/app-page.js';
import { type NotificationDraft, notify } from '../notifications/notify.js';
import type { PairSession } from '../pairs/pair-session.js';
import { findATimeText } from './find-a-time-texts.js';
import { type MeetingDependencies, others } from './meeting-notices.js';
import { SchedulingRequest } from './scheduling-request.js';
import { DEFAULT_HORIZON_DAYS } from './slot-finder.js';

/** How far ahead the planner looked, in the words of the message and the admin's list. */
export const HORIZON_WEEKS = DEFAULT_HORIZON_DAYS / 7;

/**
 * The planner found no common time for the session: the pair finds one together. Opens the
 * pair's search for this session (an open one for another session, skipped meanwhile, expires)
 * and tells every member once. Inside the caller's transaction, which holds the pair's row lock.
 */
export async function openSchedulingRequest(
  deps: Pick<MeetingDependencies, 'plugins' | 'organisation'>,
  em: EntityManager,
  match: Match,
  session: PairSession,
  now: Date,
): Promise<SchedulingRequest> {
  const open = await em.findOne(SchedulingRequest, { match, state: 'open' });
  if (open?.session.id === session.id) return open;
  if (open) {
    open.state = 'expired';
    open.closedAt = now;
    await em.flush();
  }
  const request = em.create(SchedulingRequest, { match, session, openedAt: now });
  await em.flush();
  await notify(
    em,
    askToFindATime(match, session, request),
    activeChannels(deps.plugins),
    deps.organisation,
  );
  return request;
}

function askToFindATime(
  match: Match,
  session: PairSession,
  request: SchedulingRequest,
): NotificationDraft[] {
  const users = match.members.getItems().map((member) => member.enrolment.user);
  return users.map((user) => ({
    recipient: user,
    subject: `scheduling:${request.id}`,
    kind: 'notice',
    programme: match.programme,
    render: (locale) => ({
      ...findATimeText(locale, {
        name: user.name,
        partners: others(users, user),
        title: session.title,
        weeks: HORIZON_WEEKS,
      }),
      link: pairPage(match.id),
    }),
  }));
}
