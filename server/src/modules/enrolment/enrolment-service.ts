import type { EntityManager } from '@mikro-orm/postgresql';
import type { PersonalRead, ReadAs } from '../../auth/personal-read.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { requestApprovals, withdrawApprovals } from '../approvals/approval-service.js';
import { Match } from '../matching/match.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { activeChannels } from '../notifications/active-channels.js';
import { IN_APP } from '../notifications/notify.js';
import { type DissolveOptions, dissolvePair } from '../pairs/dissolve-pair.js';
import { EMPTY_PROFILE, type Profile } from '../profiles/profile-schema.js';
import {
  checkProfileWith,
  getProfile,
  type ProfileFacts,
  profileFacts,
  saveProfile,
} from '../profiles/profile-service.js';
import { Programme } from '../programmes/programme.js';
import { curriculumDefaults, programmeSettings } from '../programmes/programme-service.js';
import { User } from '../users/user.js';
import { eligibilityProblem } from './eligibility.js';
import { Enrolment, JOINING_STATES } from './enrolment.js';
import type { Enrol, MyEnrolment, ParticipantProgramme } from './enrolment-schemas.js';
import { enrolmentClosedReason } from './enrolment-window.js';
import { admitInOrder, lockProgramme, moveUpWaitlist, waitlistPosition } from './waitlist.js';

/** What a participant's view of a programme reads of it and of their enrolment. */
type ProgrammeFields = Pick<
  Programme,
  'id' | 'name' | 'description' | 'kind' | 'state' | 'curriculum' | 'matchingStrategy' | 'settings'
>;
type EnrolmentFields = Pick<Enrolment, 'role' | 'state' | 'profile' | 'createdAt' | 'updatedAt'>;

/** The open programmes and the person's own, each with the person's enrolment if any. */
const MY_PROGRAMMES: PersonalRead = {
  name: 'tandem_my_programmes',
  text: `SELECT p.id, p.name, p.description, p.kind, p.state, p.curriculum,
    p.matching_strategy, p.settings, e.role, e.state AS enrolment_state, e.profile, e.created_at, e.updated_at,
    (SELECT count(*) + 1 FROM enrolment w WHERE e.state = 'waitlisted' AND w.programme_id = p.id
        AND w.state = 'waitlisted' AND (w.waitlisted_at, w.id) < (e.waitlisted_at, e.id)) AS waitlist_position
  FROM programme p LEFT JOIN enrolment e ON e.programme_id = p.id AND e.user_id = (SELECT id FROM me)
  WHERE e.id IS NOT NULL OR p.state = 'enrolment'
  ORDER BY p.created_at DESC, p.id`,
};

interface MyProgrammeRow {
  id: string;
  name: string;
  description: string;
  kind: Programme['kind'];
  state: Programme['state'];
  curriculum: string;
  matching_strategy: string;
  settings: Record<string, unknown>;
  role: Enrolment['role'] | null;
  enrolment_state: Enrolment['state'] | null;
  profile: Record<string, unknown> | null;
  created_at: string | null;
  updated_at: string | null;
  /** A number, read through JSON (see answerOf in personal-read.ts). */
  waitlist_position: number | null;
}

/**
 * Programmes a person can join now or takes part in, newest first: one personal read, which
 * resolves the session in the same statement on the overview route, mapped straight to the
 * answer. The home page asks for this on every visit; the ORM's query building and hydration
 * cost several times the query, and a second round trip about as much as the query.
 */
export async function listMyProgrammes(
  readAs: ReadAs,
  plugins: PluginRegistry,
  now = new Date(),
): Promise<ParticipantProgramme[]> {
  const { user, rows } = await readAs<MyProgrammeRow>(MY_PROGRAMMES);
  return rows.flatMap((row) => {
    const programme: ProgrammeFields = { ...row, matchingStrategy: row.matching_strategy };
    const enrolment = enrolmentOf(row);
    if (!enrolment && eligibilityProblem(programmeSettings(programme).eligibility, user)) return [];
    const position = row.enrolment_state === 'waitlisted' ? Number(row.waitlist_position) : null;
    return [participantView(programme, user, enrolment, plugins, now, position)];
  });
}

