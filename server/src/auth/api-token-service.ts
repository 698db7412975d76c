import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../modules/audit/audit-log.js';
import type { User } from '../modules/users/user.js';
import { ServiceError } from '../service-error.js';
import type { ApiScope } from './api-scope.js';
import { ApiToken } from './api-token.js';
import type { ApiTokenView, CreatedApiToken, NewApiToken } from './api-token-schemas.js';
import { newToken, tokenId } from './tokens.js';

/** Marks Tandem's tokens, so that secret scanners and people recognise them. */
export const TOKEN_PREFIX = 'tdm_';
/** How much of a token the list shows: the marker and six characters of the secret. */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 6;
/** lastUsedAt is written at most this often, so that a busy script is not a stream of updates. */
const TOUCH_INTERVAL_MS = 60_000;

/** The owner and scopes behind a bearer token that is still valid. */
export interface TokenBearer {
  user: User;
  scopes: ApiScope[];
}

/** The admin's own tokens, newest first, revoked ones included (they show when and that). */
export async function listApiTokens(em: EntityManager, ownerId: string): Promise<ApiTokenView[]> {
  const tokens = await em
    .fork()
    .find(ApiToken, { owner: ownerId }, { orderBy: { createdAt: 'desc' } });
  return tokens.map(view);
}

/**
 * Makes a token for its owner and returns its secret, which is stored only as a hash.
 *
 * @throws ServiceError invalid for an expiry in the past.
 */
export async function createApiToken(
  em: EntityManager,
  owner: User,
  input: NewApiToken,
  now = new Date(),
): Promise<CreatedApiToken> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new ServiceError(
      'invalid',
      'The expiry date must lie in the future.',
      'token.expiry-past',
    );
  }
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const fork = em.fork();
  const apiToken = fork.create(ApiToken, {
    owner: owner.id,
    name: input.name.trim(),
    scopes: input.scopes,
    tokenHash: tokenId(token),
    prefix: token.slice(0, SHOWN_LENGTH),
    expiresAt,
  });
  await fork.flush();
  await recordAudit(em, {
    action: 'api-token.created',
    actorId: owner.id,
    targetType: 'api-token',
    targetId: apiToken.id,
    data: { name: apiToken.name, scopes: input.scopes, expiresAt: input.expiresAt ?? null },
  });
  return { token, apiToken: view(apiToken) };
}

/**
 * Revokes one of the admin's own tokens; at once, for every request after this one.
 *
 * @throws ServiceError not-found for a token that is not theirs.
 */
export async function revokeApiToken(
  em: EntityManager,
  ownerId: string,
  tokenId: string,
): Promise<ApiTokenView> {
  const fork = em.fork();
  const apiToken = await fork.findOne(ApiToken, { id: tokenId, owner: ownerId });
  if (!apiToken) throw new ServiceError('not-found', 'No such token.');
  if (apiToken.revokedAt) return view(apiToken);
  apiToken.revokedAt = new Date();
  await fork.flush();
  await recordAudit(em, {
    action: 'api-token.revoked',
    actorId: ownerId,
    targetType: 'api-token',
    targetId: apiToken.id,
    data: { name: apiToken.name },
  });
  return view(apiToken);
}

/**
 * The owner and scopes behind a bearer token, or undefined when it is unknown, revoked or
 * expired, or its owner is no admin any more. Records its use, at most once a minute.
 */
export async function resolveApiToken(
  em: EntityManager,
  token: string,
  now = new Date(),
): Promise<TokenBearer | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const apiToken = await em
    .fork()
    .findOne(ApiToken, { tokenHash: tokenId(token) }, { populate: ['owner'] });
  // A leaver's tokens stop with them, and work again if the directory brings them back.
  if (!apiToken || apiToken.revokedAt || apiToken.owner.deactivatedAt) return undefined;
  if (apiToken.expiresAt && apiToken.expiresAt <= now) return undefined;
  if (!apiToken.owner.roles.includes('admin')) return undefined;
  if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: now });
  }
  return { user: apiToken.owner, scopes: apiToken.scopes as ApiScope[] };
}

function view(apiToken: ApiToken): ApiTokenView {
  return {
    id: apiToken.id,
    name: apiToken.name,
    scopes: apiToken.scopes as ApiScope[],
    prefix: apiToken.prefix,
    createdAt: apiToken.createdAt.toISOString(),
    lastUsedAt: apiToken.lastUsedAt?.toISOString() ?? null,
    expiresAt: apiToken.expiresAt?.toISOString() ?? null,
    revokedAt: apiToken.revokedAt?.toISOString() ?? null,
  };
}
