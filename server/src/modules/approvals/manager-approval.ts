import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { User } from '../users/user.js';

export const APPROVAL_STATES = ['pending', 'approved', 'declined', 'expired', 'withdrawn'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/**
 * A line manager's consent to one enrolment, in a programme with managerApproval on. The
 * enrolment waits (`awaiting-approval`) until the manager answers, an admin answers on their
 * behalf, or it expires after the programme's approvalExpiryDays.
 */
export const ManagerApproval = defineEntity({
  name: 'ManagerApproval',
  tableName: 'manager_approval',
  indexes: [{ properties: ['manager', 'state'] }, { properties: ['state', 'expiresAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    enrolment: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    /** Who is asked: the person's manager from the directory when asked; null when none is known. */
    manager: () => p.manyToOne(User).nullable().deleteRule('set null'),
    state: p.enum([...APPROVAL_STATES]).default('pending'),
    createdAt: createdAt(),
    expiresAt: p.datetime(),
    /** When the manager was reminded; null until then. */
    remindedAt: p.datetime().nullable(),
    answeredAt: p.datetime().nullable(),
    /** Who answered: the manager, or an admin on their behalf. */
    answeredBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
  },
});
export type ManagerApproval = InferEntity<typeof ManagerApproval>;
