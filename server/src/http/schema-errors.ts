import type { FastifySchemaValidationError } from 'fastify';

/**
 * Fastify's validation message, except that a value outside a union of literals is answered
 * with the values allowed (`querystring/role must be one of mentor, mentee, either`) instead
 * of one "must be equal to constant" per literal. For a route's `schemaErrorFormatter`.
 */
export function namedChoices(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const allowed = new Map<string, unknown[]>();
  const messages: string[] = [];
  for (const error of errors) {
    const at = `${dataVar}${error.instancePath ?? ''}`;
    const choices = allowed.get(at) ?? [];
    if (error.keyword === 'const') allowed.set(at, [...choices, error.params.allowedValue]);
    else if (error.keyword === 'anyOf' && choices.length)
      messages.push(`${at} must be one of ${choices.join(', ')}`);
    else messages.push(`${at} ${error.message}`);
  }
  return new Error(messages.join(', '));
}
