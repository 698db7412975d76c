import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Programme } from '../programmes/programme.js';
import type { StrategyDependencies } from './ask-strategy.js';
import { Match } from './match.js';
import { MatchForbid } from './match-forbid.js';
import { MatchMember } from './match-member.js';
import { mustBeApart } from './reporting-line.js';
import { rescoreMatches } from './rescore-matches.js';

export interface HandMadeMember {
  enrolmentId: string;
  role: 'mentor' | 'mentee' | 'peer';
}

/**
 * Pairs people an admin chose, all of them without a current match, as a proposal (or pinned),
 * scored with the programme's strategy as a run would score it; undoing a forbid brings its
 * pair back this way.
 *
 * @returns the new match's id. @throws ServiceError invalid for people who are not active
 *   enrolments of the programme or take a side they did not enrol for; conflict for anyone in a
 *   match already, two people an admin forbade to meet, or two in one reporting line (a
 *   hard rule like a forbid: only the programme's setting turns it off).
 */
export async function pairByHand(
  deps: StrategyDependencies,
  em: EntityManager,
  actorId: string,
  programmeId: string,
  members: HandMadeMember[],
  pinned: boolean,
): Promise<string> {
  const id = await em.fork().transactional(async (tx) => {
    const programme = await tx.findOne(Programme, programmeId);
    if (!programme) throw new ServiceError('not-found', 'No such programme.');
    await mayPair(tx, programmeId, members);
    await mustBeApart(tx, programme, [members.map((m) => m.enrolmentId)], 'match.reporting-line');
    const match = tx.create(Match, { programme, state: pinned ? 'pinned' : 'proposed' });
    for (const { enrolmentId, role } of members)
      tx.create(MatchMember, { match, enrolment: enrolmentId, role });
    await tx.flush();
    await rescoreMatches(deps, tx, programme, [match]);
    await tx.flush();
    return match.id;
  });
  await recordAudit(em, {
    action: 'matching.paired',
    actorId,
    targetType: 'match',
    targetId: id,
    data: { programmeId, enrolmentIds: members.map((m) => m.enrolmentId) },
  });
  return id;
}

async function mayPair(em: EntityManager, programmeId: string, members: HandMadeMember[]) {
  const ids = members.map((m) => m.enrolmentId);
  const enrolments = await em.find(Enrolment, {
    id: { $in: ids },
    programme: programmeId,
    state: 'active',
  });
  const byId = new Map(enrolments.map((e) => [e.id, e]));
  const fits = members.every(({ enrolmentId, role }) => {
    const side = byId.get(enrolmentId)?.role;
    return side !== undefined && (role === 'peer' || side === 'either' || side === role);
  });
  if (new Set(ids).size !== ids.length || !fits)
    throw new ServiceError(
      'invalid',
      'A pair needs different active participants of this programme, each on the side they enrolled for.',
    );
  const placed = await em.count(MatchMember, {
    enrolment: { $in: ids },
    match: { state: { $in: ['proposed', 'pinned', 'published'] } },
  });
  if (placed > 0) throw new ServiceError('conflict', 'Someone of them is in a pair already.');
  const forbidden = await em.count(MatchForbid, { first: { $in: ids }, second: { $in: ids } });
  if (forbidden > 0)
    throw new ServiceError('conflict', 'An admin ruled out that these two share a pair.');
}
