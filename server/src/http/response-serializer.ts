import fastJsonStringify from 'fast-json-stringify';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { serializableSchema } from './serializable-schema.js';

/**
 * Answers serialized by fast-json-stringify, as Fastify does by default, from each response
 * schema made {@link serializableSchema}: the same JSON, without validating every nullable
 * object and every literal union against its schema on the way out.
 */
const responseSerializer: FastifyPluginAsync = async (app) => {
  app.setSerializerCompiler(({ schema }) =>
    fastJsonStringify(serializableSchema(schema) as fastJsonStringify.AnySchema),
  );
};

export default fp(responseSerializer, { name: 'tandem-response-serializer' });
