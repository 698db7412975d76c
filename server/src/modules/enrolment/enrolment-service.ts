import type { EntityManager } from '@mikro-orm/postgresql';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { Match } from '../matching/match.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { type DissolveOptions, dissolvePair } from '../pairs/dissolve-pair.js';
import { EMPTY_PROFILE, type Profile } from '../profiles/profile-schema.js';
import { checkProfile, getProfile, saveProfile } from '../profiles/profile-service.js';
import { Programme } from '../programmes/programme.js';
import { curriculumDefaults, programmeSettings } from '../programmes/programme-service.js';
import { User } from '../users/user.js';
import { eligibilityProblem } from './eligibility.js';
import { Enrolment } from './enrolment.js';
import type { Enrol, MyEnrolment, ParticipantProgramme } from './enrolment-schemas.js';
import { enrolmentClosedReason } from './enrolment-window.js';

/** What a participant's view of a programme reads of it and of their enrolment. */
type ProgrammeFields = Pick<
  Programme,
  'id' | 'name' | 'description' | 'kind' | 'state' | 'curriculum' | 'matchingStrategy' | 'settings'
>;
type EnrolmentFields = Pick<Enrolment, 'role' | 'state' | 'profile' | 'createdAt' | 'updatedAt'>;

/** The open programmes and the person's own, each with the person's enrolment if any. */
const MY_PROGRAMMES_SQL = `SELECT p.id, p.name, p.description, p.kind, p.state, p.curriculum,
    p.matching_strategy, p.settings, e.role, e.state AS enrolment_state, e.profile, e.created_at, e.updated_at
  FROM programme p LEFT JOIN enrolment e ON e.programme_id = p.id AND e.user_id = ?
  WHERE e.id IS NOT NULL OR p.state = 'enrolment'
  ORDER BY p.created_at DESC, p.id`;

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
}

/**
 * Programmes a person can join now or takes part in, newest first. Takes the signed-in user the
 * session already loaded, and reads the rest in one plain statement mapped straight to the
 * answer: the home page asks for this on every visit, and the ORM's query building and
 * hydration cost several times the query.
 */
export async function listMyProgrammes(
  em: EntityManager,
  user: User,
  plugins: PluginRegistry,
  now = new Date(),
): Promise<ParticipantProgramme[]> {
  const rows: MyProgrammeRow[] = await em.execute(MY_PROGRAMMES_SQL, [user.id]);
  return rows.flatMap((row) => {
    const programme: ProgrammeFields = { ...row, matchingStrategy: row.matching_strategy };
    const enrolment = enrolmentOf(row);
    if (!enrolment && eligibilityProblem(programmeSettings(programme).eligibility, user)) return [];
    return [participantView(programme, user, enrolment, plugins, now)];
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
  return participantView(programme, user, enrolment, plugins, now);
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
): Promise<MyEnrolment> {
  const fork = em.fork();
  const checked = await checkEnrolment(fork, userId, programmeId, input, now);
  if (input.profile) await saveProfile(fork, userId, input.profile);
  const saved = await save(fork, checked.existing, checked);
  return myEnrolment(saved);
}

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
  const settings = programmeSettings(programme);
  const closed = enrolmentClosedReason(programme, settings, now);
  if (closed) throw new ServiceError('conflict', closed.message, closed.code, closed.params);
  const ineligible = eligibilityProblem(settings.eligibility, user);
  if (ineligible)
    throw new ServiceError('forbidden', ineligible.message, ineligible.code, ineligible.params);
  const role = roleFor(programme, input.role ?? enrolment?.role);
  const profile = input.profile ?? (await getProfile(em, userId));
  await checkProfile(em, userId, profile);
  if (!profile.languages.some((language) => settings.languages.includes(language)))
    throw new ServiceError(
      'invalid',
      `This programme meets in ${settings.languages.join(', ')}; the profile lists ${profile.languages.join(', ')}.`,
      'enrolment.no-common-language',
      { languages: settings.languages.join(', ') },
    );
  return { user, programme, existing: enrolment, role, profile };
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
  const fork = deps.em.fork();
  const enrolment = await fork.findOne(Enrolment, {
    user: userId,
    programme: programmeId,
    state: 'active',
  });
  if (!enrolment)
    throw new ServiceError(
      'not-found',
      'You are not enrolled in this programme.',
      'enrolment.not-enrolled',
    );
  fork.assign(enrolment, { state: 'withdrawn', withdrawnAt: new Date() });
  // A proposal with them in it is out of date; a pair they were in is dissolved, so that the
  // partner finds someone new in the next run.
  const matches = await fork.find(Match, {
    members: { enrolment },
    state: { $in: ['proposed', 'pinned', 'published'] },
  });
  for (const match of matches.filter((m) => m.state !== 'published')) fork.remove(match);
  await fork.flush();
  for (const match of matches.filter((m) => m.state === 'published'))
    await dissolvePair(deps, { userId, admin: false }, match.id, dissolve);
  return myEnrolment(enrolment);
}

/**
 * A programme the person may see: not a draft, and not closed unless they took part. One they
 * are not eligible for stays visible, so that they learn why they cannot join.
 */
async function visible(em: EntityManager, userId: string, programmeId: string) {
  const user = await em.findOneOrFail(User, userId);
  const programme = await em.findOne(Programme, programmeId);
  const enrolment = programme ? await em.findOne(Enrolment, { user, programme }) : null;
  if (!programme || programme.state === 'draft' || (programme.state === 'closed' && !enrolment))
    throw new ServiceError('not-found', 'No such programme.');
  return { user, programme, enrolment };
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

async function save(
  em: EntityManager,
  existing: Enrolment | null,
  fields: { programme: Programme; user: User; role: Enrolment['role']; profile: Profile },
): Promise<Enrolment> {
  const values = {
    role: fields.role,
    profile: fields.profile,
    experienceYears: fields.profile.experienceYears ?? null,
    state: 'active' as const,
    withdrawnAt: null,
  };
  const enrolment = existing
    ? em.assign(existing, values)
    : em.create(Enrolment, { programme: fields.programme, user: fields.user, ...values });
  await em.flush();
  return enrolment;
}

function participantView(
  programme: ProgrammeFields,
  user: User,
  enrolment: EnrolmentFields | undefined | null,
  plugins: PluginRegistry,
  now: Date,
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
    enrolment: enrolment ? myEnrolment(enrolment) : null,
  };
}

function myEnrolment(enrolment: EnrolmentFields): MyEnrolment {
  return {
    role: enrolment.role,
    state: enrolment.state,
    // Older enrolments (the demo's, say) hold partial profiles: complete them for readers.
    profile: { ...EMPTY_PROFILE, ...(enrolment.profile as Partial<Profile>) },
    createdAt: enrolment.createdAt.toISOString(),
    updatedAt: enrolment.updatedAt.toISOString(),
  };
}
