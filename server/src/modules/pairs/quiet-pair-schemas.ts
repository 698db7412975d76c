import { type Static, Type } from '@sinclair/typebox';

/**
 * A published pair that has been quiet for the programme's `staleAfterWeeks`: who is in it
 * and since when it is quiet, nothing more (docs/privacy.md), so that HR can offer help.
 */
export const QuietPairSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  members: Type.Array(Type.Object({ name: Type.String() })),
  quietSince: Type.String({ format: 'date-time' }),
  weeks: Type.Integer({ description: 'The programme’s staleAfterWeeks.' }),
});
export type QuietPair = Static<typeof QuietPairSchema>;
