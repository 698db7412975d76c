import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { User } from '../users/user.js';
import { SchedulingRequest } from './scheduling-request.js';

/** One time a member proposed while the pair finds a time together; a partner may pick it. */
export const TimeProposal = defineEntity({
  name: 'TimeProposal',
  tableName: 'time_proposal',
  indexes: [{ properties: ['request'] }],
  properties: {
    id: uuidPrimaryKey(),
    request: () => p.manyToOne(SchedulingRequest).deleteRule('cascade'),
    proposer: () => p.manyToOne(User).deleteRule('cascade'),
    startsAt: p.datetime(),
    createdAt: createdAt(),
  },
});
export type TimeProposal = InferEntity<typeof TimeProposal>;
