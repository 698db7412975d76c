import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Answers errors without giving internals away: a client error (4xx) keeps its message, so
 * the caller can fix the request; a server error (5xx) is logged in full and answered with a
 * plain sentence and the request id to quote, never SQL, paths or a stack trace.
 */
const errorHandler: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode < 500) {
      return reply
        .code(statusCode)
        .send({ statusCode, error: error.code ?? 'Bad Request', message: error.message });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(statusCode).send({
      statusCode,
      error: 'Internal Server Error',
      message: `Something went wrong on our side. It has been logged as request ${request.id}.`,
    });
  });
};

export default fp(errorHandler, { name: 'tandem-error-handler' });
