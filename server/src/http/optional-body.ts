import type { FastifyRequest } from 'fastify';

/**
 * A `preValidation` hook for routes whose body has only optional fields: a client that sends
 * no body at all (a bare POST) gets the empty object, not "body must be object".
 */
export async function optionalBody(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
