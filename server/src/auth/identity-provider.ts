import * as oidc from 'openid-client';
import { LoginError } from './login-error.js';

export interface IdentityProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * The issuer users are recorded under. Normally the issuer itself; the built-in demo IdP
   * uses a fixed name so that its users survive a change of PUBLIC_URL.
   */
  userIssuer?: string;
}

export interface IdentityProvider {
  readonly userIssuer: string;
  /** The provider's metadata and our client, discovered on first use and kept. */
  configuration(): Promise<oidc.Configuration>;
}

/**
 * The organisation's OpenID Provider as seen by Tandem. Discovery is lazy: Tandem starts even
 * while the IdP is down (sign-in then answers 502 until it is back), and the demo IdP, which is
 * served by Tandem itself, is not asked before Tandem listens.
 */
export function identityProvider(settings: IdentityProviderSettings): IdentityProvider {
  let discovered: Promise<oidc.Configuration> | undefined;
  const discover = async () => {
    const issuer = new URL(settings.issuer);
    // http is only accepted for loopback issuers (config.ts checks), i.e. tests and the demo.
    const options =
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
    return oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
  };
  return {
    userIssuer: settings.userIssuer ?? settings.issuer,
    configuration() {
      discovered ??= discover().catch((error: unknown) => {
        discovered = undefined; // ask again next time
        throw new LoginError(
          'idp-unreachable',
          error instanceof Error ? error.message : String(error),
        );
      });
      return discovered;
    },
  };
}
