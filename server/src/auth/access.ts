import type { TandemRole } from '../modules/users/tandem-roles.js';

/**
 * Who may call a route. Every route says it in its `config.access`; a route without one is
 * refused at start-up (see auth-plugin.ts), so nothing is public by accident.
 * - `anonymous`: anyone, signed in or not
 * - `participant`: any signed-in person
 * - `admin`: admins only (organisation-wide things: people, tokens, plugins, skills, deliveries)
 * - `staff`: admins, programme managers and report readers (lists the service narrows per role)
 * - `managers`: admins and programme managers (lists the service narrows to their programmes)
 * - `programme`: admins, and the programme managers of the programme the route names
 * - `programme-report`: as `programme`, and report readers (aggregates only)
 * - `reports`: admins and report readers (the audit log, shown to readers without people)
 * - `scim`: provisioning clients (an identity provider's SCIM connector) with an API token of
 *   scope `scim`; never a session, and such a token opens nothing else
 */
export type Access =
  | 'anonymous'
  | 'participant'
  | 'admin'
  | 'staff'
  | 'managers'
  | 'programme'
  | 'programme-report'
  | 'reports'
  | 'scim';

/**
 * What the `:id` of a `programme` or `programme-report` route names, to find its programme:
 * the programme itself (the default), or a pair, a forbid, a matching run or a notification's
 * delivery in it.
 */
export type ProgrammeOf = 'programme' | 'match' | 'forbid' | 'matching-run' | 'delivery';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    programmeOf?: ProgrammeOf;
  }
}

/** Access beyond participant: the roles that open it, and whether managers are held to their programmes. */
const STAFF: Record<
  Exclude<Access, 'anonymous' | 'participant' | 'scim'>,
  readonly TandemRole[]
> = {
  admin: ['admin'],
  staff: ['admin', 'programme-manager', 'report-reader'],
  managers: ['admin', 'programme-manager'],
  programme: ['admin', 'programme-manager'],
  'programme-report': ['admin', 'report-reader', 'programme-manager'],
  reports: ['admin', 'report-reader'],
};

/** Access for which a signed-in person needs a Tandem role; API tokens (of admins) work there. */
export function needsRole(access: Access | undefined): access is keyof typeof STAFF {
  return access !== undefined && access in STAFF;
}

/**
 * What a person's roles make of a route: `yes`, `no`, or `if-assigned` when only their
 * programme-manager role opens it and the route's programme must be one of theirs.
 */
export function roleAccess(
  access: keyof typeof STAFF,
  roles: readonly string[],
): 'yes' | 'no' | 'if-assigned' {
  const opening = STAFF[access].filter((role) => roles.includes(role));
  if (opening.length === 0) return 'no';
  const scoped = access === 'programme' || access === 'programme-report';
  return scoped && opening.every((role) => role === 'programme-manager') ? 'if-assigned' : 'yes';
}
