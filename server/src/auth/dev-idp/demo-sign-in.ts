import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { DEMO_PEOPLE, demoEmail } from '../../demo/demo-people.js';
import { DEMO_ISSUER, reverseRole } from '../../demo/seed-demo.js';
import type { Log } from '../../logger.js';
import { loginSettings, type SignInSettings } from '../login-settings.js';
import type { DevIdp } from './dev-idp.js';
import type { LoginPageGroup } from './pages.js';

/** The demo's HR admin (see demo-people.ts): the one persona in the admin group. */
const DEMO_ADMIN_SUBJECT = 'demo-02';
const ADMIN_GROUP = 'tandem-admin';

/**
 * The demo sign-in page's headings: who to pick to see Tandem as HR, as either side of the
 * seeded reverse mentoring programme, or as someone who has not enrolled yet.
 */
const PERSONA_GROUPS: LoginPageGroup[] = [
  {
    id: 'admin',
    title: { de: 'HR-Administration', en: 'HR admin' },
    hint: {
      de: 'Richtet Programme ein, bildet die Tandems und sieht die Berichte.',
      en: 'Sets up programmes, forms the tandems and sees the reports.',
    },
  },
  {
    id: 'mentor',
    title: { de: 'Mentorinnen und Mentoren', en: 'Mentors' },
    hint: {
      de: 'Nachwuchskräfte, die Führungskräften Digitales zeigen; angemeldet bei „Digital fit“.',
      en: 'Young staff who show leaders digital tools; enrolled in “Digital fit”.',
    },
  },
  {
    id: 'mentee',
    title: { de: 'Mentees', en: 'Mentees' },
    hint: {
      de: 'Führungskräfte, die von Jüngeren lernen; angemeldet bei „Digital fit“.',
      en: 'Leaders who learn from younger colleagues; enrolled in “Digital fit”.',
    },
  },
  {
    id: 'not-enrolled',
    title: { de: 'Noch nicht angemeldet', en: 'Not yet enrolled' },
    hint: {
      de: 'Noch in keinem Mentoring-Programm: So sehen Sie die Anmeldung von Anfang an.',
      en: 'Not in a mentoring programme yet: see enrolment from the start.',
    },
  },
];

/**
 * Sign-in for `tandem start --demo` without OIDC_ISSUER: the development IdP at
 * `<PUBLIC_URL>/dev-idp` with the demo people as personas to pick, and Tandem registered as its
 * client. Users are recorded under the fixed demo issuer, so they match the seeded people
 * whatever PUBLIC_URL is. Never in production.
 */
export async function demoSignIn(
  config: Config,
  log?: Log,
): Promise<{ idp: DevIdp; login: SignInSettings }> {
  if (config.env === 'production') {
    throw new Error('the demo identity provider is refused when NODE_ENV=production');
  }
  const issuer = `${config.publicUrl}/dev-idp`;
  const client = { clientId: 'tandem-demo', clientSecret: randomBytes(24).toString('base64url') };
  // Loaded only here: oidc-provider has no place in a production process.
  const idp = await providerWarningsToDebug(log, async () => {
    const { createDevIdp } = await import('./dev-idp.js');
    return createDevIdp({
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
        group:
          person.subject === DEMO_ADMIN_SUBJECT ? 'admin' : (reverseRole(person) ?? 'not-enrolled'),
      })),
      groups: PERSONA_GROUPS,
    });
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
        username: 'preferred_username',
      },
    ),
  };
}

/**
 * Runs `start` with oidc-provider's console warnings sent to the debug log instead. When loaded
 * and started it warns that the Node version is older than it prefers and that its storage is in
 * memory: both true of the demo IdP by design, and they would greet every demo start.
 */
async function providerWarningsToDebug<T>(log: Log | undefined, start: () => Promise<T>) {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.includes('oidc-provider WARNING:')) {
      log?.debug(first);
      return;
    }
    warn(...args);
  };
  try {
    return await start();
  } finally {
    console.warn = warn;
  }
}
