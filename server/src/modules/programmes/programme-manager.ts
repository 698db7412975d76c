import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { User } from '../users/user.js';
import { Programme } from './programme.js';

/**
 * A programme an admin assigned to a programme manager: they administer it as an admin would,
 * while they hold the programme-manager role.
 */
export const ProgrammeManager = defineEntity({
  name: 'ProgrammeManager',
  tableName: 'programme_manager',
  uniques: [{ properties: ['programme', 'user'] }],
  indexes: [{ properties: ['user'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    createdAt: createdAt(),
  },
});
export type ProgrammeManager = InferEntity<typeof ProgrammeManager>;
