import { createServer } from 'node:http';
import type { Test } from 'tap';
import {
  createDevIdp,
  type DevIdp,
  type DevIdpAccount,
  type DevIdpClient,
} from '../../src/auth/dev-idp/dev-idp.js';
import { freePort } from '../../src/free-port.js';

export interface TestIdp extends DevIdp {
  issuer: string;
}

export const TEST_ACCOUNTS: DevIdpAccount[] = [
  {
    subject: 'ada',
    name: 'Ada Nachwuchs',
    email: 'ada@amt.example',
    department: 'IT und Digitalisierung',
    title: 'Softwareentwicklerin',
    groups: [],
  },
  {
    subject: 'bernd',
    name: 'Bernd Leitung',
    email: 'bernd@amt.example',
    department: 'Finanzen',
    title: 'Abteilungsleiter',
    groups: ['staff'],
  },
  {
    subject: 'hanna',
    name: 'Hanna Personal',
    email: 'hanna@amt.example',
    department: 'Zentrale Dienste',
    title: 'Personalreferentin',
    groups: ['staff', 'tandem-admin'],
  },
];

/** A real OpenID Provider on a loopback port, closed at the end of the test. */
export async function startTestIdp(
  t: Test,
  clients: DevIdpClient[],
  accounts = TEST_ACCOUNTS,
): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}/idp`;
  const idp = createDevIdp({
    issuer,
    clients,
    accounts: accounts.map((a) => ({ ...a, groups: [...a.groups] })),
  });
  const server = createServer((req, res) => idp.handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  t.teardown(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { ...idp, issuer };
}

/** The client registration of a Tandem at `tandemUrl`. */
export function tandemClient(tandemUrl: string, clientId = 'tandem'): DevIdpClient {
  return {
    clientId,
    clientSecret: `${clientId}-secret`,
    redirectUris: [`${tandemUrl}/auth/callback`],
    postLogoutRedirectUris: [`${tandemUrl}/`],
    backchannelLogoutUri: `${tandemUrl}/auth/backchannel-logout`,
  };
}
