import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { CREATE_PAIR_PLAN } from '../../jobs/create-pair-plan.js';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import { ServiceError } from '../../service-error.js';
import { Match } from '../matching/match.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { markActive } from './pair-activity.js';
import { type Membership, membership } from './pair-membership.js';
import { pairView } from './pair-plan.js';
import type { NewSession, PairView, SessionChange } from './pair-schemas.js';
import { type HomeworkItem, PairSession, type SessionTranslations } from './pair-session.js';

/**
 * How a pair makes the plan its own: change, skip or complete a session, add one, reorder
 * them, write and tick off their homework. Every change is the pair's alone; the curriculum
 * it came from stays as it was. Each function returns the pair's whole plan afterwards.
 */

/**
 * Changes a session; one skipped or done makes the planner look at the plan again.
 *
 * @throws ServiceError not-found.
 */
export async function changeSession(
  em: EntityManager,
  userId: string,
  matchId: string,
  sessionId: string,
  change: SessionChange,
): Promise<PairView> {
  return tailor(em, userId, matchId, async (fork, pair) => {
    const session = await sessionOf(fork, pair, sessionId);
    fork.assign(session, { ...change, translations: keptTranslations(session, change) });
    if (change.status === 'done') markActive(pair.match, new Date());
    // Off the plan now, the session may have been the one the pair was looking for a time for:
    // the planner moves on to the next session (a meeting, or a search for that one).
    if (change.status === 'done' || change.status === 'skipped')
      await enqueueJob(fork, CREATE_PAIR_PLAN, { matchId }, { jobKey: `replan:${matchId}` });
  });
}

/**
 * The curriculum's translations a change leaves: a field the pair rewrote loses them, as their
 * words are in one language; one sent back as a version of the curriculum's keeps them.
 */
function keptTranslations(session: PairSession, change: SessionChange): SessionTranslations {
  const kept = { ...session.translations };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const field of ['title', 'goal', 'agenda'] as const) {
    const value = change[field];
    if (value === undefined) continue;
    const versions: unknown[] = Object.values(kept[field] ?? {});
    if (!versions.some((version) => same(version, value))) delete kept[field];
  }
  return kept;
}

/** Adds a session after another one, or at the end, a cadence after its predecessor. */
export async function addSession(
  em: EntityManager,
  userId: string,
  matchId: string,
  input: NewSession,
): Promise<PairView> {
  return tailor(em, userId, matchId, async (fork, pair) => {
    const sessions = await plan(fork, pair);
    const index = input.after
      ? sessions.findIndex((s) => s.id === input.after)
      : sessions.length - 1;
    if (input.after && index < 0)
      throw new ServiceError('not-found', 'No such session in this pair.', 'session.not-found');
    const before = sessions[index];
    const settings = programmeSettings(pair.match.programme);
    for (const later of sessions.slice(index + 1)) later.position += 1;
    fork.create(PairSession, {
      match: pair.match,
      position: index + 1,
      title: input.title,
      goal: input.goal ?? '',
      agenda: input.agenda ?? [],
      homework: { mentor: [], mentee: [] },
      durationMinutes: input.durationMinutes ?? settings.sessionMinutes,
      // After the one it follows: a cadence later at the end, in the same week in between.
      offsetWeeks:
        before === undefined
          ? 0
          : Number(before.offsetWeeks) + (input.after ? 0 : settings.cadenceWeeks),
      addedByPair: true,
    });
  });
}

/**
 * Puts the sessions in a new order. The timeline stays: the weeks go to the positions as
 * before, and the sessions move through them.
 *
 * @throws ServiceError invalid unless the ids are exactly the pair's sessions.
 */
