import type { Static } from '@sinclair/typebox';
import type {
  GoalMarkInputSchema,
  GoalSchema,
} from '@tandem/server/schemas/modules/evaluation/pair-goal-schemas';
import { api } from './api-client.js';

export type PairGoal = Static<typeof GoalSchema>;
export type GoalMark = PairGoal['marks'][number];
export type GoalMarkInput = Static<typeof GoalMarkInputSchema>;

/** The levels of progress, from not started to reached. */
export const GOAL_LEVELS = [0, 1, 2, 3, 4] as const;
/** How many goals a pair keeps at once; the server refuses more. */
export const MAX_GOALS = 10;

const goalsPath = (pairId: string) => `/api/pairs/${encodeURIComponent(pairId)}/goals`;
const goalPath = (pairId: string, goalId: string) =>
  `${goalsPath(pairId)}/${encodeURIComponent(goalId)}`;

export const listGoals = (pairId: string, signal?: AbortSignal) =>
  api<PairGoal[]>(goalsPath(pairId), signal ? { signal } : {});

export const addGoal = (pairId: string, text: string) =>
  api<PairGoal>(goalsPath(pairId), { method: 'POST', body: { text } });

export const changeGoal = (pairId: string, goalId: string, text: string) =>
  api<PairGoal>(goalPath(pairId, goalId), { method: 'PATCH', body: { text } });

export const removeGoal = (pairId: string, goalId: string) =>
  api<void>(goalPath(pairId, goalId), { method: 'DELETE' });

export const markGoalProgress = (pairId: string, goalId: string, mark: GoalMarkInput) =>
  api<PairGoal>(`${goalPath(pairId, goalId)}/progress`, { method: 'POST', body: mark });
