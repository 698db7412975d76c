import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { applyLeavers, writePeople } from './directory-apply.js';
import { type DirectoryPlan, type KnownPerson, planDirectorySync } from './directory-plan.js';
import { type DirectoryReading, readDirectory } from './directory-reader.js';
import type { DirectorySettings } from './directory-settings.js';
import { type DirectorySyncCounts, recordSyncRun } from './directory-sync-run.js';

/** Held while a sync plans and writes people; a name no other advisory lock uses. */
const SYNC_LOCK = 'tandem:directory-sync';

/** Deactivating more than the limit is refused only above this many: a small team may shrink. */
const ALWAYS_ALLOWED_DEACTIVATIONS = 10;

export interface DirectorySyncOptions {
  /** Work out and return the plan, write nothing (not even the run). */
  dryRun: boolean;
  /** Entries read so far, after each page. */
  onRead?: (entries: number) => void;
  /** Rows written so far, of all to write. */
  onProgress?: (done: number, total: number) => void;
}

export interface DirectorySyncResult {
  plan: DirectoryPlan;
  counts: DirectorySyncCounts;
  /** Why the leavers were not deactivated, when the sync refused to; see {@link refusal}. */
  refused: string | undefined;
}

/**
 * Brings the people Tandem knows in line with the directory (see {@link planDirectorySync}).
 * When the directory cannot be read in full, the error is thrown and recorded, and nothing
 * changes: everyone stays as the last sync left them. The run's outcome is recorded for
 * `tandem doctor` and the metrics, and a sync that changed anything leaves an audit event.
 */
export async function syncDirectory(
  deps: MeetingDependencies,
  settings: DirectorySettings,
  issuer: string,
  options: DirectorySyncOptions,
): Promise<DirectorySyncResult> {
  const startedAt = deps.now();
  const record = (
    outcome: 'ok' | 'failed',
    counts: Partial<DirectorySyncCounts>,
    error?: string,
  ) =>
    options.dryRun
      ? Promise.resolve()
      : recordSyncRun(deps.em, {
          startedAt,
          finishedAt: deps.now(),
          outcome,
          counts,
          error: error ?? null,
        });
  try {
    const reading = await readDirectory(settings, options.onRead);
    const limit = settings.deactivationLimitPercent;
    if (options.dryRun) {
      const people = await knownPeople(deps.em, issuer);
      return resultOf(planDirectorySync(reading.entries, people), people, reading, limit);
    }
    // Planned and written under a lock, so that a sync started by hand while the scheduled one
    // runs waits for it and then finds everyone it created.
    const result = await deps.em.transactional(async (em) => {
      await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [SYNC_LOCK]);
      const people = await knownPeople(em, issuer);
      const plan = planDirectorySync(reading.entries, people);
      await writePeople(em, issuer, plan, options.onProgress);
      return resultOf(plan, people, reading, limit);
    });
    const { plan, counts, refused } = result;
    counts.pairsDissolved = (await applyLeavers(deps, plan, !refused)).pairsDissolved;
    await record(refused ? 'failed' : 'ok', counts, refused);
    if (changedAnything(counts))
      await recordAudit(deps.em, { action: 'directory.synced', data: { ...counts } });
    return result;
  } catch (error) {
    await record('failed', {}, (error as Error).message);
    throw error;
  }
}

function resultOf(
  plan: DirectoryPlan,
  people: readonly KnownPerson[],
  reading: DirectoryReading,
  limitPercent: number,
): DirectorySyncResult {
  const refused = refusal(plan, people, reading, limitPercent);
  return { plan, counts: planned(plan, reading, refused), refused };
}

/** Everyone of the issuer, with the fields the directory sets, in one query. */
async function knownPeople(em: EntityManager, issuer: string): Promise<KnownPerson[]> {
  const rows = await em.execute<
    (Omit<KnownPerson, 'deactivated'> & { deactivatedAt: Date | null })[]
  >(
    `SELECT id, username, external_id AS "externalId", directory_source AS "directorySource",
            name, email, department, title, locale, manager_id AS "managerId",
            deactivated_at AS "deactivatedAt"
       FROM app_user WHERE issuer = ?`,
    [issuer],
  );
  return rows.map(({ deactivatedAt, ...person }) => ({ ...person, deactivated: !!deactivatedAt }));
}

/**
 * Why deactivating the plan's leavers would be wrong, if it would: a directory that answers
 * with nobody, or more leavers at once than the limit allows, looks like a wrong filter, base
 * DN or permissions, and deactivating would dissolve pairs that cannot be put back.
 */
function refusal(
  plan: DirectoryPlan,
  people: readonly KnownPerson[],
  reading: DirectoryReading,
  limitPercent: number,
): string | undefined {
  const leaving = plan.deactivate.length;
  if (leaving === 0) return undefined;
  if (reading.entries.length === 0)
    return `the directory listed nobody: deactivating ${leaving} people refused (check LDAP_BASE_DN, LDAP_FILTER and the service account's rights)`;
  const managed = people.filter((p) => p.directorySource === 'ldap' && !p.deactivated).length;
  const limit = Math.floor((managed * limitPercent) / 100);
  if (leaving <= Math.max(limit, ALWAYS_ALLOWED_DEACTIVATIONS)) return undefined;
  return `${leaving} of ${managed} people would be deactivated, more than LDAP_DEACTIVATION_LIMIT_PERCENT=${limitPercent} allows: nobody deactivated (raise the limit for one run if they really left)`;
}

function planned(
  plan: DirectoryPlan,
  reading: DirectoryReading,
  refused: string | undefined,
): DirectorySyncCounts {
  const counted = new Set([...plan.create, ...plan.update].map(({ id }) => id));
  const managersOnly = plan.managers.filter(({ id }) => !counted.has(id)).length;
  return {
    entries: reading.entries.length + reading.incomplete,
    created: plan.create.length,
    updated: plan.update.length + managersOnly,
    unchanged: plan.unchanged,
    deactivated: refused ? 0 : plan.deactivate.length,
    reactivated: plan.reactivate.length,
    skipped: plan.skipped.length + reading.incomplete,
    pairsDissolved: 0,
  };
}

function changedAnything(counts: DirectorySyncCounts): boolean {
  return counts.created + counts.updated + counts.deactivated + counts.reactivated > 0;
}
