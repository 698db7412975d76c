import { randomUUID } from 'node:crypto';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * A person, as the organisation's identity provider knows them. Identified by (issuer,
 * subject) only, never by email: addresses change and get reused.
 */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  uniques: [{ properties: ['issuer', 'subject'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    issuer: p.string(),
    subject: p.string(),
    name: p.string(),
    email: p.string().nullable(),
    department: p.string().nullable(),
    title: p.string().nullable(),
    /** Values of the identity provider's roles claim at the last sign-in. */
    roles: p.array().default([]),
    locale: p.enum(['de', 'en']).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    lastLoginAt: p.datetime().nullable(),
  },
});
export type User = InferEntity<typeof User>;
