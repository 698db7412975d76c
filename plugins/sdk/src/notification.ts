import { type Static, Type } from '@sinclair/typebox';
import { brand, type PluginBrand } from './brand.js';
import { LocaleSchema } from './common.js';
import type { PluginContext } from './context.js';
import {
  type ConfigOf,
  type ConfigSchema,
  checkDefinition,
  type PluginDefinitionBase,
} from './definition.js';

/** A message the host asks a notification channel to deliver to one person. */
export const OutgoingMessageSchema = Type.Object({
  deliveryKey: Type.String({
    minLength: 1,
    description:
      'Stable for one message to one recipient across retries: use it to avoid sending twice.',
  }),
  recipient: Type.Object({
    id: Type.String({ minLength: 1 }),
    name: Type.String(),
    address: Type.Optional(
      Type.String({ description: 'Channel-specific address, e.g. an email address.' }),
    ),
    locale: LocaleSchema,
  }),
  kind: Type.Union([
    Type.Literal('invitation'),
    Type.Literal('update'),
    Type.Literal('cancel'),
    Type.Literal('reminder'),
    Type.Literal('feedback'),
    Type.Literal('nudge'),
    Type.Literal('match'),
    Type.Literal('notice'),
  ]),
  subject: Type.String(),
  text: Type.String({ description: 'The message as plain text, already in the recipient locale.' }),
  html: Type.Optional(Type.String({ description: 'The message as an HTML fragment.' })),
  calendar: Type.Optional(
    Type.String({ description: 'An iCalendar object (text/calendar), e.g. a REQUEST or CANCEL.' }),
  ),
  links: Type.Optional(
    Type.Array(Type.Object({ label: Type.String(), url: Type.String({ minLength: 1 }) })),
  ),
});

/** A message the host asks a notification channel to deliver to one person. */
export type OutgoingMessage = Static<typeof OutgoingMessageSchema>;

/**
 * What a channel's `send()` reports: delivered; not now but try again (optionally after some
 * seconds); or never (the host stops retrying).
 */
export const SendResultSchema = Type.Union([
  Type.Object({ status: Type.Literal('delivered') }, { additionalProperties: false }),
  Type.Object(
    {
      status: Type.Literal('retry-later'),
      reason: Type.String(),
      retryAfterSeconds: Type.Optional(Type.Number({ minimum: 0 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { status: Type.Literal('failed-permanently'), reason: Type.String() },
    { additionalProperties: false },
  ),
]);

/**
 * What a channel's `send()` reports: `{ status: 'delivered' }`,
 * `{ status: 'retry-later', reason, retryAfterSeconds? }` or
 * `{ status: 'failed-permanently', reason }`.
 */
export type SendResult = Static<typeof SendResultSchema>;

/** What a plugin author writes to define a notification channel. */
export interface NotificationChannelDefinition<S extends ConfigSchema = ConfigSchema>
  extends PluginDefinitionBase<S> {
  /**
   * Delivers one message. Each send is a job of its own, so a failing channel never holds up
   * another. Its result is validated against {@link SendResultSchema}.
   */
  send(message: OutgoingMessage, ctx: PluginContext<ConfigOf<S>>): Promise<SendResult>;
  /**
   * Optional: why an address a person gives for this channel can never be delivered to (a
   * sentence the person reads), or undefined when it may be. The host asks when preferences are
   * saved and refuses them with the reason, an early answer; `send` must still check, since
   * configuration and DNS change after saving.
   */
  addressProblem?(address: string, config: ConfigOf<S>): string | undefined;
}

/** A notification channel as {@link defineNotificationChannel} returns it: frozen and branded. */
export type NotificationChannel<S extends ConfigSchema = ConfigSchema> = Readonly<
  NotificationChannelDefinition<S>
> &
  PluginBrand<'notification-channel'>;

/**
 * Defines a notification channel; make the result the default export of the plugin package.
 * The type of `ctx.config` is inferred from `configSchema`.
 *
 * @returns a frozen copy of the definition, branded as a `'notification-channel'`.
 * @throws TypeError when the name is not kebab-case, `send` is missing, or another field is
 *   malformed.
 */
export function defineNotificationChannel<S extends ConfigSchema>(
  definition: NotificationChannelDefinition<S>,
): NotificationChannel<S> {
  checkDefinition('defineNotificationChannel', definition, ['send']);
  return brand('notification-channel', definition);
}