function enrolmentOf(row: MyProgrammeRow): EnrolmentFields | undefined {
  if (!row.role || !row.enrolment_state || !row.created_at || !row.updated_at) return undefined;
  return {
    role: row.role,
    state: row.enrolment_state,
    profile: row.profile ?? {},
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** @throws ServiceError not-found when the programme is a draft or closed to the person. */
export async function getMyProgramme(
  em: EntityManager,
  userId: string,
  programmeId: string,
  plugins: PluginRegistry,
  now = new Date(),
): Promise<ParticipantProgramme> {
  const fork = em.fork();
  const { user, programme, enrolment } = await visible(fork, userId, programmeId);
  const position = enrolment ? await positionOf(fork, enrolment) : null;
  return participantView(programme, user, enrolment, plugins, now, position);
}

/** What an enrolment would become, after every check of {@link enrol}. */
export interface EnrolmentCheck {
  user: User;
  programme: Programme;
  /** The enrolment it replaces, active or withdrawn; null for a first one. */
  existing: Enrolment | null;
  role: Enrolment['role'];
  profile: Profile;
}

/**
 * Enrols a person, or changes their enrolment, while enrolment is open: with the profile given
 * (saved as their profile for next time too) or their saved one.
 *
 * @throws ServiceError as {@link checkEnrolment}.
 */
export async function enrol(
  em: EntityManager,
  userId: string,
  programmeId: string,
  input: Enrol,
  now = new Date(),
  channels: ReadonlySet<string> = INBOX_ONLY,
): Promise<MyEnrolment> {
  const saved = await em.fork().transactional(async (tx) => {
    // Locked first, so that the checks and the place taken see every enrolment before this one.
    await lockProgramme(tx, programmeId);
    const checked = await checkEnrolment(tx, userId, programmeId, input, now);
    if (input.profile) await saveProfile(tx, userId, input.profile);
    const [enrolment] = await saveEnrolments(tx, checked.programme, [checked], now, channels);
    if (!enrolment) throw new Error('saveEnrolments returned no enrolment for the one check');
    return enrolment;
  });
  return myEnrolment(saved, await positionOf(em.fork(), saved));
}

/** Where the CLI import, which loads no channel plugins, tells managers: their inbox. */
export const INBOX_ONLY: ReadonlySet<string> = new Set([IN_APP]);

/**
 * The checks of {@link enrol} without saving anything, for a dry run and to see whether an
 * enrolment would change at all.
 *
 * @throws ServiceError not-found for a programme they cannot see, conflict while enrolment is
 *   not open, forbidden when they are not eligible, invalid for a role or profile that does not
 *   fit the programme.
 */
export async function checkEnrolment(
  em: EntityManager,
  userId: string,
  programmeId: string,
  input: Enrol,
  now = new Date(),
): Promise<EnrolmentCheck> {
  const { user, programme, enrolment } = await visible(em, userId, programmeId);
  const profile = input.profile ?? (await getProfile(em, userId));
  const facts = await profileFacts(em, userId, profile);
  return checkEnrolmentWith({ user, programme, existing: enrolment, profile: facts }, input, now);
}

/** What the checks of an enrolment read from the database; loaded for many at once by an import. */
export interface EnrolmentFacts {
  user: User;
  /** Null for one that does not exist (deleted since the file was started). */
  programme: Programme | null;
  /** Their enrolment in the programme, active or ended; null for none. */
  existing: Enrolment | null;
  /** What the checks of the profile given, or else of the saved one, read. */
  profile: ProfileFacts;
}

/** The checks of {@link checkEnrolment} on facts loaded beforehand (the CLI import's). */
export function checkEnrolmentWith(
  { user, programme, existing, profile: profileFacts }: EnrolmentFacts,
  input: Enrol,
  now = new Date(),
): EnrolmentCheck {
  if (!programme || hidden(programme, existing))
    throw new ServiceError('not-found', 'No such programme.');
  const settings = programmeSettings(programme);
  const closed = enrolmentClosedReason(programme, settings, now);
  if (closed) throw new ServiceError('conflict', closed.message, closed.code, closed.params);
  const ineligible = eligibilityProblem(settings.eligibility, user);
  if (ineligible)
    throw new ServiceError('forbidden', ineligible.message, ineligible.code, ineligible.params);
  const role = roleFor(programme, input.role ?? existing?.role);
  const profile = input.profile ?? profileFacts.saved;
  checkProfileWith(user.id, profile, profileFacts);
  if (!profile.languages.some((language) => settings.languages.includes(language)))
    throw new ServiceError(
      'invalid',
      `This programme meets in ${settings.languages.join(', ')}; the profile lists ${profile.languages.join(', ')}.`,
      'enrolment.no-common-language',
      { languages: settings.languages.join(', ') },
    );
  return { user, programme, existing, role, profile };
}

/**
 * Withdraws a person from a programme, at any time. A proposal with them in it is dropped; a
 * published pair of theirs is dissolved, and the partner is matched anew in the next run.
 *
 * @throws ServiceError not-found when they are not enrolled.
 */
export async function withdraw(
  deps: MeetingDependencies,
  userId: string,
  programmeId: string,
  dissolve: DissolveOptions = { reason: 'Withdrew from the programme.' },
): Promise<MyEnrolment> {
  const { enrolment, matches } = await deps.em.fork().transactional(async (tx) => {
    const programme = await lockProgramme(tx, programmeId);
    const found = await tx.findOne(Enrolment, {
      user: userId,
      programme: programmeId,
      state: { $in: [...JOINING_STATES] },
    });
    if (!found)
      throw new ServiceError(
        'not-found',
        'You are not enrolled in this programme.',
        'enrolment.not-enrolled',
      );
    const freesPlace = found.state === 'active';
    const now = deps.now();
    tx.assign(found, { state: 'withdrawn', withdrawnAt: now, waitlistedAt: null });
    await withdrawApprovals(tx, found, now);
    // A proposal with them in it is out of date; a pair they were in is dissolved, so that the
    // partner finds someone new in the next run.
    const involved = await tx.find(Match, {
      members: { enrolment: found },
      state: { $in: ['proposed', 'pinned', 'published'] },
    });
    for (const match of involved.filter((m) => m.state !== 'published')) tx.remove(match);
    await tx.flush();
    if (freesPlace) await moveUpWaitlist(tx, programme, activeChannels(deps.plugins));
    return { enrolment: found, matches: involved };
  });
  for (const match of matches.filter((m) => m.state === 'published'))
    await dissolvePair(deps, { userId, admin: false }, match.id, dissolve);
  return myEnrolment(enrolment, null);
}

/**
 * A programme the person may see: not a draft, and not closed unless they took part. One they
 * are not eligible for stays visible, so that they learn why they cannot join.
 */
async function visible(em: EntityManager, userId: string, programmeId: string) {
  const user = await em.findOneOrFail(User, userId);
  const programme = await em.findOne(Programme, programmeId);
  const enrolment = programme ? await em.findOne(Enrolment, { user, programme }) : null;
  if (!programme || hidden(programme, enrolment))
    throw new ServiceError('not-found', 'No such programme.');
  return { user, programme, enrolment };
}

/** A draft, or a closed programme the person took no part in. */
function hidden(programme: Programme, enrolment: Enrolment | null): boolean {
  return programme.state === 'draft' || (programme.state === 'closed' && !enrolment);
}

function roleFor(programme: Programme, role: Enrolment['role'] | undefined): Enrolment['role'] {
  if (programme.kind === 'peer-lunch') {
    if (role && role !== 'either')
      throw new ServiceError(
        'invalid',
        'In a peer lunch everyone takes part as a peer: role either.',
        'enrolment.peer-role',
      );
    return 'either';
  }
  if (!role)
    throw new ServiceError(
      'invalid',
      'role is required: mentor, mentee or either.',
      'enrolment.role-required',
    );
  return role;
}

/**
 * Saves checked enrolments into one programme. One under way (taking part, awaiting approval,
 * waitlisted) keeps its state; a new one (or one that ended) waits for the manager's approval
 * when the programme asks for it, else takes a place or joins the waitlist, in the order given.
 * Needs the programme locked, and the checks made under that lock.
 */
export async function saveEnrolments(
  tx: EntityManager,
  programme: Programme,
  checks: readonly EnrolmentCheck[],
  now: Date,
  channels: ReadonlySet<string>,
): Promise<Enrolment[]> {
  const starting: Enrolment[] = [];
  const saved = checks.map(({ existing, user, role, profile }) => {
    const values = { role, profile, experienceYears: profile.experienceYears ?? null };
    if (existing && underWay(existing)) return tx.assign(existing, values);
    const enrolment = existing
      ? tx.assign(existing, { ...values, withdrawnAt: null })
      : tx.create(Enrolment, { programme, user, ...values });
    starting.push(enrolment);
    return enrolment;
  });
  if (programmeSettings(programme).managerApproval) {
    for (const enrolment of starting)
      tx.assign(enrolment, { state: 'awaiting-approval', waitlistedAt: null });
    await tx.flush();
    await requestApprovals(tx, starting, programme, now, channels);
    return saved;
  }
  await admitInOrder(tx, starting, programme, now);
  await tx.flush();
  return saved;
}

function underWay(enrolment: Enrolment): boolean {
  return (JOINING_STATES as readonly string[]).includes(enrolment.state);
}

async function positionOf(em: EntityManager, enrolment: Enrolment): Promise<number | null> {
  return enrolment.state === 'waitlisted' ? waitlistPosition(em, enrolment) : null;
}

function participantView(
  programme: ProgrammeFields,
  user: Pick<User, 'department' | 'title' | 'roles'>,
  enrolment: EnrolmentFields | undefined | null,
  plugins: PluginRegistry,
  now: Date,
  waitlistPosition: number | null,
): ParticipantProgramme {
  const settings = programmeSettings(programme, curriculumDefaults(plugins, programme.curriculum));
  const whyNot =
    enrolmentClosedReason(programme, settings, now) ??
    eligibilityProblem(settings.eligibility, user);
  return {
    id: programme.id,
    name: programme.name,
    description: programme.description,
    kind: programme.kind,
    state: programme.state,
    goals: settings.goals,
    budget: settings.budget ?? null,
    format: settings.format,
    location: settings.location ?? null,
    languages: settings.languages,
    sessionCount: settings.sessionCount,
    sessionMinutes: settings.sessionMinutes,
    cadenceWeeks: settings.cadenceWeeks,
    durationWeeks: settings.durationWeeks,
    selfService: settings.selfService,
    enrolmentOpensAt: settings.enrolmentOpensAt ?? null,
    enrolmentClosesAt: settings.enrolmentClosesAt ?? null,
    canEnrol: !whyNot,
    whyNot: whyNot?.message ?? null,
    whyNotCode: whyNot ? { code: whyNot.code, params: whyNot.params } : null,
    enrolment: enrolment ? myEnrolment(enrolment, waitlistPosition) : null,
  };
}

function myEnrolment(enrolment: EnrolmentFields, waitlistPosition: number | null): MyEnrolment {
  return {
    role: enrolment.role,
    state: enrolment.state,
    waitlistPosition,
    // Older enrolments (the demo's, say) hold partial profiles: complete them for readers.
    profile: { ...EMPTY_PROFILE, ...(enrolment.profile as Partial<Profile>) },
    createdAt: enrolment.createdAt.toISOString(),
    updatedAt: enrolment.updatedAt.toISOString(),
  };
}
