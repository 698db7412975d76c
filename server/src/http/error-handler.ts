import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { PluginCallError } from '../plugin-host/invoke-plugin.js';
import { ServiceError, type ServiceErrorKind } from '../service-error.js';

const STATUS: Record<ServiceErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};

/**
 * Answers errors without giving internals away: a client error (4xx) keeps its message, so
 * the caller can fix the request; a server error (5xx) is logged in full and answered with a
 * plain sentence and the request id to quote, never SQL, paths or a stack trace. A service's
 * refusal (ServiceError) becomes the 4xx status of its kind, with its code and params. `error` is always the status's
 * name (429: Too Many Requests), never an internal error code.
 */
const errorHandler: FastifyPluginAsync = async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A plugin that failed a call: its message names the plugin, and the admin can act on it.
    if (error instanceof PluginCallError) {
      request.log.warn({ err: error }, 'plugin call failed');
      return reply.code(502).send({
        statusCode: 502,
        error: 'Bad Gateway',
        message: error.message,
        code: 'plugin-failed',
      });
    }
    if (error instanceof ServiceError) {
      const statusCode = STATUS[error.kind];
      const name = STATUS_CODES[statusCode];
      return reply.code(statusCode).send({
        statusCode,
        error: name,
        message: error.message,
        code: error.code,
        params: error.params,
      });
    }
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode < 500) {
      return reply.code(statusCode).send({
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Bad Request',
        message: error.message,
        code: error.validation ? 'validation' : `http-${statusCode}`,
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(statusCode).send({
      statusCode,
      error: 'Internal Server Error',
      message: `Something went wrong on our side. It has been logged as request ${request.id}.`,
      code: 'server-error',
      params: { requestId: String(request.id) },
    });
  });
};

export default fp(errorHandler, { name: 'tandem-error-handler' });
