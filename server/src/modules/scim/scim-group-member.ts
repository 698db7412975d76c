import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { User } from '../users/user.js';
import { ScimGroup } from './scim-group.js';

/** A person in a SCIM group; gone with the group or the person. */
export const ScimGroupMember = defineEntity({
  name: 'ScimGroupMember',
  tableName: 'scim_group_member',
  indexes: [{ properties: ['user'] }],
  properties: {
    group: () => p.manyToOne(ScimGroup).primary().deleteRule('cascade'),
    user: () => p.manyToOne(User).primary().deleteRule('cascade'),
  },
});
export type ScimGroupMember = InferEntity<typeof ScimGroupMember>;
