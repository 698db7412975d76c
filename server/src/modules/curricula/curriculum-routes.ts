import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { ErrorSchema } from '../../http/error-schema.js';
import { listCurricula, previewCurriculum } from './curriculum-gallery.js';
import {
  CurriculumPreviewSchema,
  CurriculumTemplateSchema,
  PreviewQuerySchema,
} from './curriculum-schemas.js';

/** The template gallery admins create programmes from, with a preview of each curriculum. */
const curriculumRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/admin/curricula',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'listCurricula',
        response: { 200: Type.Array(CurriculumTemplateSchema) },
      },
    },
    async () => listCurricula(app.plugins),
  );
  app.get(
    '/api/admin/curricula/:name/preview',
    {
      config: { access: 'admin' },
      schema: {
        operationId: 'previewCurriculum',
        params: Type.Object({ name: Type.String() }),
        querystring: PreviewQuerySchema,
        response: {
          200: CurriculumPreviewSchema,
          400: ErrorSchema,
          404: ErrorSchema,
          502: ErrorSchema,
        },
      },
    },
    async (request) => {
      const deps = { em: app.orm.em, plugins: app.plugins, log: request.log };
      const { locale = 'de', kind } = request.query;
      return previewCurriculum(deps, request.params.name, locale, kind);
    },
  );
};

export default fp(curriculumRoutes, {
  name: 'tandem-curriculum-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
});
