import type { Config } from '../config.js';
import { EXIT_USAGE, OperatorError } from '../errors.js';
import { setAdmin } from '../modules/users/admin-grant.js';
import { ServiceError } from '../service-error.js';
import { withDatabase } from './cli-database.js';

export const ADMIN_USAGE = 'Usage: tandem admin grant|revoke <email or subject>';

/**
 * `tandem admin grant|revoke <who>`: gives or takes the admin role, e.g. the first admin
 * before the identity provider's groups are set up. A granted role outlives sign-ins.
 */
export async function adminCommand(config: Config, args: string[]): Promise<void> {
  const [action, who, ...rest] = args;
  if ((action !== 'grant' && action !== 'revoke') || !who || rest.length)
    throw new OperatorError(ADMIN_USAGE, EXIT_USAGE);
  const change = await withDatabase(config, (orm) =>
    setAdmin(orm.em, who, action === 'grant', 'cli').catch((error: unknown) => {
      throw error instanceof ServiceError ? new OperatorError(error.message) : error;
    }),
  );
  const person = `${change.user.name} (${change.user.email ?? change.user.subject})`;
  if (action === 'grant')
    console.log(change.changed ? `${person} is now an admin.` : `${person} already was an admin.`);
  else
    console.log(
      change.changed ? `${person} is no longer an admin.` : `${person} was not an admin.`,
    );
  if (change.adminByClaim)
    console.log(
      'They were admin through the identity provider’s roles claim (OIDC_ADMIN_ROLES): they are admin again at their next sign-in unless it changes there.',
    );
}
