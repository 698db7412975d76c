import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { DEMO_PEOPLE, demoEmail } from '../../demo/demo-people.js';
import { DEMO_ISSUER } from '../../demo/seed-demo.js';
import { loginSettings, type SignInSettings } from '../login-settings.js';
import type { DevIdp } from './dev-idp.js';

/** The demo's HR admin (see demo-people.ts): the one persona in the admin group. */
const DEMO_ADMIN_SUBJECT = 'demo-02';
const ADMIN_GROUP = 'tandem-admin';

/**
 * Sign-in for `tandem start --demo` without OIDC_ISSUER: the development IdP at
 * `<PUBLIC_URL>/dev-idp` with the demo people as personas to pick, and Tandem registered as its
 * client. Users are recorded under the fixed demo issuer, so they match the seeded people
 * whatever PUBLIC_URL is. Never in production.
 */
export async function demoSignIn(config: Config): Promise<{ idp: DevIdp; login: SignInSettings }> {
  if (config.env === 'production') {
    throw new Error('the demo identity provider is refused when NODE_ENV=production');
  }
  // Loaded only here: oidc-provider has no place in a production process, and it prints
  // notices (in-memory storage, Node version) to the console when loaded.
  const { createDevIdp } = await import('./dev-idp.js');
  const issuer = `${config.publicUrl}/dev-idp`;
  const client = { clientId: 'tandem-demo', clientSecret: randomBytes(24).toString('base64url') };
  const idp = createDevIdp({
    issuer,
    clients: [
      {
        ...client,
        redirectUris: [`${config.publicUrl}/auth/callback`],
        postLogoutRedirectUris: [`${config.publicUrl}/`],
        backchannelLogoutUri: `${config.publicUrl}/auth/backchannel-logout`,
      },
    ],
    accounts: DEMO_PEOPLE.map((person) => ({
      subject: person.subject,
      name: person.name,
      email: demoEmail(person.name),
      department: person.department,
      title: person.title,
      groups: person.subject === DEMO_ADMIN_SUBJECT ? [ADMIN_GROUP] : [],
      locale: person.locale,
    })),
  });
  return {
    idp,
    login: loginSettings(
      config,
      { issuer, ...client, userIssuer: DEMO_ISSUER },
      {
        scopes: ['openid', 'profile', 'email'],
        roles: 'groups',
        adminRoles: [ADMIN_GROUP],
        department: 'department',
        title: 'title',
      },
    ),
  };
}
