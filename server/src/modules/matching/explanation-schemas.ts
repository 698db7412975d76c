import { type Static, Type } from '@sinclair/typebox';
import { ExplanationParamsSchema } from '@tandem/plugin-sdk';

/**
 * A reason as data: `code` names it and `params` holds its values, for the web app to word in
 * the reader's language; the sentence beside it (`why`, `reason`) is the strategy's fallback,
 * for codes the app does not know and strategies that give none.
 */
export const ExplanationFields = {
  code: Type.Optional(Type.String({ description: 'What the reason says, as a key.' })),
  params: Type.Optional(ExplanationParamsSchema),
};

/** One criterion of a match's score: its name, score, weight and why. */
export const CriterionSchema = Type.Object({
  name: Type.String(),
  score: Type.Number(),
  weight: Type.Number(),
  why: Type.String(),
  ...ExplanationFields,
});
export type CriterionView = Static<typeof CriterionSchema>;

/** Why a strategy left someone out: a sentence, and the reason as a code where it gave one. */
export const UnmatchedReasonSchema = Type.Object({
  enrolmentId: Type.String(),
  reason: Type.String(),
  ...ExplanationFields,
});
export type UnmatchedReason = Static<typeof UnmatchedReasonSchema>;
