import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { updatedAt } from '../../db/common-properties.js';
import { User } from '../users/user.js';
import type { Profile } from './profile-schema.js';

/** A person's current profile, the starting point of each new enrolment. */
export const UserProfile = defineEntity({
  name: 'UserProfile',
  tableName: 'user_profile',
  properties: {
    user: () => p.oneToOne(User).primary().deleteRule('cascade'),
    /** Valid against ProfileSchema: written only through the profile service. */
    data: p.json<Profile>(),
    updatedAt: updatedAt(),
  },
});
export type UserProfile = InferEntity<typeof UserProfile>;
