import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken } from '../auth/api-token.js';
import { createApiToken } from '../auth/api-token-service.js';
import { User } from '../modules/users/user.js';
import { DEMO_ISSUER } from './seed-demo.js';

/** The demo's HR admin (Matthias Keller), whom the token acts as. */
const DEMO_ADMIN_SUBJECT = 'demo-02';
/** The name the token shows under in the admin's token list. */
export const DEMO_TOKEN_NAME = 'Demo scripts (printed at start)';

/**
 * A fresh API token of the demo's HR admin for scripts (scopes `read` and `enrolments:write`),
 * made at every demo start. Only a token's hash is stored, so the one printed last time cannot
 * be shown again: the earlier demo tokens are revoked, and only the latest printed one works.
 *
 * @returns the token, or undefined when the database has no demo admin (a real organisation).
 */
export async function demoApiToken(em: EntityManager): Promise<string | undefined> {
  const fork = em.fork();
  const admin = await fork.findOne(User, { issuer: DEMO_ISSUER, subject: DEMO_ADMIN_SUBJECT });
  if (!admin?.roles.includes('admin')) return undefined;
  await fork.nativeUpdate(
    ApiToken,
    { owner: admin.id, name: DEMO_TOKEN_NAME, revokedAt: null },
    { revokedAt: new Date() },
  );
  const { token } = await createApiToken(em, admin, {
    name: DEMO_TOKEN_NAME,
    scopes: ['read', 'enrolments:write'],
  });
  return token;
}

/** The line `tandem start --demo` prints, with a call a script can copy. */
export function demoTokenLine(token: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/$/, '');
  return `Demo API token (HR admin): ${token} — curl -H 'Authorization: Bearer ${token}' ${base}/api/admin/programmes`;
}
