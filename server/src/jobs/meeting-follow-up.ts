import type { Task } from 'graphile-worker';
import { followUpMeeting } from '../modules/meetings/meeting-follow-up.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

export { MEETING_FOLLOW_UP } from '../modules/meetings/meeting-planner.js';

/** When a meeting's time is over: feedback prompt, then the pair's next meeting; `{ meetingId }`. */
export function meetingFollowUpTask(deps: TaskDependencies): Task {
  return async (payload) => {
    await followUpMeeting(meetingDependencies(deps), (payload as { meetingId: string }).meetingId);
  };
}
