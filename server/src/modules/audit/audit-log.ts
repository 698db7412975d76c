import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from './audit-event.js';

export interface AuditEntry {
  /** Dotted verb, e.g. `auth.login-failed`. */
  action: string;
  /** Who acted; omitted for the system or an anonymous caller. */
  actorId?: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Writes one audit event at once, independent of whatever else the caller has pending. */
export async function recordAudit(em: EntityManager, entry: AuditEntry): Promise<void> {
  const fork = em.fork();
  fork.create(AuditEvent, {
    action: entry.action,
    actor: entry.actorId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
  });
  await fork.flush();
}
