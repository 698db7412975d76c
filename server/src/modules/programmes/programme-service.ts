import type { EntityManager } from '@mikro-orm/postgresql';
import type { ProgrammeDefaults } from '@tandem/plugin-sdk';
import { lockRows } from '../../db/lock-rows.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { channelInstanceChoiceProblem } from '../channels/channel-instance-service.js';
import { surveySettingsProblem, surveysOff } from '../surveys/survey-settings.js';
import { hasRole } from '../users/tandem-roles.js';
import type { User } from '../users/user.js';
import { participantCounts } from './participant-counts.js';
import { Programme } from './programme.js';
import { nextStates, type ProgrammeState, transitionProblem } from './programme-lifecycle.js';
import { managedProgrammeIds } from './programme-managers.js';
import type { CreateProgramme, ProgrammeView, UpdateProgramme } from './programme-schemas.js';
import { defaultSettings, type ProgrammeSettings } from './programme-settings.js';

/** What creating a programme needs beyond the database: the curricula it is made from. */
export interface ProgrammeDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
}

/**
 * Creates a draft programme from a curriculum template: its kind (the first the curriculum
 * suits unless given), matching strategy (an active one, when given) and settings come from
 * the curriculum's defaults, with the admin's changes on top.
 *
 * @throws ServiceError invalid for an unknown curriculum, a kind it does not suit, or settings
 *   that do not fit together.
 */
export async function createProgramme(
  { em, plugins }: ProgrammeDependencies,
  actorId: string,
  input: CreateProgramme,
): Promise<ProgrammeView> {
  const curriculum = plugins.get('curriculum', input.curriculum);
  if (!curriculum)
    throw new ServiceError(
      'invalid',
      `There is no active curriculum named ${input.curriculum}.`,
      'programme.no-curriculum',
    );
  const { kinds, defaults } = curriculum.definition;
  const kind = input.kind ?? kinds[0];
  if (!kind || !kinds.includes(kind))
    throw new ServiceError(
      'invalid',
      `The curriculum ${input.curriculum} is for ${kinds.join(', ')}, not for ${input.kind}.`,
      'programme.wrong-kind',
    );
  const settings = checkedSettings({ ...defaultSettings(defaults), ...input.settings });
  await checkChannelInstances(em, settings.channelInstances);
  const matchingStrategy = activeStrategy(
    plugins,
    input.matchingStrategy ?? defaults.matchingStrategy,
  );
  const fork = em.fork();
  const programme = fork.create(Programme, {
    name: input.name,
    description: input.description ?? '',
    kind,
    curriculum: input.curriculum,
    matchingStrategy,
    settings,
    createdBy: actorId,
  });
  await fork.flush();
  await audit(em, actorId, programme.id, 'programme.created', { curriculum: input.curriculum });
  return view(programme, plugins, 0);
}

/**
 * @throws ServiceError not-found, conflict for a closed programme, invalid settings or a
 *   matching strategy that is not active.
 */
export async function updateProgramme(
  { em, plugins }: ProgrammeDependencies,
  actorId: string,
  id: string,
  change: UpdateProgramme,
): Promise<ProgrammeView> {
  if (change.matchingStrategy !== undefined) activeStrategy(plugins, change.matchingStrategy);
  const fork = em.fork();
  const { settings, ...fields } = change;
  // Locked, so that a programme closed meanwhile is not changed after all.
  const programme = await fork.transactional(async (tx) => {
    const [programme] = await lockRows(tx, Programme, [id]);
    if (!programme) throw new ServiceError('not-found', 'No such programme.');
    if (programme.state === 'closed')
      throw new ServiceError(
        'conflict',
        'A closed programme cannot be changed.',
        'programme.closed',
      );
    await checkChannelInstances(tx, settings?.channelInstances);
    return tx.assign(programme, {
      ...fields,
      ...(settings
        ? {
            settings: checkedSettings({
              ...programmeSettings(programme, curriculumDefaults(plugins, programme.curriculum)),
              ...settings,
            }),
          }
        : {}),
    });
  });
  await audit(em, actorId, id, 'programme.updated', {
    fields: [...Object.keys(fields), ...Object.keys(settings ?? {}).map((f) => `settings.${f}`)],
  });
  return viewWithCount(fork, plugins, programme);
}

/**
 * Moves a programme along its lifecycle (see programme-lifecycle.ts). The programme is locked
 * while its state is checked, so that of two moves at once the second starts from the first's.
 *
 * @throws ServiceError not-found, or conflict naming the states it may go to instead.
 */
export async function transitionProgramme(
  { em, plugins }: ProgrammeDependencies,
  actorId: string,
  id: string,
  to: ProgrammeState,
): Promise<ProgrammeView> {
  const fork = em.fork();
  const { programme, from } = await fork.transactional(async (tx) => {
    const [programme] = await lockRows(tx, Programme, [id]);
    if (!programme) throw new ServiceError('not-found', 'No such programme.');
    const from = programme.state;
    const problem = transitionProblem(from, to);
    if (problem) throw new ServiceError('conflict', problem, 'programme.transition', { from, to });
    programme.state = to;
    return { programme, from };
  });
  await audit(em, actorId, id, 'programme.state-changed', { from, to });
  return viewWithCount(fork, plugins, programme);
}

