import { msg, str } from '@lit/localize';
import { roleLabel, stateLabel } from '../components/programme-labels.js';
import type { EnrolmentRole } from '../data/admin-enrolments.js';
import type { ProgrammeState } from '../data/admin-programmes.js';
import type { AuditEvent } from '../data/audit.js';
import { plural } from '../i18n/plural.js';

/** Display names by id, as the audit page's answer carries them. */
export type Names = Record<string, string>;

const PROGRAMME_STATES: readonly string[] = ['draft', 'enrolment', 'matching', 'running', 'closed'];
const ROLES: readonly string[] = ['mentor', 'mentee', 'either'];

/** What happened, in the reader's language; an action this page does not know shows its code. */
export function actionLabel(action: string): string {
  return ACTIONS[action]?.() ?? action;
}

const ACTIONS: Record<string, () => string> = {
  'programme.created': () => msg('Programme created', { id: 'auditEvent.programmeCreated' }),
  'programme.updated': () => msg('Programme changed', { id: 'auditEvent.programmeUpdated' }),
  'programme.state-changed': () =>
    msg('Programme moved to another stage', { id: 'auditEvent.programmeStateChanged' }),
  'programme.enrolments-exported': () =>
    msg('Enrolments exported', { id: 'auditEvent.enrolmentsExported' }),
  'programme.enrolments-imported': () =>
    msg('Enrolments imported', { id: 'auditEvent.enrolmentsImported' }),
  'programme.report-exported': () => msg('Report exported', { id: 'auditEvent.reportExported' }),
  'programme.free-text-read': () =>
    msg('Free-text survey answers read', { id: 'impact.auditEvent.freeTextRead' }),
  'programme.certificates-issued': () =>
    msg('Certificates issued', { id: 'auditEvent.certificatesIssued' }),
  'enrolment.enrolled-by-admin': () =>
    msg('Enrolled by an admin', { id: 'auditEvent.enrolledByAdmin' }),
  'matching.requested': () => msg('Matching run started', { id: 'auditEvent.matchingRequested' }),
  'matching.published': () => msg('Pairs published', { id: 'auditEvent.matchingPublished' }),
  'matching.rematched': () => msg('New partners found at once', { id: 'auditEvent.rematched' }),
  'matching.pinned': () => msg('Pair pinned', { id: 'auditEvent.pinned' }),
  'matching.unpinned': () => msg('Pair unpinned', { id: 'auditEvent.unpinned' }),
  'matching.unmatched': () => msg('Pair taken apart', { id: 'auditEvent.unmatched' }),
  'matching.forbidden': () => msg('Pair ruled out', { id: 'auditEvent.forbidden' }),
  'matching.swapped': () => msg('Partners swapped', { id: 'auditEvent.swapped' }),
  'pair.dissolved': () => msg('Pair dissolved', { id: 'auditEvent.pairDissolved' }),
  'auth.login': () => msg('Signed in', { id: 'auditEvent.login' }),
  'auth.login-failed': () => msg('Sign-in failed', { id: 'auditEvent.loginFailed' }),
  'auth.logout': () => msg('Signed out', { id: 'auditEvent.logout' }),
  'auth.admin-denied': () => msg('Refused: administration only', { id: 'auditEvent.adminDenied' }),
  'auth.cross-site-refused': () =>
    msg('Refused: request from another site', { id: 'auditEvent.crossSiteRefused' }),
  'auth.backchannel-logout': () =>
    msg('Signed out by the sign-in service', { id: 'auditEvent.backchannelLogout' }),
  'auth.backchannel-logout-rejected': () =>
    msg('Sign-out by the sign-in service refused', { id: 'auditEvent.backchannelRejected' }),
  'session.expired': () => msg('Session expired', { id: 'auditEvent.sessionExpired' }),
  'session.purged': () => msg('Old sessions removed', { id: 'auditEvent.sessionsPurged' }),
  'user.created': () => msg('Person added', { id: 'auditEvent.userCreated' }),
  'user.deleted': () => msg('Account deleted', { id: 'auditEvent.userDeleted' }),
  'user.data-exported': () =>
    msg("A person's data exported", { id: 'auditEvent.userDataExported' }),
  'user.admin-granted': () => msg('Made an admin', { id: 'auditEvent.adminGranted' }),
  'user.admin-revoked': () => msg('No longer an admin', { id: 'auditEvent.adminRevoked' }),
  'user.roles-changed': () => msg('Roles changed', { id: 'auditEvent.rolesChanged' }),
  'user.roles-assigned': () =>
    msg('Roles given or taken in Tandem', { id: 'roles.auditEvent.rolesAssigned' }),
  'programme.managers-changed': () =>
    msg('Programme managers changed', { id: 'roles.auditEvent.managersChanged' }),
  'auth.programme-denied': () =>
    msg('Refused: programme not assigned', { id: 'roles.auditEvent.programmeDenied' }),
  'user.sessions-ended': () => msg('Sessions ended', { id: 'auditEvent.sessionsEnded' }),
  'user.people-imported': () => msg('People imported', { id: 'auditEvent.peopleImported' }),
  'directory.synced': () =>
    msg('People synced from the directory', { id: 'auditEvent.directorySynced' }),
  'user.deactivated': () =>
    msg('Left the organisation: deactivated', { id: 'auditEvent.userDeactivated' }),
  'user.reactivated': () => msg('Reactivated', { id: 'auditEvent.userReactivated' }),
  'skill.created': () => msg('Skill added', { id: 'auditEvent.skillCreated' }),
  'skill.updated': () => msg('Skill changed', { id: 'auditEvent.skillUpdated' }),
  'api-token.created': () => msg('API token created', { id: 'auditEvent.tokenCreated' }),
  'api-token.revoked': () => msg('API token revoked', { id: 'auditEvent.tokenRevoked' }),
  'scim.user-created': () => msg('Person provisioned (SCIM)', { id: 'auditEvent.scimUserCreated' }),
  'scim.user-adopted': () =>
    msg('Person taken into SCIM provisioning', { id: 'auditEvent.scimUserAdopted' }),
  'scim.user-replaced': () => msg('Person changed by SCIM', { id: 'auditEvent.scimUserChanged' }),
  'scim.user-patched': () => msg('Person changed by SCIM', { id: 'auditEvent.scimUserChanged' }),
  'scim.user-deleted': () => msg('Person removed by SCIM', { id: 'auditEvent.scimUserDeleted' }),
  'scim.group-created': () =>
    msg('Group provisioned (SCIM)', { id: 'auditEvent.scimGroupCreated' }),
  'scim.group-updated': () => msg('Group changed by SCIM', { id: 'auditEvent.scimGroupUpdated' }),
  'scim.group-deleted': () => msg('Group removed by SCIM', { id: 'auditEvent.scimGroupDeleted' }),
  'delivery.retried': () => msg('Message sent again', { id: 'auditEvent.deliveryRetried' }),
  'organisation.updated': () =>
    msg('Organisation details changed', { id: 'auditEvent.organisationUpdated' }),
  'notes.encrypted': () => msg('Notes encrypted', { id: 'auditEvent.notesEncrypted' }),
  'notes.rotated': () => msg('Notes re-encrypted', { id: 'auditEvent.notesRotated' }),
  'audit.purged': () => msg('Old entries removed', { id: 'auditEvent.auditPurged' }),
  'demo.seeded': () => msg('Demo data created', { id: 'auditEvent.demoSeeded' }),
};

