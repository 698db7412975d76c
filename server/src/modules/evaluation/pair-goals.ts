import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import { ServiceError } from '../../service-error.js';
import { Match } from '../matching/match.js';
import { membership } from '../pairs/pair-membership.js';
import { PairSession } from '../pairs/pair-session.js';
import { PairGoal } from './pair-goal.js';
import { PairGoalProgress } from './pair-goal-progress.js';
import type {
  GoalChange,
  GoalMarkInput,
  GoalMarkView,
  GoalView,
  NewGoal,
} from './pair-goal-schemas.js';

/** How many goals a pair keeps at once: enough to work on, few enough to keep in view. */
export const MAX_ACTIVE_GOALS = 10;

/** The pair's goals in their order, each with its state and marks; only its members get here. */
export async function listGoals(
  em: EntityManager,
  userId: string,
  matchId: string,
): Promise<GoalView[]> {
  const fork = em.fork();
  const { match } = await membership(fork, userId, matchId);
  const goals = await fork.find(
    PairGoal,
    { match, removedAt: null },
    { orderBy: { position: 'asc', createdAt: 'asc' } },
  );
  return views(fork, goals, userId);
}

/**
 * Adds a goal of the pair's own, after the others.
 *
 * @throws ServiceError not-found; invalid for a blank text; conflict for a lunch group or a pair
 *   with {@link MAX_ACTIVE_GOALS} goals.
 */
export async function addGoal(
  em: EntityManager,
  userId: string,
  matchId: string,
  input: NewGoal,
): Promise<GoalView> {
  const text = goalText(input.text);
  return em.fork().transactional(async (tx) => {
    const { match } = await membership(tx, userId, matchId);
    if (match.programme.kind === 'peer-lunch')
      throw new ServiceError('conflict', 'Lunch groups have no goals.', 'goal.lunch');
    // Locked so that two goals added at once cannot pass the limit together.
    await lockRows(tx, Match, [match.id]);
    const active = await tx.count(PairGoal, { match, removedAt: null });
    if (active >= MAX_ACTIVE_GOALS)
      throw new ServiceError(
        'conflict',
        `A pair has at most ${MAX_ACTIVE_GOALS} goals: remove one first.`,
        'goal.limit',
        { max: MAX_ACTIVE_GOALS },
      );
    const goal = tx.create(PairGoal, {
      match,
      text,
      origin: 'pair',
      position: await nextPosition(tx, match),
      createdBy: userId,
    });
    await tx.flush();
    return view(goal, [], userId);
  });
}

/** Rewords a goal; its marks stay. @throws ServiceError not-found, invalid for a blank text. */
export async function changeGoal(
  em: EntityManager,
  userId: string,
  matchId: string,
  goalId: string,
  change: GoalChange,
): Promise<GoalView> {
  const text = goalText(change.text);
  const fork = em.fork();
  const goal = await activeGoal(fork, userId, matchId, goalId);
  goal.text = text;
  await fork.flush();
  const [changed] = await views(fork, [goal], userId);
  return changed as GoalView;
}

/** Takes a goal out of view; its history stays for the reports. @throws ServiceError not-found. */
export async function removeGoal(
  em: EntityManager,
  userId: string,
  matchId: string,
  goalId: string,
): Promise<void> {
  const fork = em.fork();
  const goal = await activeGoal(fork, userId, matchId, goalId);
  goal.removedAt = new Date();
  await fork.flush();
}

/**
 * Marks progress on a goal: a level, an optional note, optionally at a session of the pair's
 * plan. The new mark is the goal's state.
 *
 * @throws ServiceError not-found; invalid for a session that is not the pair's.
 */
export async function markProgress(
  em: EntityManager,
  userId: string,
  matchId: string,
  goalId: string,
  input: GoalMarkInput,
): Promise<GoalView> {
  const fork = em.fork();
  const goal = await activeGoal(fork, userId, matchId, goalId);
  const session = input.sessionId
    ? await fork.findOne(PairSession, { id: input.sessionId, match: goal.match })
    : null;
  if (input.sessionId && !session)
    throw new ServiceError(
      'invalid',
      'The session is not one of this pair’s plan.',
      'goal.session-unknown',
    );
  fork.create(PairGoalProgress, {
    goal,
    session,
    level: input.level,
    note: input.note?.trim() || null,
    author: userId,
  });
  await fork.flush();
  const [marked] = await views(fork, [goal], userId);
  return marked as GoalView;
}

/** A goal of the pair, not removed. @throws ServiceError not-found. */
async function activeGoal(
  em: EntityManager,
  userId: string,
  matchId: string,
  goalId: string,
): Promise<PairGoal> {
  const { match } = await membership(em, userId, matchId);
  const goal = await em.findOne(PairGoal, { id: goalId, match, removedAt: null });
  if (!goal) throw new ServiceError('not-found', 'No such goal in this pair.', 'goal.not-found');
  return goal;
}

/** The text as stored; the schema bounds its length, blanks are refused here. */
function goalText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new ServiceError('invalid', 'A goal needs some words.', 'goal.blank');
  return trimmed;
}

/** After every goal the pair ever had, removed ones too: positions are never reused. */
export async function nextPosition(em: EntityManager, match: Match): Promise<number> {
  const [last] = await em.find(PairGoal, { match }, { orderBy: { position: 'desc' }, limit: 1 });
  return last ? last.position + 1 : 0;
}

async function views(em: EntityManager, goals: PairGoal[], userId: string): Promise<GoalView[]> {
  const marks = goals.length
    ? await em.find(
        PairGoalProgress,
        { goal: { $in: goals } },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      )
    : [];
  return goals.map((goal) =>
    view(
      goal,
      marks.filter((mark) => mark.goal.id === goal.id),
      userId,
    ),
  );
}

/** `marks` newest first: the first is the goal's state. */
function view(goal: PairGoal, marks: PairGoalProgress[], userId: string): GoalView {
  const markViews = marks.map(
    (mark): GoalMarkView => ({
      id: mark.id,
      level: mark.level,
      note: mark.note ?? null,
      sessionId: mark.session?.id ?? null,
      mine: mark.author?.id === userId,
      createdAt: mark.createdAt.toISOString(),
    }),
  );
  const [latest] = markViews;
  return {
    id: goal.id,
    text: goal.text,
    origin: goal.origin,
    position: goal.position,
    level: latest?.level ?? null,
    note: latest?.note ?? null,
    marks: markViews,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}
