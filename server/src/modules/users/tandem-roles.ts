/**
 * Tandem's roles beyond participant:
 * - `admin`: everything;
 * - `programme-manager`: what an admin does, for the programmes an admin assigned to them;
 * - `report-reader`: aggregate reports of every programme and the audit log, read-only and
 *   without anything personal (staff council, data protection officer).
 */
export const TANDEM_ROLES = ['admin', 'programme-manager', 'report-reader'] as const;
export type TandemRole = (typeof TANDEM_ROLES)[number];

/** Which values of the identity provider's roles claim (or SCIM groups) give which role. */
export interface RoleMapping {
  adminRoles: string[];
  /** None when left out: the role is then given in the web app only. */
  programmeManagerRoles?: string[];
  reportReaderRoles?: string[];
}

/**
 * A role given in Tandem (in the web app, or `tandem admin grant`) rather than by the identity
 * provider is stored twice in `app_user.roles`: the role, and this marker beside it. Sign-in
 * replaces the roles from the claims and keeps the marked ones, so only Tandem takes them away.
 */
export const grantedMarker = (role: TandemRole): string => `granted:${role}`;

/** Every Tandem role the values give, in the order of TANDEM_ROLES. Pure: SCIM calls it too. */
export function rolesFrom(values: readonly string[], mapping: RoleMapping): TandemRole[] {
  const given: Record<TandemRole, string[]> = {
    admin: mapping.adminRoles,
    'programme-manager': mapping.programmeManagerRoles ?? [],
    'report-reader': mapping.reportReaderRoles ?? [],
  };
  return TANDEM_ROLES.filter((role) => values.some((value) => given[role].includes(value)));
}

/** The person's roles after a sign-in: those of the claims, plus every role granted in Tandem. */
export function refreshedRoles(
  stored: readonly string[],
  claimed: readonly TandemRole[],
): string[] {
  const granted = TANDEM_ROLES.filter((role) => stored.includes(grantedMarker(role)));
  return [...new Set([...claimed, ...granted, ...granted.map(grantedMarker)])];
}

/** The Tandem roles a person holds, without the markers. */
export function tandemRoles(stored: readonly string[]): TandemRole[] {
  return TANDEM_ROLES.filter((role) => stored.includes(role));
}

export const hasRole = (user: { roles: readonly string[] }, role: TandemRole): boolean =>
  user.roles.includes(role);
