import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { hasRole } from '../users/tandem-roles.js';
import type { User } from '../users/user.js';
import { AuditEvent } from './audit-event.js';
import { auditNames } from './audit-names.js';
import type { AuditEventView, AuditFilter, AuditPage } from './audit-schemas.js';

/**
 * Audit events, newest first, one page of those matching the filter. Admins see everything;
 * a report reader (staff council, data protection officer) sees what happened, when and to
 * which programme, but nobody: no actor, no person or pair targeted, no data.
 *
 * @throws ServiceError forbidden when a report reader filters by a person or a target.
 */
export async function listAuditEvents(
  em: EntityManager,
  filter: AuditFilter,
  viewer: Pick<User, 'roles'>,
): Promise<AuditPage> {
  const withoutPeople = !hasRole(viewer, 'admin');
  if (withoutPeople && (filter.actorId || filter.targetId))
    throw new ServiceError(
      'forbidden',
      'Report readers cannot look for a person in the audit log.',
    );
  const fork = em.fork();
  const [events, total] = await fork.findAndCount(AuditEvent, where(filter), {
    populate: ['actor'],
    orderBy: { at: 'desc', id: 'desc' },
    limit: filter.limit,
    offset: filter.offset,
  });
  const names = await auditNames(fork, events);
  if (!withoutPeople) return { total, events: events.map(view), names, withoutPeople };
  const shown = events.map(withoutPerson);
  const programmeIds = new Set(shown.map((event) => event.targetId));
  const programmeNames = Object.entries(names).filter(([id]) => programmeIds.has(id));
  return { total, events: shown, names: Object.fromEntries(programmeNames), withoutPeople };
}

/** An event as a report reader sees it: what happened, when, and to which programme. */
function withoutPerson(event: AuditEvent): AuditEventView {
  const aboutProgramme = event.targetType === 'programme';
  return {
    ...view(event),
    actor: null,
    targetId: aboutProgramme ? (event.targetId ?? null) : null,
    data: {},
  };
}

function where(filter: AuditFilter): FilterQuery<AuditEvent> {
  const at: { $gte?: Date; $lt?: Date } = {};
  if (filter.from) at.$gte = new Date(filter.from);
  if (filter.to) at.$lt = new Date(filter.to);
  return {
    // A prefix, so `auth.` finds every sign-in event; % and _ in it are meant literally.
    ...(filter.action ? { action: { $like: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` } } : {}),
    ...(filter.actorId ? { actor: filter.actorId } : {}),
    ...(filter.targetType ? { targetType: filter.targetType } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.from || filter.to ? { at } : {}),
  };
}

function view(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: event.actor ? { id: event.actor.id, name: event.actor.name } : null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    data: event.data,
  };
}