export async function reorderSessions(
  em: EntityManager,
  userId: string,
  matchId: string,
  sessionIds: string[],
): Promise<PairView> {
  return tailor(em, userId, matchId, async (fork, pair) => {
    const sessions = await plan(fork, pair);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    if (sessionIds.length !== sessions.length || !sessionIds.every((id) => byId.has(id)))
      throw new ServiceError(
        'invalid',
        'sessionIds must list every session of the pair once.',
        'plan.order-incomplete',
      );
    const weeks = sessions.map((s) => Number(s.offsetWeeks));
    sessionIds.forEach((id, position) => {
      fork.assign(byId.get(id) as PairSession, { position, offsetWeeks: weeks[position] ?? 0 });
    });
  });
}

/** "We go on": a pair asked after weeks without a session says it continues. */
export async function continuePair(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<PairView> {
  return tailor(em, userId, matchId, async (_fork, pair) => {
    markActive(pair.match, new Date());
  });
}

/**
 * Rewrites one's own side of a session's homework; tasks kept by their text stay ticked, and
 * stay the curriculum's when they came from it.
 */
export async function writeHomework(
  em: EntityManager,
  userId: string,
  matchId: string,
  sessionId: string,
  texts: string[],
): Promise<PairView> {
  return tailor(em, userId, matchId, async (fork, pair) => {
    const session = await sessionOf(fork, pair, sessionId);
    const side = sideOf(pair);
    const before = session.homework[side];
    // A task kept as the curriculum worded it, in any of its languages, is still the
    // curriculum's (with its translations); any other is the pair's.
    const wordings = (item: HomeworkItem) => [item.text, ...Object.values(item.texts ?? {})];
    const find = (text: string) => before.find((item) => wordings(item).includes(text));
    const items = texts.map((text): HomeworkItem => {
      const old = find(text);
      const done = old?.done ?? false;
      if (!old || old.byPair) return { text, done, byPair: true };
      return old.texts ? { text, done, texts: old.texts } : { text, done };
    });
    session.homework = { ...session.homework, [side]: items };
  });
}

/** Ticks off (or un-ticks) a task of one's own side. @throws ServiceError not-found. */
export async function tickHomework(
  em: EntityManager,
  userId: string,
  matchId: string,
  sessionId: string,
  index: number,
  done: boolean,
): Promise<PairView> {
  return tailor(em, userId, matchId, async (fork, pair) => {
    const session = await sessionOf(fork, pair, sessionId);
    const side = sideOf(pair);
    const items = session.homework[side];
    if (!items[index])
      throw new ServiceError(
        'not-found',
        'No such homework task on your side.',
        'homework.not-found',
      );
    session.homework = {
      ...session.homework,
      [side]: items.map((item, i) => (i === index ? { ...item, done } : item)),
    };
  });
}

async function tailor(
  em: EntityManager,
  userId: string,
  matchId: string,
  change: (fork: EntityManager, pair: Membership) => Promise<void>,
): Promise<PairView> {
  return em.fork().transactional(async (tx) => {
    // The pair locked first: changes at once (two members, two tabs) are made one after the
    // other, each on the plan the last one left, so positions and homework stay whole.
    await lockRows(tx, Match, [matchId]);
    const pair = await membership(tx, userId, matchId);
    await change(tx, pair);
    await tx.flush();
    return pairView(tx, pair, userId);
  });
}

function plan(em: EntityManager, pair: Membership): Promise<PairSession[]> {
  return em.find(PairSession, { match: pair.match }, { orderBy: { position: 'asc' } });
}

async function sessionOf(
  em: EntityManager,
  pair: Membership,
  sessionId: string,
): Promise<PairSession> {
  const session = await em.findOne(PairSession, { id: sessionId, match: pair.match });
  if (!session)
    throw new ServiceError('not-found', 'No such session in this pair.', 'session.not-found');
  return session;
}

/** Peers in a lunch round have no homework side. */
function sideOf(pair: Membership): 'mentor' | 'mentee' {
  const { role } = pair.me;
  if (role === 'peer')
    throw new ServiceError(
      'conflict',
      'Peers in a lunch round have no homework.',
      'homework.lunch',
    );
  return role;
}
