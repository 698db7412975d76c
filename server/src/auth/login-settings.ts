import type { Config } from '../config.js';
import { identityProvider } from './identity-provider.js';
import type { LoginSettings } from './login-service.js';

/** Sign-in settings for the organisation's IdP from the config, or undefined if none is set. */
export function loginSettings(config: Config): (LoginSettings & { clientId: string }) | undefined {
  if (!config.oidc) return undefined;
  return {
    idp: identityProvider(config.oidc),
    clientId: config.oidc.clientId,
    redirectUri: `${config.publicUrl}/auth/callback`,
    scopes: config.claims.scopes,
    claims: config.claims,
    maxAgeMs: config.session.maxAgeMs,
  };
}
