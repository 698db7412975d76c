import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import type { ClaimMapping } from '../users/user-provisioning.js';

/** What SCIM services work with, for one request. */
export interface ScimContext {
  /** Database, clock and notices: a leaver's pair is dissolved with them. */
  deps: MeetingDependencies;
  /** The identity provider the people belong to: the configured OIDC issuer. */
  issuer: string;
  /** The SCIM base URL, `https://tandem.example/scim/v2`, for `location` and `$ref`. */
  baseUrl: string;
  /** How role values map to Tandem roles; SCIM group names are read as such values. */
  roleMapping: ClaimMapping;
  /** The admin whose token the identity provider uses, for the audit log. */
  actorId: string;
}
