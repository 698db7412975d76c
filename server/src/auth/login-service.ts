import type { EntityManager } from '@mikro-orm/postgresql';
import * as oidc from 'openid-client';
import { recordAudit } from '../modules/audit/audit-log.js';
import {
  type ClaimMapping,
  type ProvisionedUser,
  provisionUser,
} from '../modules/users/user-provisioning.js';
import type { IdentityProvider } from './identity-provider.js';
import { LoginAttempt } from './login-attempt.js';
import { LoginError } from './login-error.js';
import { safeReturnTo } from './return-to.js';
import { startSession } from './session-service.js';
import { newToken, tokenId } from './tokens.js';

/** How long a person may take at the IdP between leaving Tandem and coming back. */
const ATTEMPT_TTL_MS = 10 * 60_000;

export interface LoginSettings {
  idp: IdentityProvider;
  /** PUBLIC_URL: the only origin a sign-in may return to. */
  publicUrl: string;
  redirectUri: string;
  scopes: string[];
  claims: ClaimMapping;
  maxAgeMs: number;
}

/**
 * Starts a sign-in: authorization code with PKCE (S256), state and nonce, remembered
 * server-side under a fresh browser-bound token. Returns that token (for a cookie) and the
 * IdP URL to send the browser to. A refusal is audited and thrown as a LoginError.
 */
export function beginLogin(
  em: EntityManager,
  settings: LoginSettings,
  request: { returnTo: string | undefined; loginHint?: string },
): Promise<{ attemptToken: string; authorizationUrl: URL }> {
  return auditFailure(em, async () => {
    const returnTo = safeReturnTo(request.returnTo, settings.publicUrl);
    const configuration = await settings.idp.configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const attemptToken = newToken();
    const expiresAt = new Date(Date.now() + ATTEMPT_TTL_MS);
    em.create(LoginAttempt, {
      id: tokenId(attemptToken),
      state,
      nonce,
      codeVerifier,
      returnTo,
      expiresAt,
    });
    await em.flush();
    const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: settings.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(request.loginHint ? { login_hint: request.loginHint } : {}),
    });
    return { attemptToken, authorizationUrl };
  });
}

export interface CompletedLogin extends ProvisionedUser {
  sessionToken: string;
  returnTo: string;
}

/**
 * Finishes a sign-in at the callback. The attempt is taken (deleted) first, so a callback
 * URL works once; then openid-client checks state, the code exchange with PKCE, and the ID
 * token's signature, issuer, audience, expiry and nonce. Only then is the user provisioned and
 * a new session started: the session id is never one the browser had before. Success and
 * refusal are both audited.
 */
export function completeLogin(
  em: EntityManager,
  settings: LoginSettings,
  request: { attemptToken: string | undefined; query: string },
): Promise<CompletedLogin> {
  return auditFailure(em, async () => {
    const attempt = request.attemptToken ? await takeAttempt(em, request.attemptToken) : undefined;
    if (!attempt) throw new LoginError('no-login-attempt');
    return signInWith(em, settings, attempt, request.query).catch((error: unknown) => {
      // "Try again" then leads back to where the person was going.
      if (error instanceof LoginError) error.returnTo = attempt.returnTo;
      throw error;
    });
  });
}

/** The rest of a sign-in whose attempt was found: the code exchanged, the person signed in. */
async function signInWith(
  em: EntityManager,
  settings: LoginSettings,
  attempt: LoginAttempt,
  query: string,
): Promise<CompletedLogin> {
  const configuration = await settings.idp.configuration();
  const callbackUrl = new URL(`${settings.redirectUri}?${query}`);
  const checks = {
    pkceCodeVerifier: attempt.codeVerifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  };
  const tokens = await oidc
    .authorizationCodeGrant(configuration, callbackUrl, checks)
    .catch((error: unknown) => {
      throw classify(error);
    });
  const claims = tokens.claims();
  if (!claims) throw new LoginError('token-rejected', 'no ID token');

  const provisioned = await provisionUser(em, settings.idp.userIssuer, claims, settings.claims);
  if (provisioned.deactivated)
    throw new LoginError('account-deactivated', `user ${provisioned.user.id}`);
  const sessionToken = await startSession(em, provisioned.user, {
    maxAgeMs: settings.maxAgeMs,
    ...(typeof claims.sid === 'string' ? { idpSessionId: claims.sid } : {}),
    ...(tokens.id_token ? { idToken: tokens.id_token } : {}),
  });
  await auditSuccess(em, provisioned);
  return { ...provisioned, sessionToken, returnTo: attempt.returnTo };
}

async function auditSuccess(
  em: EntityManager,
  { user, created, rolesChanged }: ProvisionedUser,
): Promise<void> {
  const about = { actorId: user.id, targetType: 'user', targetId: user.id };
  if (created) await recordAudit(em, { ...about, action: 'user.created' });
  if (rolesChanged)
    await recordAudit(em, { ...about, action: 'user.roles-changed', data: rolesChanged });
  await recordAudit(em, { ...about, action: 'auth.login' });
}

/** Runs a sign-in step; a LoginError on the way is written to the audit log, then rethrown. */
async function auditFailure<T>(em: EntityManager, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof LoginError) {
      await recordAudit(em, {
        action: 'auth.login-failed',
        data: { reason: error.reason, detail: error.detail },
      });
    }
    throw error;
  }
}

async function takeAttempt(em: EntityManager, token: string): Promise<LoginAttempt | undefined> {
  const attempt = await em.findOne(LoginAttempt, tokenId(token));
  if (!attempt) return undefined;
  const deleted = await em.nativeDelete(LoginAttempt, { id: attempt.id });
  // Two callbacks racing with the same cookie: only the one that deleted the row goes on.
  if (deleted === 0 || attempt.expiresAt.getTime() < Date.now()) return undefined;
  return attempt;
}

function classify(error: unknown): LoginError {
  if (error instanceof LoginError) return error;
  const detail = describe(error);
  if (error instanceof oidc.AuthorizationResponseError) {
    // The person cancelled, or the IdP would not let them in: not a fault, just a "no".
    const reason = error.error === 'access_denied' ? 'access-denied' : 'idp-error';
    return new LoginError(reason, detail);
  }
  if (/"state"/.test(detail)) return new LoginError('state-mismatch', detail);
  if (/fetch failed|ECONNREFUSED|ETIMEDOUT/.test(detail))
    return new LoginError('idp-unreachable', detail);
  return new LoginError('token-rejected', detail);
}

/** The error and its causes in one line: openid-client wraps the specific check that failed. */
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current !== undefined && parts.length < 4; ) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' <- ');
}
