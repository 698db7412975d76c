import type { Task } from 'graphile-worker';
import { nudgeUnanswered } from '../modules/meetings/meeting-nudge.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

export { MEETING_NUDGE } from '../modules/meetings/meeting-planner.js';

/** Asks who has not answered an invitation, `nudgeAfterDays` after it; `{ meetingId }`. */
export function meetingNudgeTask(deps: TaskDependencies): Task {
  return async (payload) => {
    await nudgeUnanswered(meetingDependencies(deps), (payload as { meetingId: string }).meetingId);
  };
}
