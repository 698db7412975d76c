import type { Task } from 'graphile-worker';
import { attemptDelivery } from '../modules/notifications/delivery-attempt.js';
import type { TaskDependencies } from './task-dependencies.js';

export { DELIVER_NOTIFICATION } from '../modules/notifications/notify.js';

/**
 * Sends one delivery. A job of its own per delivery, so one slow or failing channel never holds
 * up another; retries are planned by the delivery itself, with the channel's own pause.
 */
export function deliverNotificationTask(deps: TaskDependencies): Task {
  return async (payload) => {
    const { deliveryId } = payload as { deliveryId: string };
    await attemptDelivery(
      {
        em: deps.orm.em,
        plugins: deps.plugins,
        log: deps.log,
        publicUrl: deps.settings.publicUrl,
        secrets: deps.settings.channelSecrets,
      },
      deliveryId,
    );
  };
}