/** Every programme, newest first. */
/**
 * The programmes a member of staff sees: all of them for admins and report readers, the ones
 * assigned to them for a programme manager.
 */
export async function listProgrammes(
  { em, plugins }: ProgrammeDependencies,
  viewer: Pick<User, 'id' | 'roles'>,
): Promise<ProgrammeView[]> {
  const fork = em.fork();
  const seesAll = hasRole(viewer, 'admin') || hasRole(viewer, 'report-reader');
  const where = seesAll ? {} : { id: { $in: await managedProgrammeIds(fork, viewer.id) } };
  const programmes = await fork.find(Programme, where, {
    orderBy: { createdAt: 'desc', id: 'asc' },
  });
  const counts = await participantCounts(fork);
  return programmes.map((p) => view(p, plugins, counts.get(p.id) ?? 0));
}

/** @throws ServiceError not-found. */
export async function getProgramme(
  { em, plugins }: ProgrammeDependencies,
  id: string,
): Promise<ProgrammeView> {
  const fork = em.fork();
  return viewWithCount(fork, plugins, await found(fork, id));
}

/**
 * A programme's settings as they are stored, completed where an older or hand-made row lacks a
 * field, so that every reader sees the whole schema: from its curriculum's defaults where the
 * caller has them (so that a participant reads the figures of the plan they will get), else
 * from general ones.
 */
export function programmeSettings(
  programme: Pick<Programme, 'matchingStrategy' | 'settings'>,
  curriculum?: ProgrammeDefaults,
): ProgrammeSettings {
  const fallback = defaultSettings(
    curriculum ?? {
      sessionCount: 6,
      sessionMinutes: 60,
      cadenceWeeks: 2,
      durationWeeks: 12,
      matchingStrategy: programme.matchingStrategy,
      channels: [],
    },
  );
  // Written only through this service (checked by the routes' schemas) or the demo seed.
  const stored = programme.settings as Partial<ProgrammeSettings>;
  return {
    ...fallback,
    surveys: surveysOff(stored.durationWeeks ?? fallback.durationWeeks),
    ...stored,
  };
}

async function found(em: EntityManager, id: string): Promise<Programme> {
  const programme = await em.findOne(Programme, id);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  return programme;
}

/** The defaults of the programme's curriculum, while its plugin is active. */
export function curriculumDefaults(
  plugins: PluginRegistry,
  curriculum: string,
): ProgrammeDefaults | undefined {
  return plugins.get('curriculum', curriculum)?.definition.defaults;
}

/** Rules across settings that the schema cannot say. */
function checkedSettings(settings: ProgrammeSettings): ProgrammeSettings {
  const { enrolmentOpensAt: opens, enrolmentClosesAt: closes } = settings;
  if (opens && closes && Date.parse(closes) <= Date.parse(opens))
    throw new ServiceError(
      'invalid',
      'settings.enrolmentClosesAt must be after enrolmentOpensAt.',
      'programme.enrolment-window',
    );
  const surveys = surveySettingsProblem(settings.surveys);
  if (surveys) throw new ServiceError('invalid', surveys, 'programme.survey-questions');
  return settings;
}

/** @throws ServiceError invalid for a chosen channel instance that does not exist. */
async function checkChannelInstances(
  em: EntityManager,
  choices: Record<string, string> | undefined,
): Promise<void> {
  const problem = await channelInstanceChoiceProblem(em, choices);
  if (problem) throw new ServiceError('invalid', problem, 'programme.channel-instance');
}

async function viewWithCount(
  em: EntityManager,
  plugins: PluginRegistry,
  programme: Programme,
): Promise<ProgrammeView> {
  const counts = await participantCounts(em, [programme.id]);
  return view(programme, plugins, counts.get(programme.id) ?? 0);
}

function view(programme: Programme, plugins: PluginRegistry, participants: number): ProgrammeView {
  return {
    id: programme.id,
    name: programme.name,
    description: programme.description,
    kind: programme.kind,
    state: programme.state,
    nextStates: nextStates(programme.state),
    curriculum: programme.curriculum,
    matchingStrategy: programme.matchingStrategy,
    settings: programmeSettings(programme, curriculumDefaults(plugins, programme.curriculum)),
    participants,
    createdAt: programme.createdAt.toISOString(),
    updatedAt: programme.updatedAt.toISOString(),
  };
}

function audit(
  em: EntityManager,
  actorId: string,
  programmeId: string,
  action: string,
  data: Record<string, unknown>,
) {
  return recordAudit(em, { action, actorId, targetType: 'programme', targetId: programmeId, data });
}

/**
 * The name of a matching strategy the host has loaded and active: a programme with any other
 * could never be matched.
 *
 * @throws ServiceError invalid (`programme.no-strategy`), naming the active ones.
 */
function activeStrategy(plugins: PluginRegistry, name: string): string {
  if (plugins.get('matching-strategy', name)) return name;
  const active = plugins.list('matching-strategy').map((p) => p.definition.name);
  throw new ServiceError(
    'invalid',
    `There is no active matching strategy named ${name}; active: ${active.join(', ') || 'none'}.`,
    'programme.no-strategy',
    { strategy: name, active: active.join(', ') },
  );
}
