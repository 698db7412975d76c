import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { signedIn } from '../../auth/signed-in.js';
import { ErrorSchema } from '../../http/error-schema.js';
import { asAttachment } from '../../http/file-download.js';
import type { NoteKeyring } from '../pairs/note-keyring.js';
import { deleteAccount } from './account-deletion.js';
import {
  exportFilename,
  exportPersonalData,
  exportPersonalDataForAdmin,
} from './personal-data-export.js';
import {
  AccountDeletedSchema,
  AccountDeletionSchema,
  type PersonalDataExport,
  PersonalDataExportSchema,
} from './privacy-schemas.js';

export interface PrivacyRoutesOptions {
  /**
   * To export a person's pair notes and questions decrypted, and to take an erased person's
   * name out of their partners'.
   */
  noteKeyring: NoteKeyring;
}

const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const exported = {
  description: 'A JSON file, offered for download.',
  ...PersonalDataExportSchema,
};

/** A person's rights to their data: take it away as a file, and have it erased. */
const privacyRoutes: FastifyPluginAsyncTypebox<PrivacyRoutesOptions> = async (
  app,
  { noteKeyring },
) => {
  const participant = { access: 'participant' } as const;
  const admin = { access: 'admin' } as const;
  const download = (reply: FastifyReply, data: PersonalDataExport) =>
    asAttachment(reply, exportFilename(data)).send(data);

  app.get(
    '/api/me/export',
    {
      config: participant,
      schema: { operationId: 'exportMyData', response: { 200: exported } },
    },
    async (request, reply) =>
      download(reply, await exportPersonalData(app.orm.em, noteKeyring, signedIn(request).id)),
  );
  app.post(
    '/api/me/delete',
    {
      config: participant,
      schema: {
        operationId: 'deleteMyAccount',
        description:
          'Deletes the signed-in account: leaves every running programme, erases the profile, inbox, notes and sessions, and leaves partners a "Former participant". Cannot be undone.',
        body: AccountDeletionSchema,
        response: { 200: AccountDeletedSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const deleted = await deleteAccount(
        app.meetingDependencies(),
        noteKeyring,
        signedIn(request).id,
        {
          by: 'self',
        },
      );
      reply.clearCookie(app.cookieNames.session, app.cookieOptions);
      return deleted;
    },
  );
  app.get(
    '/api/admin/users/:id/export',
    {
      config: admin,
      schema: {
        operationId: 'exportUserData',
        params: UserParams,
        response: { 200: exported, 404: ErrorSchema },
      },
    },
    async (request, reply) =>
      download(
        reply,
        await exportPersonalDataForAdmin(
          app.orm.em,
          noteKeyring,
          signedIn(request).id,
          request.params.id,
        ),
      ),
  );
  app.post(
    '/api/admin/users/:id/delete',
    {
      config: admin,
      schema: {
        operationId: 'deleteUserAccount',
        params: UserParams,
        body: AccountDeletionSchema,
        response: { 200: AccountDeletedSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) =>
      deleteAccount(app.meetingDependencies(), noteKeyring, request.params.id, {
        by: 'admin',
        adminId: signedIn(request).id,
      }),
  );
};

export default fp(privacyRoutes, {
  name: 'tandem-privacy-routes',
  dependencies: ['tandem-auth', 'tandem-orm', 'tandem-meeting-dependencies'],
});
