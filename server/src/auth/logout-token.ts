import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { IdentityProvider } from './identity-provider.js';

const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** Whose sessions a valid logout token ends: the IdP session (`sid`), the user (`sub`), or both. */
export interface LogoutRequest {
  subject?: string;
  idpSessionId?: string;
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * Checks an OpenID Connect Back-Channel Logout token: signed by the IdP's keys, issued by it,
 * for our client, recent, carrying the logout event and a `sub` or `sid`, and no nonce.
 * Throws with the reason when any of that fails.
 */
export async function verifyLogoutToken(
  idp: IdentityProvider,
  clientId: string,
  token: string,
): Promise<LogoutRequest> {
  const metadata = (await idp.configuration()).serverMetadata();
  if (!metadata.jwks_uri) throw new Error('the IdP publishes no jwks_uri');
  let keys = keySets.get(metadata.jwks_uri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
    keySets.set(metadata.jwks_uri, keys);
  }
  const { payload } = await jwtVerify(token, keys, {
    issuer: metadata.issuer,
    audience: clientId,
    maxTokenAge: '5 minutes',
  });
  const events = payload.events as Record<string, unknown> | undefined;
  if (!events || typeof events[BACKCHANNEL_LOGOUT_EVENT] !== 'object')
    throw new Error('no back-channel logout event');
  if ('nonce' in payload) throw new Error('a logout token must not carry a nonce');
  const subject = typeof payload.sub === 'string' ? payload.sub : undefined;
  const idpSessionId = typeof payload.sid === 'string' ? payload.sid : undefined;
  if (!subject && !idpSessionId) throw new Error('neither sub nor sid');
  return { ...(subject ? { subject } : {}), ...(idpSessionId ? { idpSessionId } : {}) };
}
