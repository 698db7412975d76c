import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import fp from 'fastify-plugin';
import { postgresRateLimitStore } from '../../auth/rate-limit-store.js';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { asAttachment } from '../../http/file-download.js';
import { activeChannels } from '../notifications/active-channels.js';
import {
  CertificateStatementsSchema,
  CertificatesIssuedSchema,
  MyCertificateSchema,
  ProgrammeCertificatesSchema,
} from './certificate-schemas.js';
import {
  issueProgrammeCertificates,
  listMyCertificates,
  listProgrammeCertificates,
  myCertificatePdf,
  verifyCertificate,
} from './certificate-service.js';

export interface CertificateRoutesOptions {
  publicUrl: string;
  /** Requests per minute per client address to the public verification, as for sign-in. */
  rateLimit: number;
}

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * Participants list and download their certificates; the programme's admins and managers issue
 * them for everyone and see the numbers; anyone confirms a certificate by its number.
 */
const certificateRoutes: FastifyPluginAsyncTypebox<CertificateRoutesOptions> = async (
  app,
  { publicUrl, rateLimit: max },
) => {
  // A number is the only key: the public route is limited, so that nobody tries numbers at scale.
  await app.register(rateLimit, { global: false, store: postgresRateLimitStore(app.orm.em) });
  const participant = { access: 'participant' } as const;
  const programme = { access: 'programme' } as const;
  const verifyUrl = (number: string) => new URL(`/verify/${number}`, publicUrl).href;

  app.get(
    '/api/me/certificates',
    {
      config: participant,
      schema: {
        operationId: 'listMyCertificates',
        description:
          'The programmes that give the caller a certificate of participation: issued, or issued on first download.',
        response: { 200: Type.Array(MyCertificateSchema) },
      },
    },
    async (request) => listMyCertificates(app.orm.em, signedIn(request).id),
  );
  app.get(
    '/api/me/certificates/:id/pdf',
    {
      config: participant,
      schema: {
        operationId: 'downloadMyCertificate',
        description:
          "The caller's certificate for the programme as a tagged PDF, issued on the first download.",
        params: Id,
        response: {
          200: {
            description: 'A PDF, offered for download.',
            content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
          },
          404: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const { number, pdf } = await myCertificatePdf(
        app.orm.em,
        signedIn(request).id,
        request.params.id,
        verifyUrl,
      );
      return asAttachment(reply.type('application/pdf'), `${number}.pdf`).send(pdf);
    },
  );
  app.get(
    '/api/admin/programmes/:id/certificates',
    {
      config: programme,
      schema: {
        operationId: 'listProgrammeCertificates',
        description:
          "The programme's certificates by number and holder, and how many may have one.",
        params: Id,
        response: { 200: ProgrammeCertificatesSchema, 404: ErrorSchema },
      },
    },
    async (request) => listProgrammeCertificates(app.orm.em, request.params.id),
  );
  app.post(
    '/api/admin/programmes/:id/certificates',
    {
      config: programme,
      schema: {
        operationId: 'issueProgrammeCertificates',
        description:
          'Issues the certificate of everyone who may have one and has none yet, and notifies them. Audited.',
        params: Id,
        response: { 200: CertificatesIssuedSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      issueProgrammeCertificates(
        app.orm.em,
        activeChannels(app.plugins),
        request.params.id,
        signedIn(request).id,
      ),
  );
  app.get(
    '/api/certificates/:number',
    {
      config: { access: 'anonymous', rateLimit: { max, timeWindow: '1 minute' } },
      schema: {
        operationId: 'verifyCertificate',
        description:
          'What the certificate with this number states, for anyone: exactly that and nothing more.',
        params: Type.Object({ number: Type.String({ maxLength: 40 }) }),
        response: { 200: CertificateStatementsSchema, 404: ErrorSchema },
      },
    },
    async (request) => verifyCertificate(app.orm.em, request.params.number),
  );
};

export default fp(certificateRoutes, {
  name: 'tandem-certificate-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-plugin-host'],
  encapsulate: true,
});
