import type { EntityManager } from '@mikro-orm/postgresql';
import { type OutgoingMessage, type SendResult, SendResultSchema } from '@tandem/plugin-sdk';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { Log } from '../../logger.js';
import { invokePlugin, PluginCallError } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import type { User } from '../users/user.js';
import { Delivery } from './delivery.js';
import type { Notification } from './notification.js';
import { DELIVER_NOTIFICATION } from './notify.js';

/** A channel that has not answered in this time is treated as a transient failure. */
export const SEND_TIME_LIMIT_MS = 30_000;

/** Transient failures are retried this often, with growing pauses, before a delivery fails. */
export const MAX_DELIVERY_ATTEMPTS = 12;

export interface DeliveryDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  log: Log;
  /** Where the app is reached, to turn a notification's link into a full URL. */
  publicUrl: string;
}

/**
 * Sends one delivery through its channel, once: a delivered or failed one is left alone, a
 * transient failure is tried again later (after the channel's `retryAfterSeconds` or a growing
 * pause) and gives up after {@link MAX_DELIVERY_ATTEMPTS}, a permanent one is marked failed with
 * the channel's reason for admins to see.
 */
export async function attemptDelivery(
  deps: DeliveryDependencies,
  deliveryId: string,
): Promise<void> {
  const em = deps.em.fork();
  const delivery = await em.findOne(Delivery, deliveryId, {
    populate: ['notification.recipient'],
  });
  if (!delivery || delivery.state === 'delivered' || delivery.state === 'failed') return;
  const result = await send(deps, em, delivery);
  delivery.attempts += 1;
  if (result.status === 'delivered') {
    em.assign(delivery, { state: 'delivered', deliveredAt: new Date(), lastError: null });
  } else if (result.status === 'failed-permanently') {
    em.assign(delivery, { state: 'failed', lastError: result.reason });
  } else if (delivery.attempts >= MAX_DELIVERY_ATTEMPTS) {
    em.assign(delivery, {
      state: 'failed',
      lastError: `gave up after ${delivery.attempts} attempts: ${result.reason}`,
    });
  } else {
    em.assign(delivery, { state: 'retry-later', lastError: result.reason });
    const pause = result.retryAfterSeconds ?? backoffSeconds(delivery.attempts);
    await enqueueJob(
      em,
      DELIVER_NOTIFICATION,
      { deliveryId },
      { runAt: new Date(Date.now() + pause * 1000), jobKey: `delivery:${deliveryId}` },
    );
  }
  // One UPDATE instead of a flush: a flush wraps even a single statement in BEGIN … COMMIT, two
  // more round trips and about a millisecond of CPU on every message (pnpm bench invitations).
  const { state, attempts, deliveredAt, lastError } = delivery;
  await em.nativeUpdate(Delivery, { id: deliveryId }, { state, attempts, deliveredAt, lastError });
  if (result.status !== 'delivered')
    deps.log.warn(
      { deliveryId, channel: delivery.channel, state: delivery.state, reason: delivery.lastError },
      'delivery not sent',
    );
}

/** 30 s, 1 min, 2 min, … capped at 2 h: a mail server back after a restart gets it soon. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 7200);
}

async function send(
  deps: DeliveryDependencies,
  em: EntityManager,
  delivery: Delivery,
): Promise<SendResult> {
  const channel = deps.plugins.get('notification-channel', delivery.channel);
  if (!channel)
    return {
      status: 'failed-permanently',
      reason: `The channel ${delivery.channel} is not active on this server.`,
    };
  const { definition, config } = channel;
  const message = outgoingMessage(delivery, deps.publicUrl);
  const ctx = pluginContext({ name: definition.name, config }, { em: em.fork(), log: deps.log });
  try {
    return await invokePlugin<SendResult>({
      plugin: definition.name,
      operation: 'send',
      timeoutMs: SEND_TIME_LIMIT_MS,
      output: SendResultSchema,
      call: () => definition.send(message, ctx),
    });
  } catch (error) {
    if (error instanceof PluginCallError) return { status: 'retry-later', reason: error.message };
    throw error;
  }
}

function outgoingMessage(delivery: Delivery, publicUrl: string): OutgoingMessage {
  const notification: Notification = delivery.notification;
  const { recipient } = notification;
  const link = notification.link ? new URL(notification.link, publicUrl).href : undefined;
  return {
    deliveryKey: delivery.id,
    recipient: {
      id: recipient.id,
      name: recipient.name,
      ...addressOf(recipient, delivery.channel),
      // The language the message was written in, so a channel's own words match it.
      locale: notification.locale,
    },
    kind: notification.kind,
    subject: notification.title,
    text: notification.text,
    ...(notification.calendar ? { calendar: notification.calendar } : {}),
    ...(link ? { links: [{ label: notification.title, url: link }] } : {}),
  };
}

/** The person's address on a channel: one they gave, else their email for `email`. */
function addressOf(user: User, channel: string): { address?: string } {
  const address = user.channelAddresses[channel] ?? (channel === 'email' ? user.email : null);
  return address ? { address } : {};
}
