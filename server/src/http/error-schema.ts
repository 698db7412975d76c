import { Type } from '@sinclair/typebox';

/** The body of every error answer (see error-handler.ts): status, its name, a sentence. */
export const ErrorSchema = Type.Object({
  statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
  error: Type.String(),
  message: Type.String({ description: 'What went wrong, for people; never internals.' }),
});
