import type { FastifyInstance, InjectOptions } from 'fastify';
import type { ApiScope } from '../../src/auth/api-scope.js';
import { createApiToken } from '../../src/auth/api-token-service.js';
import { User } from '../../src/modules/users/user.js';
import { signedInAs } from './sessions.js';

export interface ScimAnswer {
  statusCode: number;
  contentType: string;
  body: unknown;
}

/** The `id` of the resource in an answer. */
export function idOf(answer: ScimAnswer): string {
  const id = (answer.body as { id?: unknown } | undefined)?.id;
  if (typeof id !== 'string') throw new Error(`no id in ${JSON.stringify(answer.body)}`);
  return id;
}

/** The resources of a ListResponse. */
export function resourcesOf(answer: ScimAnswer): { id: string; [key: string]: unknown }[] {
  const resources = (answer.body as { Resources?: unknown } | undefined)?.Resources;
  if (!Array.isArray(resources)) throw new Error(`no list: ${JSON.stringify(answer.body)}`);
  return resources;
}

export type ScimCall = (
  method: InjectOptions['method'],
  url: string,
  body?: object,
  headers?: Record<string, string>,
) => Promise<ScimAnswer>;

/**
 * An admin with an API token of the given scopes (`scim` unless said otherwise), and a way to
 * call /scim/v2 as an identity provider does: Bearer token, application/scim+json bodies.
 */
export async function scimClient(
  app: FastifyInstance,
  scopes: ApiScope[] = ['scim'],
  subject = 'scim-admin',
): Promise<{ call: ScimCall; token: string; adminId: string }> {
  const admin = await signedInAs(app, { subject, name: 'Ida Admin', roles: ['admin'] });
  const owner = await app.orm.em.fork().findOneOrFail(User, admin.userId);
  const { token } = await createApiToken(app.orm.em, owner, { name: 'Entra ID', scopes });
  const call: ScimCall = async (method, url, body, headers = {}) => {
    const answer = await app.inject({
      method,
      url: url.startsWith('/scim/') ? url : `/scim/v2${url}`,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/scim+json' } : {}),
        ...headers,
      },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });
    return {
      statusCode: answer.statusCode,
      contentType: String(answer.headers['content-type'] ?? ''),
      body: answer.body ? JSON.parse(answer.body) : undefined,
    };
  };
  return { call, token, adminId: admin.userId };
}
