import { Type } from '@sinclair/typebox';

/**
 * The body of every error answer (see error-handler.ts): status, its name, a sentence for API
 * users, and the refusal as a stable code with values, which the web app words in the
 * reader's language.
 */
export const ErrorSchema = Type.Object({
  statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
  error: Type.String(),
  message: Type.String({ description: 'What went wrong, in English; never internals.' }),
  code: Type.Optional(
    Type.String({
      description:
        'What went wrong as a stable key (`request.not-pending`, or the kind: `invalid`, `forbidden`, `not-found`, `conflict`; `validation`, `plugin-failed`, `server-error`).',
    }),
  ),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: 'The values the code’s wording takes.',
    }),
  ),
});
