import type { EntityManager } from '@mikro-orm/postgresql';
import { Enrolment } from '../enrolment/enrolment.js';
import { Match } from '../matching/match.js';
import { Programme } from '../programmes/programme.js';
import { User } from '../users/user.js';
import type { AuditEvent } from './audit-event.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an event names, by what they are: its target and the ids in its data. */
interface Mentioned {
  programmes: Set<string>;
  users: Set<string>;
  matches: Set<string>;
  enrolments: Set<string>;
}

/**
 * Display names for the ids a page of audit events mentions, so that an admin reads "Digital
 * fit" and "Aylin Demir" instead of ids: programmes by their name, people by theirs (enrolments
 * too, by their person's), pairs by their programme's name (who was in a pair stays private,
 * as everywhere else). Ids of things that are gone are left out: the reader sees the id.
 */
export async function auditNames(
  em: EntityManager,
  events: AuditEvent[],
): Promise<Record<string, string>> {
  const ids = mentioned(events);
  const names: Record<string, string> = {};
  const where = (set: Set<string>) => ({ id: { $in: [...set] } });
  const programmes = ids.programmes.size ? await em.find(Programme, where(ids.programmes)) : [];
  const users = ids.users.size ? await em.find(User, where(ids.users)) : [];
  const matches = ids.matches.size
    ? await em.find(Match, where(ids.matches), { populate: ['programme'] })
    : [];
  const enrolments = ids.enrolments.size
    ? await em.find(Enrolment, where(ids.enrolments), { populate: ['user'] })
    : [];
  for (const programme of programmes) names[programme.id] = programme.name;
  for (const user of users) names[user.id] = user.name;
  for (const match of matches) names[match.id] = match.programme.name;
  for (const enrolment of enrolments) names[enrolment.id] = enrolment.user.name;
  return names;
}

function mentioned(events: AuditEvent[]): Mentioned {
  const ids: Mentioned = {
    programmes: new Set(),
    users: new Set(),
    matches: new Set(),
    enrolments: new Set(),
  };
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) set.add(value);
  };
  for (const event of events) {
    if (event.targetType === 'programme') add(ids.programmes, event.targetId);
    if (event.targetType === 'user') add(ids.users, event.targetId);
    if (event.targetType === 'match') add(ids.matches, event.targetId);
    add(ids.programmes, event.data.programmeId);
    const enrolmentIds = event.data.enrolmentIds;
    if (Array.isArray(enrolmentIds)) for (const id of enrolmentIds) add(ids.enrolments, id);
  }
  return ids;
}
