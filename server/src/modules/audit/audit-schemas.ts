import { type Static, Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const AuditEventSchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  /** Null for the system itself, an anonymous caller, or a person whose account was deleted. */
  actor: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEventView = Static<typeof AuditEventSchema>;

export const AuditPageSchema = Type.Object({
  /** How many events match the filter, over all pages. */
  total: Type.Integer(),
  events: Type.Array(AuditEventSchema),
  names: Type.Record(Type.String(), Type.String(), {
    description:
      "Display names by id for the programmes, people (also by enrolment id) and pairs (their programme's name) that the events name as target or in their data.",
  }),
  withoutPeople: Type.Boolean({
    description:
      'True for a report reader: events show no actor, no target but a programme, no data, and names only programmes.',
  }),
});
export type AuditPage = Static<typeof AuditPageSchema>;

export const AuditFilterSchema = Type.Object(
  {
    action: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'The start of the action, e.g. `auth.` or `matching.published`.',
      }),
    ),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'At or after.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Before.' })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type AuditFilter = Static<typeof AuditFilterSchema>;
