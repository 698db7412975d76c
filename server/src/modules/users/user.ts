import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';

/**
 * A person, as the organisation's identity provider knows them. Identified by (issuer,
 * subject) only, never by email: addresses change and get reused.
 */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  uniques: [{ properties: ['issuer', 'subject'] }],
  properties: {
    id: uuidPrimaryKey(),
    issuer: p.string(),
    subject: p.string(),
    name: p.string(),
    email: p.string().nullable(),
    department: p.string().nullable(),
    title: p.string().nullable(),
    /** Tandem roles from the roles claim at the last sign-in, plus any granted by `tandem admin grant`. */
    roles: p.array().default([]),
    locale: p.enum(['de', 'en']).nullable(),
    /** Notification channels this person turned off; the in-app inbox always stays. */
    mutedChannels: p.array().default([]),
    /** Addresses for channels other than email, e.g. a personal chat webhook for `webhook`. */
    channelAddresses: p.json<Record<string, string>>().default('{}'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastLoginAt: p.datetime().nullable(),
    /** The name the directory and the identity provider share; links a directory entry to its sign-in. */
    username: p.string().nullable(),
    /** The directory's stable id for the entry (entryUUID, objectGUID, SCIM externalId). */
    externalId: p.string().nullable(),
    /** Who manages this person: LDAP sync or SCIM provisioning; null when only sign-in does. */
    directorySource: p.enum(['ldap', 'scim']).nullable(),
    /** Their line manager, from the directory. */
    manager: () => p.manyToOne(User).nullable().deleteRule('set null').updateRule('cascade'),
    /** When the directory said they left; a deactivated person cannot sign in. */
    deactivatedAt: p.datetime().nullable(),
  },
});
export type User = InferEntity<typeof User>;
