import type { Test } from 'tap';
import {
  createDevIdp,
  type DevIdp,
  type DevIdpAccount,
  type DevIdpClient,
} from '../../src/auth/dev-idp/dev-idp.js';
import { listen } from './listen.js';

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
  let idp: DevIdp | undefined;
  // The issuer names the port, so the server listens first and gets its handler right after.
  const port = await listen(t, (req, res) => idp?.handle(req, res));
  const issuer = `http://127.0.0.1:${port}/idp`;
  idp = createDevIdp({
    issuer,
    clients,
    accounts: accounts.map((a) => ({ ...a, groups: [...a.groups] })),
  });
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
