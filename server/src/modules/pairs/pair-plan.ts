import type { EntityManager } from '@mikro-orm/postgresql';
import { Type } from '@sinclair/typebox';
import {
  type GlossaryEntry,
  type Locale,
  type SessionPlan,
  SessionPlanSchema,
} from '@tandem/plugin-sdk';
import type { Log } from '../../logger.js';
import { invokePlugin } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { CURRICULUM_TIME_LIMIT_MS, glossaryOf } from '../curricula/curriculum-gallery.js';
import { Match } from '../matching/match.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { type Membership, membership } from './pair-membership.js';
import type { PairSessionView, PairView } from './pair-schemas.js';
import { PairSession } from './pair-session.js';
import { SessionFeedback } from './session-feedback.js';

export interface PairPlanDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  log: Log;
}

/**
 * Gives a published pair its own plan: the sessions of its programme's curriculum, in the
 * pair's language, copied so that the pair can tailor them while the template stays intact.
 * A pair that has a plan keeps it.
 *
 * @returns how many sessions the pair has.
 * @throws ServiceError not-found for an unknown match, conflict when its curriculum is not active;
 *   PluginCallError when the curriculum fails to answer.
 */
export async function createPairPlan(deps: PairPlanDependencies, matchId: string): Promise<number> {
  const em = deps.em.fork();
  const match = await em.findOne(Match, matchId, {
    populate: ['programme', 'members.enrolment.user'],
  });
  if (!match) throw new ServiceError('not-found', 'No such pair.');
  const existing = await em.count(PairSession, { match });
  if (existing) return existing;
  const { programme } = match;
  const curriculum = deps.plugins.get('curriculum', programme.curriculum);
  if (!curriculum)
    throw new ServiceError('conflict', `The curriculum ${programme.curriculum} is not active.`);
  const locale = pairLocale(match);
  const { definition, config } = curriculum;
  const ctx = pluginContext({ name: definition.name, config }, { em, log: deps.log });
  const plans = await invokePlugin<SessionPlan[]>({
    plugin: definition.name,
    operation: 'sessions',
    timeoutMs: CURRICULUM_TIME_LIMIT_MS,
    output: Type.Array(SessionPlanSchema),
    call: () =>
      definition.sessions(
        locale,
        {
          id: programme.id,
          kind: programme.kind,
          goals: programmeSettings(programme).goals,
          language: locale,
        },
        ctx,
      ),
  });
  for (const [position, plan] of plans.entries())
    em.create(PairSession, fromPlan(match, plan, position));
  await em.flush();
  return plans.length;
}

/**
 * The glossary of the pair's curriculum in the pair's language, for the Q&A game; empty when
 * the curriculum has none or is no longer active.
 *
 * @throws ServiceError not-found for someone outside the pair.
 */
export async function pairGlossary(
  deps: PairPlanDependencies,
  userId: string,
  matchId: string,
): Promise<GlossaryEntry[]> {
  const em = deps.em.fork();
  const { match } = await membership(em, userId, matchId);
  const curriculum = deps.plugins.get('curriculum', match.programme.curriculum);
  return curriculum ? glossaryOf({ ...deps, em }, curriculum, pairLocale(match)) : [];
}

/** The pair with its plan, for one of its members. @throws ServiceError not-found. */
export async function getPair(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<PairView> {
  const fork = em.fork();
  return pairView(fork, await membership(fork, userId, matchId), userId);
}

/** The published pairs a person is in, each with its plan. */
export async function listMyPairs(em: EntityManager, userId: string): Promise<PairView[]> {
  const fork = em.fork();
  const matches = await fork.find(
    Match,
    { state: 'published', members: { enrolment: { user: userId } } },
    { orderBy: { publishedAt: 'desc' } },
  );
  const pairs: PairView[] = [];
  for (const match of matches)
    pairs.push(await pairView(fork, await membership(fork, userId, match.id), userId));
  return pairs;
}

export async function pairView(
  em: EntityManager,
  { match, me, partners }: Membership,
  userId: string,
): Promise<PairView> {
  const sessions = await em.find(PairSession, { match }, { orderBy: { position: 'asc' } });
  const feedback = await em.find(SessionFeedback, { session: { $in: sessions }, author: userId });
  const mine = new Map(feedback.map((f) => [f.session.id, f]));
  return {
    id: match.id,
    programme: { id: match.programme.id, name: match.programme.name, kind: match.programme.kind },
    myRole: me.role,
    partners: partners.map(({ role, enrolment: { user } }) => ({
      name: user.name,
      department: user.department ?? null,
      title: user.title ?? null,
      role,
    })),
    staleSince: match.staleSince?.toISOString() ?? null,
    sessions: sessions.map((session) => sessionView(session, mine.get(session.id))),
  };
}

export function sessionView(session: PairSession, feedback?: SessionFeedback): PairSessionView {
  return {
    id: session.id,
    position: session.position,
    title: session.title,
    goal: session.goal,
    agenda: session.agenda,
    tutorials: session.tutorials,
    homework: session.homework,
    durationMinutes: session.durationMinutes,
    // Declared as a double; the driver may hand it over as text.
    offsetWeeks: Number(session.offsetWeeks),
    milestone: session.milestone ?? null,
    status: session.status,
    addedByPair: session.addedByPair,
    myFeedback: feedback ? { rating: feedback.rating, comment: feedback.comment ?? null } : null,
  };
}

/** English when every partner chose English, German otherwise: the organisation's language. */
function pairLocale(match: Match): Locale {
  const locales = match.members.getItems().map((member) => member.enrolment.user.locale);
  return locales.length > 0 && locales.every((locale) => locale === 'en') ? 'en' : 'de';
}

function fromPlan(match: Match, plan: SessionPlan, position: number) {
  const items = (texts: string[]) => texts.map((text) => ({ text, done: false }));
  return {
    match,
    position,
    title: plan.title,
    goal: plan.goal,
    agenda: plan.agenda,
    tutorials: plan.tutorials,
    homework: { mentor: items(plan.homework.mentor), mentee: items(plan.homework.mentee) },
    durationMinutes: plan.durationMinutes,
    offsetWeeks: plan.offsetWeeks,
    milestone: plan.milestone ?? null,
  };
}
