import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../../db/common-properties.js';
import { Enrolment } from '../enrolment/enrolment.js';

/**
 * A participant's "skip this round" in a lunch programme. Pending (no round) until the next
 * round is drawn; then it names that round, and stays as its record of who sat out.
 */
export const LunchSkip = defineEntity({
  name: 'LunchSkip',
  tableName: 'lunch_skip',
  indexes: [{ properties: ['enrolment'] }],
  properties: {
    id: uuidPrimaryKey(),
    enrolment: () => p.manyToOne(Enrolment).deleteRule('cascade'),
    /** The round (1, 2, …) sat out; null while the next round is not drawn yet. */
    round: p.integer().nullable(),
    createdAt: createdAt(),
  },
});
export type LunchSkip = InferEntity<typeof LunchSkip>;
