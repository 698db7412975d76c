import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { uuidPrimaryKey } from '../../db/common-properties.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Match } from './match.js';

/** One enrolment's place in a match, with the side it takes there. */
export const MatchMember = defineEntity({
  name: 'MatchMember',
  tableName: 'match_member',
  indexes: [{ properties: ['enrolment'] }],
  uniques: [{ properties: ['match', 'enrolment'] }],
  properties: {
    id: uuidPrimaryKey(),
    match: () => p.manyToOne(Match).deleteRule('cascade'),
    enrolment: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    role: p.enum(['mentor', 'mentee', 'peer']),
  },
});
export type MatchMember = InferEntity<typeof MatchMember>;
