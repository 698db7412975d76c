import type { Config } from '../config.js';
import type { ClaimMapping } from '../modules/users/user-provisioning.js';
import { type IdentityProviderSettings, identityProvider } from './identity-provider.js';
import type { LoginSettings } from './login-service.js';

export type SignInSettings = LoginSettings & { clientId: string };

/**
 * Sign-in settings for an IdP: the organisation's (from OIDC_*) or the demo IdP, which brings
 * its own claim mapping.
 */
export function loginSettings(
  config: Config,
  provider: IdentityProviderSettings,
  claims: ClaimMapping & { scopes: string[] } = config.claims,
): SignInSettings {
  return {
    idp: identityProvider(provider),
    clientId: provider.clientId,
    publicUrl: config.publicUrl,
    redirectUri: `${config.publicUrl}/auth/callback`,
    scopes: claims.scopes,
    claims,
    maxAgeMs: config.session.maxAgeMs,
  };
}
