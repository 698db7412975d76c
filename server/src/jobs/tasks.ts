import type { TaskList } from 'graphile-worker';

/**
 * Every background task, by identifier. One task per file in this folder; each feature issue
 * adds its own (sending a delivery, planning meetings, reminders, retention).
 */
export const tasks: TaskList = {};