/** Whom or what it happened to: a programme or person by name, a pair by its programme. */
export function targetText(event: AuditEvent, names: Names): string {
  const { targetType: type, targetId: id } = event;
  if (!type) return '–';
  const name = id ? names[id] : undefined;
  if (type === 'match' && name) return msg(str`A pair in ${name}`, { id: 'auditEvent.pairIn' });
  if (name) return name;
  return id ? `${type} ${id}` : type;
}

/** The event's details as a sentence where this page knows the action, else as "key: value". */
export function detailText(event: AuditEvent, names: Names): string {
  const { data } = event;
  const name = (value: unknown) =>
    typeof value === 'string' ? (names[value] ?? value) : String(value);
  const both = (ids: unknown) => (Array.isArray(ids) ? ids.map(name) : []);
  switch (event.action) {
    case 'programme.state-changed':
      if (isState(data.from) && isState(data.to)) {
        const [from, to] = [stateLabel(data.from), stateLabel(data.to)];
        return msg(str`From “${from}” to “${to}”`, { id: 'auditEvent.fromTo' });
      }
      break;
    case 'matching.published':
    case 'matching.rematched':
      if (typeof data.pairs === 'number') {
        const count = data.pairs;
        return plural(count, {
          one: msg(str`${count} pair`, { id: 'auditEvent.pairs.one' }),
          other: msg(str`${count} pairs`, { id: 'auditEvent.pairs' }),
        });
      }
      break;
    case 'matching.forbidden': {
      const [a, b] = both(data.enrolmentIds);
      if (a && b) return msg(str`${a} and ${b} are never paired`, { id: 'auditEvent.neverPair' });
      break;
    }
    case 'matching.swapped': {
      const [a, b] = both(data.enrolmentIds);
      if (a && b) return msg(str`${a} and ${b} swapped partners`, { id: 'auditEvent.swappedWho' });
      break;
    }
    case 'pair.dissolved':
      return data.by === 'admin'
        ? msg('By an admin', { id: 'auditEvent.byAdmin' })
        : msg('By a member of the pair', { id: 'auditEvent.byMember' });
    case 'enrolment.enrolled-by-admin':
      if (typeof data.programmeId === 'string' && isRole(data.role)) {
        const [programme, role] = [name(data.programmeId), roleLabel(data.role)];
        return msg(str`In ${programme} as ${role}`, { id: 'auditEvent.enrolledIn' });
      }
      break;
  }
  return keyValues(event, name);
}

/** Whatever else an event carries, ids as names; a pair's programme is said by its target. */
function keyValues(event: AuditEvent, name: (value: unknown) => string): string {
  return Object.entries(event.data)
    .filter(([key]) => !(key === 'programmeId' && event.targetType === 'match'))
    .map(([key, value]) => `${key}: ${valueText(value, name)}`)
    .join('; ');
}

function valueText(value: unknown, name: (value: unknown) => string): string {
  if (Array.isArray(value)) return value.map((item) => valueText(item, name)).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return name(value);
}

function isState(value: unknown): value is ProgrammeState {
  return typeof value === 'string' && PROGRAMME_STATES.includes(value);
}

function isRole(value: unknown): value is EnrolmentRole {
  return typeof value === 'string' && ROLES.includes(value);
}
