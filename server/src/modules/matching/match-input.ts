import type { EntityManager } from '@mikro-orm/postgresql';
import { Value } from '@sinclair/typebox/value';
import {
  type MatchCandidate,
  MatchCandidateSchema,
  type MatchInput,
  type ProgrammeKind,
} from '@tandem/plugin-sdk';
import type { Enrolment } from '../enrolment/enrolment.js';
import type { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { nextLunchRound } from './lunch-round-dates.js';
import { LunchSkip } from './lunch-skip.js';
import { Match } from './match.js';
import { MatchForbid } from './match-forbid.js';
import { MatchMember } from './match-member.js';
import { reportingLinePairs } from './reporting-line.js';

const ProfileSchema = MatchCandidateSchema.properties.profile;
const DEFAULT_PROFILE = {
  skillsOffered: [],
  skillsWanted: [],
  languages: ['de'],
  format: 'both',
  availability: [],
  goals: [],
};

/**
 * What a matching strategy gets for one run of a programme: its active enrolments as
 * candidates, and the pairs of people who were partners before in any programme, so that
 * nobody meets the same partner twice. The pairs the reporting-line rule keeps apart come in
 * `apart` under their rule, which the SDK's `mayMeet` honours, and as forbidden pairs beside the
 * admin's, for strategies that read only `forbids`.
 */
export async function matchInput(
  em: EntityManager,
  programme: Programme,
  seed: number,
): Promise<MatchInput> {
  // People already in a published pair are not matched again, nor who sits out this lunch
  // round; the rest, including those whose pair was dissolved, are.
  const taken = [
    ...(await publishedMembers(em, programme.id)),
    ...(programme.kind === 'peer-lunch' ? await sittingOut(em, programme.id) : []),
  ];
  const enrolments = await activeEnrolments(em, programme.id, taken);
  const candidates = new Set(enrolments.map((e) => e.id));
  const settings = programmeSettings(programme);
  const pinned = await pins(em, programme.id, candidates);
  const { byAdmin, byRule } = await keptApart(em, programme, candidates, pinned);
  return {
    programme: {
      id: programme.id,
      kind: programme.kind as ProgrammeKind,
      weights: settings.weights,
      // What the programme sets that a strategy may have to respect. Every published pair's
      // meetings are planned in its members' common windows, sessionMinutes long each.
      rules: {
        languages: settings.languages,
        format: settings.format,
        sessionMinutes: settings.sessionMinutes,
        ...(settings.maxTandems ? { maxTandems: settings.maxTandems } : {}),
        ...(settings.differentDepartments ? { department: 'different' } : {}),
      },
    },
    candidates: enrolments.map((enrolment) => candidate(enrolment, settings.menteesPerMentor)),
    history: await earlierPartners(em, programme.id),
    pins: pinned,
    forbids: [...byAdmin, ...byRule],
    apart: byRule.map((members) => ({
      members,
      rule: 'reporting-line',
      why: `One of them is in the other's reporting line (within ${settings.reportingLineLevels} levels of management); this programme never pairs them.`,
      params: { levels: settings.reportingLineLevels },
    })),
    seed,
  };
}

/** What a candidate is made of: an active enrolment and what it takes from its person. */
interface EnrolmentRow {
  id: string;
  user_id: string;
  role: Enrolment['role'];
  experience_years: number | null;
  profile: Record<string, unknown>;
  department: string | null;
  title: string | null;
}

/**
 * The programme's active enrolments but those taken, oldest first, as plain rows: the run
 * changes none of them, and 10,000 enrolments with their people as entities spent seconds in
 * the ORM's hydration and identity map (pnpm bench agency) for a query that takes milliseconds.
 */
function activeEnrolments(
  em: EntityManager,
  programmeId: string,
  taken: string[],
): Promise<EnrolmentRow[]> {
  return em.execute<EnrolmentRow[]>(
    `SELECT e.id, e.user_id, e.role, e.experience_years, e.profile, u.department, u.title
       FROM enrolment e JOIN app_user u ON u.id = e.user_id
      WHERE e.programme_id = ? AND e.state = 'active'${taken.length ? ' AND e.id NOT IN (?)' : ''}
      ORDER BY e.created_at, e.id`,
    taken.length ? [programmeId, taken] : [programmeId],
  );
}

/** A mentor takes as many mentees as the programme allows; everyone else meets one partner. */
function candidate(enrolment: EnrolmentRow, menteesPerMentor: number): MatchCandidate {
  const stored = enrolment.profile;
  // Profiles are stored as people entered them; Cast keeps what fits the contract and fills
  // the rest, so one odd profile cannot fail a whole run.
  const profile = Value.Cast(ProfileSchema, {
    ...DEFAULT_PROFILE,
    ...stored,
    ...(enrolment.experience_years === null ? {} : { experienceYears: enrolment.experience_years }),
    ...(enrolment.department ? { department: enrolment.department } : {}),
    ...(enrolment.title ? { title: enrolment.title } : {}),
  });
  return {
    enrolmentId: enrolment.id,
    personId: enrolment.user_id,
    role: enrolment.role,
    capacity: enrolment.role === 'mentee' ? 1 : menteesPerMentor,
    profile,
    excludedPersonIds: strings(stored.excludedPersonIds),
  };
}

/**
 * Person-id pairs, both enrolled in the programme now, who shared a published or dissolved
 * match before, in this programme or any other.
 */
async function earlierPartners(
  em: EntityManager,
  programmeId: string,
): Promise<[string, string][]> {
  const rows: { a: string; b: string }[] = await em.execute(
    `WITH people AS (SELECT user_id FROM enrolment WHERE programme_id = ? AND state = 'active')
     SELECT DISTINCT ea.user_id AS a, eb.user_id AS b
       FROM match m
       JOIN match_member ma ON ma.match_id = m.id
       JOIN match_member mb ON mb.match_id = m.id AND mb.id <> ma.id
       JOIN enrolment ea ON ea.id = ma.enrolment_id
       JOIN enrolment eb ON eb.id = mb.enrolment_id
      WHERE m.state IN ('published', 'dissolved', 'ended') AND ea.user_id < eb.user_id
        AND ea.user_id IN (SELECT user_id FROM people)
        AND eb.user_id IN (SELECT user_id FROM people)
      ORDER BY a, b`,
    [programmeId],
  );
  return rows.map(({ a, b }) => [a, b]);
}

async function publishedMembers(em: EntityManager, programmeId: string): Promise<string[]> {
  const members = await em.find(MatchMember, {
    match: { programme: programmeId, state: 'published' },
  });
  return members.map((member) => member.enrolment.id);
}

/** Who asked to skip the lunch round being drawn (lunch-rounds.ts numbers them when it draws the round). */
async function sittingOut(em: EntityManager, programmeId: string): Promise<string[]> {
  const round = await nextLunchRound(em, programmeId);
  const skips = await em.find(LunchSkip, { enrolment: { programme: programmeId }, round });
  return skips.map((skip) => skip.enrolment.id);
}

/** The groups an admin pinned, among this run's candidates, each member on their side. */
async function pins(em: EntityManager, programmeId: string, candidates: Set<string>) {
  const pinned = await em.find(
    Match,
    { programme: programmeId, state: 'pinned' },
    { populate: ['members'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return pinned
    .map((match) => {
      const members = match.members.getItems();
      return {
        members: members.map((m) => m.enrolment.id),
        roles: Object.fromEntries(members.map((m) => [m.enrolment.id, m.role])),
      };
    })
    .filter(({ members }) => members.length >= 2 && members.every((id) => candidates.has(id)));
}

/**
 * The pairs an admin forbade and those in one reporting line (not repeating the admin's), each
 * once, among this run's candidates. A group an admin pinned stands (pinned before the manager
 * data said otherwise): the rule does not forbid what the admin fixed, which the strategy could
 * not honour both.
 */
async function keptApart(
  em: EntityManager,
  programme: Programme,
  candidates: Set<string>,
  pinned: { members: string[] }[],
): Promise<{ byAdmin: [string, string][]; byRule: [string, string][] }> {
  const rows = await em.find(
    MatchForbid,
    { programme: programme.id },
    { orderBy: { createdAt: 'asc' } },
  );
  const among = ([a, b]: [string, string]) => candidates.has(a) && candidates.has(b);
  const byAdmin = rows.map((row): [string, string] => [row.first.id, row.second.id]);
  const seen = new Set(byAdmin.map(([a, b]) => pairKey(a, b)));
  const together = new Set(
    pinned.flatMap(({ members }) => members.flatMap((a) => members.map((b) => pairKey(a, b)))),
  );
  const byRule = (await reportingLinePairs(em, programme)).filter(
    ([a, b]) => !seen.has(pairKey(a, b)) && !together.has(pairKey(a, b)),
  );
  return { byAdmin: byAdmin.filter(among), byRule: byRule.filter(among) };
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
