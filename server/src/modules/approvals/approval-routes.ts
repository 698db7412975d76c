import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { activeChannels } from '../notifications/active-channels.js';
import {
  AdminApprovalFilterSchema,
  AdminApprovalSchema,
  ApprovalSchema,
} from './approval-schemas.js';
import {
  answerApproval,
  type Decision,
  getMyApproval,
  listMyApprovals,
  listProgrammeApprovals,
} from './approval-service.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const answered = { 200: ApprovalSchema, 404: ErrorSchema, 409: ErrorSchema };

/**
 * Line managers see the requests to approve their people's enrolments and answer them; admins
 * see a programme's waiting requests and answer on a manager's behalf (audited).
 */
const approvalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const participant = { access: 'participant' } as const;
  const admin = { access: 'admin' } as const;
  app.get(
    '/api/approvals',
    {
      config: participant,
      schema: {
        operationId: 'listMyApprovals',
        description: 'The requests for approval the caller is asked as a line manager.',
        response: { 200: Type.Array(ApprovalSchema) },
      },
    },
    async (request) => listMyApprovals(app.orm.em, signedIn(request).id),
  );
  app.get(
    '/api/approvals/:id',
    {
      config: participant,
      schema: {
        operationId: 'getMyApproval',
        params: Id,
        response: { 200: ApprovalSchema, 404: ErrorSchema },
      },
    },
    async (request) => getMyApproval(app.orm.em, signedIn(request).id, request.params.id),
  );
  for (const [verb, decision] of [
    ['approve', 'approve'],
    ['decline', 'decline'],
  ] as const satisfies readonly (readonly [string, Decision])[]) {
    app.post(
      `/api/approvals/:id/${verb}`,
      {
        config: participant,
        schema: {
          operationId: `${verb}Enrolment`,
          description: `The manager asked ${verb}s the enrolment. Audited.`,
          params: Id,
          response: answered,
        },
      },
      async (request) =>
        answerApproval(
          app.orm.em,
          activeChannels(app.plugins),
          request.params.id,
          { userId: signedIn(request).id, admin: false },
          decision,
        ),
    );
    app.post(
      `/api/admin/approvals/:id/${verb}`,
      {
        config: admin,
        schema: {
          operationId: `${verb}EnrolmentOnBehalf`,
          description: `An admin ${verb}s the enrolment on the manager's behalf (or where no manager is known). Audited.`,
          params: Id,
          response: answered,
        },
      },
      async (request) =>
        answerApproval(
          app.orm.em,
          activeChannels(app.plugins),
          request.params.id,
          { userId: signedIn(request).id, admin: true },
          decision,
        ),
    );
  }
  app.get(
    '/api/admin/programmes/:id/approvals',
    {
      config: admin,
      schema: {
        operationId: 'listProgrammeApprovals',
        description:
          "A programme's requests for approval: the waiting ones unless a state is asked.",
        params: Id,
        querystring: AdminApprovalFilterSchema,
        response: { 200: Type.Array(AdminApprovalSchema), 400: ErrorSchema },
      },
    },
    async (request) => listProgrammeApprovals(app.orm.em, request.params.id, request.query),
  );
};

export default fp(approvalRoutes, {
  name: 'tandem-approval-routes',
  dependencies: ['tandem-auth', 'tandem-orm'],
});
