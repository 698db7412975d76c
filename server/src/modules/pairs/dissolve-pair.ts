import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { REMATCH } from '../../jobs/rematch.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Match } from '../matching/match.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { cancelUpcomingMeetings } from '../meetings/meeting-planner.js';
import { activeChannels } from '../notifications/active-channels.js';
import { homePage } from '../notifications/app-page.js';
import { notify } from '../notifications/notify.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { DissolveReason } from './dissolve-reasons.js';
import { dissolvedText } from './pair-texts.js';

export interface DissolveOptions {
  /** Why, for admins only; never told to the members. */
  reason?: string | undefined;
  /** An admin's reason as a code, kept for admins like the reason. */
  reasonCode?: DissolveReason | undefined;
  now?: Date;
  /** Find the others a new partner at once; by default as the programme's `rematchAtOnce` says. */
  rematchAtOnce?: boolean;
}

/** States a member has seen their pair in; a proposal is nobody's business but the admins'. */
const WAS_PUBLISHED = new Set<Match['state']>(['published', 'dissolved', 'ended']);

/**
 * Dissolves a pair that does not fit, discreetly: the reason (optional) is kept for admins
 * only. In one transaction its meetings ahead are cancelled (calendars remove them), the
 * partner is told kindly — without the reason — and, where the programme rematches at once, a
 * job finds both someone new; otherwise both stay enrolled for the next run, never to meet each
 * other again, since dissolved pairs count as history.
 *
 * @param by the member reporting the mismatch, or an admin (`admin: true`) for any pair; an
 *   admin's dissolving is told to every member.
 * @throws ServiceError not-found for a pair the person is not in (or that was never published);
 *   conflict for one dissolved or ended already — a report sent twice dissolves it once.
 */
export async function dissolvePair(
  deps: MeetingDependencies,
  by: { userId: string; admin: boolean },
  matchId: string,
  options: DissolveOptions = {},
): Promise<void> {
  const now = options.now ?? deps.now();
  await deps.em.fork().transactional(async (em) => {
    const match = await dissolvable(em, by, matchId);
    em.assign(match, {
      state: 'dissolved',
      dissolvedAt: now,
      dissolvedReason: options.reason?.trim() || null,
      dissolvedReasonCode: options.reasonCode ?? null,
    });
    await em.flush();
    const rematchAtOnce = options.rematchAtOnce ?? programmeSettings(match.programme).rematchAtOnce;
    await cancelUpcomingMeetings(deps, em, match, now);
    await tellPartners(deps, em, match, by.userId, rematchAtOnce);
    if (rematchAtOnce)
      await enqueueJob(em, REMATCH, {
        programmeId: match.programme.id,
        enrolmentIds: match.members.getItems().map((member) => member.enrolment.id),
      });
  });
  await recordAudit(deps.em, {
    action: 'pair.dissolved',
    actorId: by.userId,
    targetType: 'match',
    targetId: matchId,
    // The reason stays on the match, where only admin routes read it.
    data: { by: by.admin ? 'admin' : 'member' },
  });
}

/** The pair, locked, so that of reports at once only the first finds it published. */
async function dissolvable(
  em: EntityManager,
  by: { userId: string; admin: boolean },
  matchId: string,
): Promise<Match> {
  const [match] = await lockRows(em, Match, [matchId]);
  if (!match || !WAS_PUBLISHED.has(match.state))
    throw new ServiceError('not-found', 'No such pair.');
  await em.populate(match, ['programme', 'members.enrolment.user']);
  const members = match.members.getItems();
  if (!by.admin && !members.some((member) => member.enrolment.user.id === by.userId))
    throw new ServiceError('not-found', 'No such pair.');
  if (match.state !== 'published')
    throw new ServiceError('conflict', `This pair is ${match.state} already.`, 'pair.not-active', {
      state: match.state,
    });
  return match;
}

async function tellPartners(
  deps: MeetingDependencies,
  em: EntityManager,
  match: Match,
  reporterId: string,
  rematchAtOnce: boolean,
): Promise<void> {
  const users = match.members.getItems().map((member) => member.enrolment.user);
  const drafts = users
    .filter((user) => user.id !== reporterId)
    .map((user) => ({
      recipient: user,
      subject: `match:${match.id}:dissolved`,
      kind: 'notice' as const,
      programme: match.programme,
      render: (locale: 'de' | 'en') => {
        const partners = users.filter((other) => other !== user).map((other) => other.name);
        const facts = {
          name: user.name,
          partners: partners.join(', '),
          programme: match.programme.name,
        };
        return { ...dissolvedText(locale, facts, rematchAtOnce), link: homePage };
      },
    }));
  await notify(em, drafts, activeChannels(deps.plugins));
}
