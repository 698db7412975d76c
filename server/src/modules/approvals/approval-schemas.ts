import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { APPROVAL_STATES } from './manager-approval.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A request for a line manager's approval, as the manager sees it: who would like to take part
 * in which programme, and until when they may answer. Nothing of the person's profile.
 */
export const ApprovalSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: Type.Union(APPROVAL_STATES.map((state) => Type.Literal(state))),
  person: Type.String({ description: 'The name of who would like to take part.' }),
  programme: Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
  requestedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Approval = Static<typeof ApprovalSchema>;

/** The same for admins, with whom it waits for: null when the directory names no manager. */
export const AdminApprovalSchema = Type.Composite([
  ApprovalSchema,
  Type.Object({
    enrolmentId: Type.String({ format: 'uuid' }),
    manager: Nullable(Type.String({ description: "The manager's name." })),
    answeredBy: Nullable(Type.String({ description: 'Who answered: the manager or an admin.' })),
  }),
]);
export type AdminApproval = Static<typeof AdminApprovalSchema>;

/** Which requests an admin looks at. */
export const AdminApprovalFilterSchema = Type.Object(
  {
    state: Type.Optional(Type.Union(APPROVAL_STATES.map((state) => Type.Literal(state)))),
  },
  { additionalProperties: false },
);
export type AdminApprovalFilter = Static<typeof AdminApprovalFilterSchema>;
