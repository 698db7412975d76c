import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The first way a value misses a schema, as `path: message` (`/groups/0/score: Expected number
 * to be less or equal to 100`), or `undefined` when the value fits.
 */
export function schemaProblem(schema: TSchema, value: unknown): string | undefined {
  const error = Value.Errors(schema, value).First();
  return error && `${error.path || '/'}: ${error.message}`;
}
