import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, updatedAt, uuidPrimaryKey } from '../../db/common-properties.js';

/**
 * A group an identity provider provisions over SCIM. Tandem keeps it for one reason: a group
 * whose displayName (or externalId, the IdP's object id) is one of the configured role values
 * (OIDC_ADMIN_ROLES) gives its members that role. Its members are ScimGroupMember rows.
 */
export const ScimGroup = defineEntity({
  name: 'ScimGroup',
  tableName: 'scim_group',
  properties: {
    id: uuidPrimaryKey(),
    displayName: p.string(),
    externalId: p.string().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});
export type ScimGroup = InferEntity<typeof ScimGroup>;
