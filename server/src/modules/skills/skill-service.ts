import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Skill } from './skill.js';
import type { CreateSkill, SkillView, UpdateSkill } from './skill-schemas.js';

/** The taxonomy, digital skills first, each category by German label. */
export async function listSkills(
  em: EntityManager,
  { includeArchived = false } = {},
): Promise<SkillView[]> {
  const skills = await em.fork().find(Skill, includeArchived ? {} : { archived: false }, {
    orderBy: { category: 'asc', labelDe: 'asc' },
  });
  return skills.map(view);
}

/** @throws ServiceError conflict when the key is taken. */
export async function createSkill(
  em: EntityManager,
  actorId: string,
  input: CreateSkill,
): Promise<SkillView> {
  const fork = em.fork();
  if (await fork.count(Skill, { key: input.key }))
    throw new ServiceError(
      'conflict',
      `There is a skill with the key ${input.key} already.`,
      'skill.exists',
      { key: input.key },
    );
  const skill = fork.create(Skill, {
    key: input.key,
    labelDe: input.label.de,
    labelEn: input.label.en,
    category: input.category,
  });
  await fork.flush();
  await recordAudit(em, {
    action: 'skill.created',
    actorId,
    targetType: 'skill',
    targetId: input.key,
  });
  return view(skill);
}

/** @throws ServiceError not-found. */
export async function updateSkill(
  em: EntityManager,
  actorId: string,
  key: string,
  change: UpdateSkill,
): Promise<SkillView> {
  const fork = em.fork();
  const skill = await fork.findOne(Skill, { key });
  if (!skill) throw new ServiceError('not-found', 'No such skill.');
  fork.assign(skill, {
    ...(change.label ? { labelDe: change.label.de, labelEn: change.label.en } : {}),
    ...(change.category ? { category: change.category } : {}),
    ...(change.archived === undefined ? {} : { archived: change.archived }),
  });
  await fork.flush();
  await recordAudit(em, {
    action: 'skill.updated',
    actorId,
    targetType: 'skill',
    targetId: key,
    data: { fields: Object.keys(change) },
  });
  return view(skill);
}

/** The keys among these that are not an active skill of the taxonomy. */
export async function unknownSkills(em: EntityManager, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const known = await em.fork().find(Skill, { key: { $in: keys }, archived: false });
  const active = new Set(known.map((skill) => skill.key));
  return [...new Set(keys)].filter((key) => !active.has(key));
}

function view(skill: Skill): SkillView {
  return {
    key: skill.key,
    label: { de: skill.labelDe, en: skill.labelEn },
    category: skill.category,
    archived: skill.archived,
  };
}
