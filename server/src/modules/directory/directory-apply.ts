import type { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { unlinkedSubject } from '../users/directory-link.js';
import { deactivatePerson, reactivatePerson } from '../users/leavers.js';
import type { DirectoryPlan } from './directory-plan.js';

/** Rows per statement: large enough that 50,000 people take a few dozen statements. */
const BATCH = 1000;

/** What leavers did to pairs. */
export interface LeaversApplied {
  pairsDissolved: number;
  enrolmentsWithdrawn: number;
}

/**
 * Writes a plan's new people and changed fields, a batch per statement, then line managers
 * once everyone exists. The caller runs it in a transaction, so a failure leaves the last
 * state rather than half a sync.
 */
export async function writePeople(
  em: EntityManager,
  issuer: string,
  plan: DirectoryPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const total = plan.create.length + plan.update.length + plan.managers.length;
  let done = 0;
  const progress = (rows: number) => {
    done += rows;
    onProgress?.(done, total);
  };
  await inBatches(plan.create, (rows) => insertPeople(em, issuer, rows), progress);
  await inBatches(plan.update, (rows) => updatePeople(em, rows), progress);
  await inBatches(plan.managers, (rows) => setManagers(em, rows), progress);
}

/**
 * Lets returners back in and, unless withheld, deactivates leavers, one by one: each may end
 * pairs and cancel meetings, and a failure part-way leaves the rest for the next sync.
 */
export async function applyLeavers(
  deps: MeetingDependencies,
  plan: DirectoryPlan,
  withDeactivations: boolean,
): Promise<LeaversApplied> {
  for (const { id } of plan.reactivate) await reactivatePerson(deps.em, id, 'ldap');
  const applied = { pairsDissolved: 0, enrolmentsWithdrawn: 0 };
  if (!withDeactivations) return applied;
  for (const { id } of plan.deactivate) {
    const left = await deactivatePerson(deps, id, 'ldap');
    applied.pairsDissolved += left.pairsDissolved;
    applied.enrolmentsWithdrawn += left.enrolmentsWithdrawn;
  }
  return applied;
}

async function inBatches<T>(
  rows: readonly T[],
  write: (batch: readonly T[]) => Promise<unknown>,
  progress: (rows: number) => void,
): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await write(batch);
    progress(batch.length);
  }
}

/**
 * People the directory knows before their first sign-in: their `sub` is not known yet, so
 * they get an unlinked subject, which their first sign-in with the same username replaces.
 */
function insertPeople(
  em: EntityManager,
  issuer: string,
  rows: readonly DirectoryPlan['create'][number][],
) {
  const values = rows.map((row) => ({ ...row, subject: unlinkedSubject() }));
  return em.execute(
    `INSERT INTO app_user (id, issuer, subject, name, email, department, title, locale, username,
                           external_id, directory_source, created_at, updated_at)
     SELECT v.id, ?, v.subject, v.name, v.email, v.department, v.title, v.locale, v.username,
            v."externalId", 'ldap', now(), now()
       FROM jsonb_to_recordset(?::jsonb) AS v(id uuid, subject text, name text, email text,
            department text, title text, locale text, username text, "externalId" text)`,
    [issuer, JSON.stringify(values)],
  );
}

function updatePeople(em: EntityManager, rows: readonly DirectoryPlan['update'][number][]) {
  const values = rows.map(({ id, fields }) => ({ id, ...fields }));
  return em.execute(
    `UPDATE app_user u SET name = v.name, email = v.email, department = v.department,
            title = v.title, locale = v.locale, username = v.username,
            external_id = v."externalId", directory_source = 'ldap', updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS v(id uuid, name text, email text, department text,
            title text, locale text, username text, "externalId" text)
      WHERE u.id = v.id`,
    [JSON.stringify(values)],
  );
}

function setManagers(em: EntityManager, rows: readonly DirectoryPlan['managers'][number][]) {
  return em.execute(
    `UPDATE app_user u SET manager_id = v."managerId", updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS v(id uuid, "managerId" uuid)
      WHERE u.id = v.id`,
    [JSON.stringify(rows.map(({ id, managerId }) => ({ id, managerId })))],
  );
}
