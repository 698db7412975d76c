// The CI stack's OpenID Provider (.ci/container/compose.yaml): Tandem's own development IdP
// (oidc-provider, authorization code flow with PKCE; compiled into the image's dist/), serving
// three people to sign in as. Tandem refuses its built-in demo IdP under NODE_ENV=production, so
// it runs here as a separate service, as an organisation's IdP would.
// Run with the Tandem image's node: `node /app/ci/idp.mjs`.
import { createServer } from 'node:http';
import { createDevIdp } from '/app/dist/auth/dev-idp/dev-idp.js';

const tandem = process.env.TANDEM_URL;
const idp = createDevIdp({
  issuer: process.env.ISSUER,
  clients: [
    {
      clientId: 'tandem',
      clientSecret: process.env.CLIENT_SECRET,
      redirectUris: [`${tandem}/auth/callback`],
      postLogoutRedirectUris: [`${tandem}/`],
    },
  ],
  accounts: [
    {
      subject: 'ci-admin',
      name: 'Hanna Admin',
      email: 'hanna@ci.tandem.example',
      department: 'Personal',
      groups: ['tandem-admin'],
    },
    {
      subject: 'ci-mentor',
      name: 'Mia Mentor',
      email: 'mia@ci.tandem.example',
      department: 'IT',
      groups: [],
    },
    {
      subject: 'ci-mentee',
      name: 'Max Mentee',
      email: 'max@ci.tandem.example',
      department: 'Finanzen',
      groups: [],
    },
  ],
});
createServer((request, response) => idp.handle(request, response)).listen(4000, '0.0.0.0');
