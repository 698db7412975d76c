import type { EntityManager } from '@mikro-orm/postgresql';
import { type OutgoingMessage, type SendResult, SendResultSchema } from '@tandem/plugin-sdk';
import { enqueueJob } from '../../jobs/enqueue-job.js';
import type { Log } from '../../logger.js';
import { invokePlugin, PluginCallError } from '../../plugin-host/invoke-plugin.js';
import { pluginContext } from '../../plugin-host/plugin-context.js';
import type { ActivePlugin, PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { describeProblem, instanceConfig } from '../channels/instance-config.js';
import type { SecretSource } from '../channels/secret-reference.js';
import type { DeliveryState } from './delivery.js';
import type { NotificationKind } from './notification.js';
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
  /** Where channel instances' secret references are read. */
  secrets: SecretSource;
}

/**
 * What a send needs of a delivery, its notification and recipient: one row of one joined
 * statement. The ORM's `findOne` with `populate` cost about 1 ms of CPU per message for the
 * same data, a fifth of the whole send (pnpm bench invitations).
 */
interface DeliveryRow {
  id: string;
  channel: string;
  state: DeliveryState;
  attempts: number;
  kind: NotificationKind;
  locale: 'de' | 'en';
  title: string;
  text: string;
  link: string | null;
  calendar: string | null;
  recipient_id: string;
  recipient_name: string;
  email: string | null;
  channel_addresses: Record<string, string> | null;
  /** The channel instance the programme chose for this channel, if any, and whether it exists. */
  chosen_instance: string | null;
  instance_name: string | null;
  instance_config: Record<string, unknown> | null;
}

const LOAD_SQL = `
SELECT d.id, d.channel, d.state, d.attempts,
       n.kind, n.locale, n.title, n.text, n.link, n.calendar,
       u.id AS recipient_id, u.name AS recipient_name, u.email, u.channel_addresses,
       p.settings->'channelInstances'->>d.channel AS chosen_instance,
       ci.name AS instance_name, ci.config AS instance_config
FROM delivery d
JOIN notification n ON n.id = d.notification_id
JOIN app_user u ON u.id = n.recipient_id
LEFT JOIN programme p ON p.id = n.programme_id
LEFT JOIN channel_instance ci
  ON ci.id::text = p.settings->'channelInstances'->>d.channel AND ci.channel = d.channel
WHERE d.id = ?`;

// One statement, not a flush: a flush wraps even a single UPDATE in BEGIN … COMMIT, and the
// ORM's nativeUpdate builds its query for about 0.3 ms of CPU a message.
const UPDATE_SQL =
  'UPDATE delivery SET state = ?, attempts = ?, delivered_at = ?, last_error = ? WHERE id = ?';

/** What a delivery becomes after one attempt; `retryInSeconds` when it is to be tried again. */
interface Outcome {
  state: DeliveryState;
  attempts: number;
  deliveredAt: Date | null;
  lastError: string | null;
  retryInSeconds?: number;
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
  // Plain statements only, no unit of work: nothing here needs the identity map, and a fork
  // per message is CPU the queue cannot spare.
  const { em } = deps;
  const [delivery]: DeliveryRow[] = await em.execute(LOAD_SQL, [deliveryId]);
  if (!delivery || delivery.state === 'delivered' || delivery.state === 'failed') return;
  const outcome = outcomeOf(delivery, await send(deps, delivery));
  if (outcome.retryInSeconds !== undefined)
    await enqueueJob(
      em,
      DELIVER_NOTIFICATION,
      { deliveryId },
      {
        runAt: new Date(Date.now() + outcome.retryInSeconds * 1000),
        jobKey: `delivery:${deliveryId}`,
      },
    );
  const { state, attempts, deliveredAt, lastError } = outcome;
  await em.execute(UPDATE_SQL, [state, attempts, deliveredAt, lastError, deliveryId]);
  if (state !== 'delivered')
    deps.log.warn(
      { deliveryId, channel: delivery.channel, state, reason: lastError },
      'delivery not sent',
    );
}

/** The delivery's next state after an attempt that ended with `result`. */
function outcomeOf(delivery: DeliveryRow, result: SendResult): Outcome {
  const attempts = delivery.attempts + 1;
  if (result.status === 'delivered')
    return { state: 'delivered', attempts, deliveredAt: new Date(), lastError: null };
  const failed = { state: 'failed', attempts, deliveredAt: null } as const;
  if (result.status === 'failed-permanently') return { ...failed, lastError: result.reason };
  if (attempts >= MAX_DELIVERY_ATTEMPTS)
    return { ...failed, lastError: `gave up after ${attempts} attempts: ${result.reason}` };
  return {
    state: 'retry-later',
    attempts,
    deliveredAt: null,
    lastError: result.reason,
    retryInSeconds: result.retryAfterSeconds ?? backoffSeconds(attempts),
  };
}

/** 30 s, 1 min, 2 min, … capped at 2 h: a mail server back after a restart gets it soon. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** (attempts - 1), 7200);
}

async function send(deps: DeliveryDependencies, delivery: DeliveryRow): Promise<SendResult> {
  const channel = deps.plugins.get('notification-channel', delivery.channel);
  if (!channel)
    return {
      status: 'failed-permanently',
      reason: `The channel ${delivery.channel} is not active on this server.`,
    };
  const { definition } = channel;
  const config = configFor(delivery, channel, deps.secrets);
  if ('problem' in config) return { status: 'failed-permanently', reason: config.problem };
  const message = outgoingMessage(delivery, deps.publicUrl);
  const ctx = pluginContext(
    { name: definition.name, config: config.config },
    { em: deps.em, log: deps.log },
  );
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

/**
 * The configuration to send with: the instance the programme chose, read now (so an admin's
 * change applies to the next send in every process), else the one from the environment.
 */
function configFor(
  delivery: DeliveryRow,
  channel: ActivePlugin<'notification-channel'>,
  secrets: SecretSource,
): { config: unknown } | { problem: string } {
  if (delivery.chosen_instance === null) return { config: channel.config };
  if (delivery.instance_config === null)
    return { problem: `The programme's ${delivery.channel} channel instance no longer exists.` };
  const resolved = instanceConfig(
    channel.definition.configSchema,
    delivery.instance_config,
    secrets,
  );
  if ('config' in resolved) return resolved;
  return {
    problem: `The ${delivery.channel} channel instance ${delivery.instance_name} cannot be used: ${describeProblem(resolved.problem)}.`,
  };
}

function outgoingMessage(delivery: DeliveryRow, publicUrl: string): OutgoingMessage {
  const link = delivery.link ? new URL(delivery.link, publicUrl).href : undefined;
  return {
    deliveryKey: delivery.id,
    recipient: {
      id: delivery.recipient_id,
      name: delivery.recipient_name,
      ...addressOf(delivery),
      // The language the message was written in, so a channel's own words match it.
      locale: delivery.locale,
    },
    kind: delivery.kind,
    subject: delivery.title,
    text: delivery.text,
    ...(delivery.calendar ? { calendar: delivery.calendar } : {}),
    ...(link ? { links: [{ label: delivery.title, url: link }] } : {}),
  };
}

/** The person's address on a channel: one they gave, else their email for `email`. */
function addressOf({ channel, channel_addresses, email }: DeliveryRow): { address?: string } {
  const address = channel_addresses?.[channel] ?? (channel === 'email' ? email : null);
  return address ? { address } : {};
}
