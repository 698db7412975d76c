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

/** Walks nested objects and arrays with a list of its own: no depth can overflow the stack. */
function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    for (const [key, entry] of Object.entries(item)) {
      if (key.includes('\u0000')) return true;
      pending.push(entry);
    }
  }
  return false;
}

export default fp(rejectNul, { name: 'tandem-reject-nul' });
