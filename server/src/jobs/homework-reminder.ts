import type { Task } from 'graphile-worker';
import { remindOfHomework } from '../modules/meetings/homework-reminder.js';
import { meetingDependencies, type TaskDependencies } from './task-dependencies.js';

export { HOMEWORK_REMINDER } from '../modules/meetings/meeting-planner.js';

/** Reminds of open homework, `homeworkReminderHours` before a meeting; `{ meetingId }`. */
export function homeworkReminderTask(deps: TaskDependencies): Task {
  return async (payload) => {
    await remindOfHomework(meetingDependencies(deps), (payload as { meetingId: string }).meetingId);
  };
}
