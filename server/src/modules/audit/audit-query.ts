import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from './audit-event.js';
import { auditNames } from './audit-names.js';
import type { AuditEventView, AuditFilter, AuditPage } from './audit-schemas.js';

/** Audit events for admins, newest first, one page of those matching the filter. */
export async function listAuditEvents(em: EntityManager, filter: AuditFilter): Promise<AuditPage> {
  const fork = em.fork();
  const [events, total] = await fork.findAndCount(AuditEvent, where(filter), {
    populate: ['actor'],
    orderBy: { at: 'desc', id: 'desc' },
    limit: filter.limit,
    offset: filter.offset,
  });
  return { total, events: events.map(view), names: await auditNames(fork, events) };
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
