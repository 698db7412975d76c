import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';

/**
 * Two enrolments an admin ruled out from sharing a group; every later run of the programme
 * respects it. Stored with the smaller id first, so a pair is one row.
 */
export const MatchForbid = defineEntity({
  name: 'MatchForbid',
  tableName: 'match_forbid',
  uniques: [{ properties: ['first', 'second'] }],
  indexes: [{ properties: ['programme'] }],
  properties: {
    id: uuidPrimaryKey(),
    programme: () => p.manyToOne(Programme).deleteRule('cascade'),
    first: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    second: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    createdBy: () => p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: createdAt(),
  },
});
export type MatchForbid = InferEntity<typeof MatchForbid>;
