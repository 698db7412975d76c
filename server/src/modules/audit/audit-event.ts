import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.js';

/** Who did what to whom: admin actions and security events. */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [{ properties: ['at'] }, { properties: ['targetType', 'targetId'] }],
  properties: {
    id: p.bigint('string').primary(),
    at: p.datetime().onCreate(() => new Date()),
    /** Null for the system itself (jobs, start-up). */
    actor: () => p.manyToOne(User).nullable().deleteRule('set null'),
    /** Dotted verb, e.g. `programme.created`, `match.published`, `auth.login-failed`. */
    action: p.string(),
    targetType: p.string().nullable(),
    targetId: p.string().nullable(),
    data: p.json<Record<string, unknown>>().default('{}'),
  },
});
export type AuditEvent = InferEntity<typeof AuditEvent>;
