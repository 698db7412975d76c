/** The channel that is the inbox in the app; the server writes it for every notification. */
export const IN_APP = 'in-app';

/**
 * The channels a programme's notifications go out on: those its settings name that this
 * server runs (the inbox always), in the settings' order.
 *
 * @param running the channels the server runs besides the inbox (`/api/site`).
 */
export function channelsTold(offered: readonly string[], running: readonly string[]): string[] {
  const active = new Set([IN_APP, ...running]);
  return offered.filter((channel) => active.has(channel));
}
