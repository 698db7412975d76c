import { type Static, Type } from '@sinclair/typebox';
import { UnmatchedReasonSchema } from './explanation-schemas.js';
import { MATCHING_RUN_STATES } from './matching-run.js';

/** A matching run as admins see it: how it went, and why it failed if it did. */
export const MatchingRunSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  programmeId: Type.String({ format: 'uuid' }),
  strategy: Type.String(),
  state: Type.Union(MATCHING_RUN_STATES.map((state) => Type.Literal(state))),
  seed: Type.Integer(),
  progress: Type.Integer({ minimum: 0, maximum: 100, description: 'How far the run is, 0–100.' }),
  error: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the run failed, naming the plugin; null unless it failed.',
  }),
  groupCount: Type.Union([Type.Integer(), Type.Null()]),
  unmatched: Type.Array(UnmatchedReasonSchema),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type MatchingRunView = Static<typeof MatchingRunSchema>;
