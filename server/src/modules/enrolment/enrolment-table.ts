import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { EMPTY_PROFILE } from '../profiles/profile-schema.js';
import { Programme } from '../programmes/programme.js';
import type {
  EnrolmentExportFilter,
  EnrolmentFilter,
  EnrolmentRow,
  EnrolmentTable,
} from './enrolment-schemas.js';

/**
 * Lower case without accents, so that `muller` finds Müller and Özdemir sorts with the Os
 * whatever the database's collation (the embedded one's is C).
 */
const folded = (column: string) =>
  `regexp_replace(normalize(lower(${column}), NFD), '[\\u0300-\\u036f]', '', 'g')`;

/** The first key of each sort; ties go by name, then id, so that pages never overlap. */
const SORT_KEYS: Record<string, string> = {
  name: folded('u.name'),
  department: folded('u.department'),
  role: 'e.role',
  enrolledAt: 'e.created_at',
};

/** Matches that still hold a person: a proposal, a pinned proposal, or a published pair. */
const LIVE_MATCH = `EXISTS (
  SELECT 1 FROM match_member mm JOIN match m ON m.id = mm.match_id
   WHERE mm.enrolment_id = e.id AND m.programme_id = e.programme_id
     AND m.state IN ('proposed', 'pinned', 'published'))`;

interface Row {
  id: string;
  user_id: string;
  name: string;
  email: string | null;
  department: string | null;
  title: string | null;
  role: EnrolmentRow['role'];
  state: EnrolmentRow['state'];
  created_at: Date;
  withdrawn_at: Date | null;
  skills_offered: unknown;
  skills_wanted: unknown;
  languages: unknown;
  matched: boolean;
}

/**
 * One page of a programme's enrolments for admins, filtered and sorted by the database.
 *
 * @throws ServiceError not-found for an unknown programme.
 */
export async function listProgrammeEnrolments(
  em: EntityManager,
  programmeId: string,
  filter: EnrolmentFilter,
): Promise<EnrolmentTable> {
  const fork = em.fork();
  await programmeOf(fork, programmeId);
  const { where, values } = conditions(programmeId, filter);
  const [count] = await fork.execute<{ total: string }[]>(
    `SELECT count(*) AS total FROM enrolment e JOIN app_user u ON u.id = e.user_id WHERE ${where}`,
    values,
  );
  const rows = await selectRows(fork, where, values, filter, 'LIMIT ? OFFSET ?', [
    filter.limit,
    filter.offset,
  ]);
  return { total: Number(count?.total ?? 0), items: rows };
}

/**
 * Every enrolment of a programme that fits the filter, in the filter's order, with the
 * programme (for naming the export).
 *
 * @throws ServiceError not-found for an unknown programme.
 */
export async function allProgrammeEnrolments(
  em: EntityManager,
  programmeId: string,
  filter: EnrolmentExportFilter,
): Promise<{ programme: Programme; rows: EnrolmentRow[] }> {
  const fork = em.fork();
  const programme = await programmeOf(fork, programmeId);
  const { where, values } = conditions(programmeId, filter);
  return { programme, rows: await selectRows(fork, where, values, filter, '', []) };
}

async function programmeOf(em: EntityManager, programmeId: string): Promise<Programme> {
  const programme = await em.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  return programme;
}

function conditions(programmeId: string, filter: EnrolmentExportFilter) {
  const clauses = ['e.programme_id = ?'];
  const values: unknown[] = [programmeId];
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, '\\$&')}%`;
    clauses.push(
      `(${['u.name', 'u.email', 'u.department'].map((column) => `${folded(column)} LIKE ${folded('?')}`).join(' OR ')})`,
    );
    values.push(pattern, pattern, pattern);
  }
  if (filter.role) {
    clauses.push('e.role = ?');
    values.push(filter.role);
  }
  if (filter.state) {
    clauses.push('e.state = ?');
    values.push(filter.state);
  }
  return { where: clauses.join(' AND '), values };
}

async function selectRows(
  em: EntityManager,
  where: string,
  values: unknown[],
  filter: EnrolmentExportFilter,
  page: string,
  pageValues: unknown[],
): Promise<EnrolmentRow[]> {
  const descending = filter.sort.startsWith('-');
  const key = SORT_KEYS[filter.sort.replace(/^-/, '')] ?? SORT_KEYS.name;
  const rows = await em.execute<Row[]>(
    `SELECT e.id, e.user_id, u.name, u.email, u.department, u.title, e.role, e.state,
            e.created_at, e.withdrawn_at,
            e.profile->'skillsOffered' AS skills_offered,
            e.profile->'skillsWanted' AS skills_wanted,
            e.profile->'languages' AS languages,
            ${LIVE_MATCH} AS matched
       FROM enrolment e JOIN app_user u ON u.id = e.user_id
      WHERE ${where}
      ORDER BY ${key} ${descending ? 'DESC' : 'ASC'} NULLS LAST, ${folded('u.name')}, u.name, e.id
      ${page}`,
    [...values, ...pageValues],
  );
  return rows.map(enrolmentRow);
}

function enrolmentRow(row: Row): EnrolmentRow {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    department: row.department,
    title: row.title,
    role: row.role,
    state: row.state,
    enrolledAt: new Date(row.created_at).toISOString(),
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at).toISOString() : null,
    // Older enrolments (the demo's, say) hold partial profiles.
    skillsOffered: strings(row.skills_offered, EMPTY_PROFILE.skillsOffered),
    skillsWanted: strings(row.skills_wanted, EMPTY_PROFILE.skillsWanted),
    languages: strings(row.languages, EMPTY_PROFILE.languages),
    matched: row.matched,
  };
}

function strings(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [...fallback];
}
