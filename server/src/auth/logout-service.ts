import type { EntityManager } from '@mikro-orm/postgresql';
import * as oidc from 'openid-client';
import { recordAudit } from '../modules/audit/audit-log.js';
import type { IdentityProvider } from './identity-provider.js';
import { verifyLogoutToken } from './logout-token.js';
import { endSession, endSessionsOf } from './session-service.js';

/**
 * Ends the session behind a cookie token (if any) and says where to send the browser: the
 * IdP's end-session endpoint when it has one, so the person is signed out there too.
 */
export async function signOut(
  em: EntityManager,
  token: string | undefined,
  idp: IdentityProvider | undefined,
  postLogoutRedirectUri: string,
): Promise<string> {
  const ended = token ? await endSession(em, token) : undefined;
  if (!ended) return '/';
  const userId = ended.user.id;
  await recordAudit(em, {
    action: 'auth.logout',
    actorId: userId,
    targetType: 'user',
    targetId: userId,
  });
  return idp ? endSessionUrl(idp, postLogoutRedirectUri, ended.idToken ?? undefined) : '/';
}

async function endSessionUrl(
  idp: IdentityProvider,
  postLogoutRedirectUri: string,
  idToken: string | undefined,
) {
  try {
    const configuration = await idp.configuration();
    if (!configuration.serverMetadata().end_session_endpoint) return '/';
    const parameters = {
      post_logout_redirect_uri: postLogoutRedirectUri,
      ...(idToken ? { id_token_hint: idToken } : {}),
    };
    return oidc.buildEndSessionUrl(configuration, parameters).href;
  } catch {
    return '/'; // the IdP is away: the Tandem session has ended all the same
  }
}

/**
 * OpenID Connect Back-Channel Logout: the IdP says a person or an IdP session signed out.
 * Returns whether the token was accepted; both outcomes are audited.
 */
export async function backchannelLogout(
  em: EntityManager,
  idp: IdentityProvider,
  clientId: string,
  logoutToken: string,
): Promise<boolean> {
  try {
    const target = await verifyLogoutToken(idp, clientId, logoutToken);
    const ended = await endSessionsOf(em, idp.userIssuer, target);
    await recordAudit(em, {
      action: 'auth.backchannel-logout',
      data: { ...target, sessionsEnded: ended },
    });
    return true;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    await recordAudit(em, { action: 'auth.backchannel-logout-rejected', data: { detail } });
    return false;
  }
}
