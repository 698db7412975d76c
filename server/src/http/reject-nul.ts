import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Refuses a request whose path, query or body carries the NUL character (U+0000) in any text,
 * before a route runs: PostgreSQL cannot store it, and the driver's protocol error would
 * otherwise surface as a 500 wherever such a text reaches a query (found by the fuzz suite).
 */
const rejectNul: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', async (request, reply) => {
    if (!containsNul(request.params) && !containsNul(request.query) && !containsNul(request.body))
      return;
    return reply.code(400).send({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Text may not contain the NUL character (U+0000).',
    });
  });
};

// Recursion is safe: json-body.ts refuses bodies nested deeper than MAX_JSON_DEPTH before
// this hook runs, and paths and queries are flat.
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  return false;
}

export default fp(rejectNul, { name: 'tandem-reject-nul' });
