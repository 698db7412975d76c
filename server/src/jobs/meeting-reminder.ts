import type { Task } from 'graphile-worker';
import { remindOfMeeting } from '../modules/meetings/meeting-follow-up.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

export { MEETING_REMINDER } from '../modules/meetings/meeting-planner.js';

/** Reminds a pair of its meeting, at the programme's `reminderHours` before it; `{ meetingId }`. */
export function meetingReminderTask(deps: TaskDependencies): Task {
  return async (payload) => {
    await remindOfMeeting(meetingDependencies(deps), (payload as { meetingId: string }).meetingId);
  };
}
