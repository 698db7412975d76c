import { type Static, Type } from '@sinclair/typebox';
import { DELIVERY_STATES } from './delivery.js';

const Id = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** One entry of a person's inbox. */
export const InboxEntrySchema = Type.Object({
  id: Id,
  kind: Type.String(),
  title: Type.String(),
  text: Type.String(),
  locale: Type.Union([Type.Literal('de'), Type.Literal('en')], {
    description: 'The language it was written in: the recipient’s when it was sent.',
  }),
  link: Nullable(Type.String()),
  createdAt: Time,
  readAt: Nullable(Time),
});

/** The newest entries of a person's inbox and how many are unread in all. */
export const InboxSchema = Type.Object({
  unread: Type.Integer({ minimum: 0 }),
  entries: Type.Array(InboxEntrySchema),
});
export type Inbox = Static<typeof InboxSchema>;

/** A delivery as admins see it: where it went, how it went, and why it failed. */
export const DeliverySchema = Type.Object({
  id: Id,
  channel: Type.String(),
  state: Type.Union(DELIVERY_STATES.map((state) => Type.Literal(state))),
  attempts: Type.Integer({ minimum: 0 }),
  lastError: Nullable(Type.String()),
  createdAt: Time,
  deliveredAt: Nullable(Time),
  kind: Type.String(),
  title: Type.String(),
  recipient: Type.Object({ id: Id, name: Type.String() }),
});
export type DeliveryView = Static<typeof DeliverySchema>;

export const DeliveryFilterSchema = Type.Object(
  {
    state: Type.Optional(Type.Union(DELIVERY_STATES.map((state) => Type.Literal(state)))),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type DeliveryFilter = Static<typeof DeliveryFilterSchema>;
