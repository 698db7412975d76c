import { type FilterQuery, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import { User } from '../users/user.js';
import type { ScimContext } from './scim-context.js';
import { ScimError } from './scim-error.js';
import { type Comparison, parseFilter } from './scim-filter.js';
import { ScimGroup } from './scim-group.js';
import { fromScimGroup, type ScimGroupFields, toScimGroup } from './scim-group-mapping.js';
import { ScimGroupMember } from './scim-group-member.js';
import { listResponse, type Page } from './scim-list.js';
import { applyPatch, normalize, type PatchOperation, type Resource } from './scim-patch.js';
import { refreshScimRoles } from './scim-roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Groups a page at a time, filtered by displayName, externalId, id or a member. */
export async function listScimGroups(
  ctx: ScimContext,
  filter: string | undefined,
  page: Page,
  withMembers: boolean,
) {
  const em = ctx.deps.em.fork();
  const conditions = filter ? await groupQuery(em, parseFilter(filter)) : [];
  if (!conditions) return listResponse([], 0, page);
  const [groups, total] = await em.findAndCount(
    ScimGroup,
    { $and: conditions },
    { orderBy: { createdAt: 'asc', id: 'asc' }, offset: page.startIndex - 1, limit: page.count },
  );
  const members = withMembers ? await membersOf(em, groups) : undefined;
  return listResponse(
    groups.map((group) =>
      toScimGroup(group, members?.get(group.id) ?? (members && []), ctx.baseUrl),
    ),
    total,
    page,
  );
}

/** @throws ScimError 404 for an unknown group. */
export async function getScimGroup(ctx: ScimContext, id: string, withMembers: boolean) {
  const em = ctx.deps.em.fork();
  const group = await found(em, id);
  const members = withMembers ? ((await membersOf(em, [group])).get(id) ?? []) : undefined;
  return toScimGroup(group, members, ctx.baseUrl);
}

/** @throws ScimError 409 `uniqueness` for an externalId another group has. */
export async function createScimGroup(ctx: ScimContext, body: unknown) {
  const fields = fromScimGroup(normalize(body) as Resource);
  const em = ctx.deps.em.fork();
  const group = em.create(ScimGroup, {
    displayName: fields.displayName,
    externalId: fields.externalId,
  });
  await flushUnique(em);
  const changed = await setMembers(em, ctx, group.id, fields.memberIds);
  // With the first group, groups take over everyone's roles from the roles claim.
  const first = (await em.count(ScimGroup, {})) === 1;
  const everyone = first
    ? await em.find(User, { issuer: ctx.issuer, directorySource: 'scim' }, { fields: ['id'] })
    : [];
  await refreshScimRoles(
    ctx.deps.em,
    [...changed, ...everyone.map((user) => user.id)],
    ctx.roleMapping,
  );
  await audit(ctx, 'scim.group-created', group.id, changed.length);
  return getScimGroup(ctx, group.id, true);
}

/** PUT: name, externalId and members as the resource has them. */
export async function replaceScimGroup(ctx: ScimContext, id: string, body: unknown) {
  const em = ctx.deps.em.fork();
  await update(em, ctx, await found(em, id), fromScimGroup(normalize(body) as Resource));
  return getScimGroup(ctx, id, true);
}

/**
 * PATCH: Entra ID adds and removes members (`members` with a list of `{ value }`, or
 * `members[value eq "…"]`) and renames. Answered with 204, as Entra ID expects.
 */
export async function patchScimGroup(
  ctx: ScimContext,
  id: string,
  operations: PatchOperation[],
): Promise<void> {
  const em = ctx.deps.em.fork();
  const group = await found(em, id);
  const memberIds = (await membersOf(em, [group])).get(id) ?? [];
  const current = normalize(toScimGroup(group, memberIds, ctx.baseUrl)) as Resource;
  await update(em, ctx, group, fromScimGroup(applyPatch(current, operations)));
}

/** DELETE: the group goes, and its members lose the role it gave. */
export async function deleteScimGroup(ctx: ScimContext, id: string): Promise<void> {
  const em = ctx.deps.em.fork();
  const group = await found(em, id);
  const members = (await membersOf(em, [group])).get(id) ?? [];
  await em.remove(group).flush();
  await refreshScimRoles(ctx.deps.em, members, ctx.roleMapping);
  await audit(ctx, 'scim.group-deleted', id, members.length);
}

async function update(
  em: EntityManager,
  ctx: ScimContext,
  group: ScimGroup,
  fields: ScimGroupFields,
) {
  const renamed =
    group.displayName !== fields.displayName || group.externalId !== fields.externalId;
  em.assign(group, { displayName: fields.displayName, externalId: fields.externalId });
  await flushUnique(em);
  const changed = await setMembers(em, ctx, group.id, fields.memberIds);
  // A new name may give (or take) a role: every member's roles are looked at again.
  const affected = renamed
    ? [...changed, ...((await membersOf(em, [group])).get(group.id) ?? [])]
    : changed;
  await refreshScimRoles(ctx.deps.em, affected, ctx.roleMapping);
  await audit(ctx, 'scim.group-updated', group.id, changed.length);
}

/**
 * Makes the group's members exactly the given people SCIM manages; ids of people Tandem does
 * not know (not provisioned, or deleted) are left out. Returns who joined or left.
 */
async function setMembers(
  em: EntityManager,
  ctx: ScimContext,
  groupId: string,
  wanted: string[],
): Promise<string[]> {
  const ids = wanted.filter((id) => UUID.test(id));
  const known = ids.length
    ? await em.find(
        User,
        { id: { $in: ids }, issuer: ctx.issuer, directorySource: 'scim' },
        { fields: ['id'] },
      )
    : [];
  const next = new Set(known.map((user) => user.id));
  const rows = await em.find(ScimGroupMember, { group: groupId });
  const before = new Set(rows.map((row) => row.user.id));
  const joined = [...next].filter((id) => !before.has(id));
  const left = [...before].filter((id) => !next.has(id));
  if (left.length) await em.nativeDelete(ScimGroupMember, { group: groupId, user: { $in: left } });
  for (const user of joined) em.create(ScimGroupMember, { group: groupId, user });
  await em.flush();
  return [...joined, ...left];
}

async function membersOf(em: EntityManager, groups: ScimGroup[]): Promise<Map<string, string[]>> {
  const rows = groups.length
    ? await em.find(ScimGroupMember, { group: { $in: groups.map((g) => g.id) } })
    : [];
  const members = new Map<string, string[]>();
  for (const row of rows)
    members.set(row.group.id, [...(members.get(row.group.id) ?? []), row.user.id]);
  return members;
}

async function found(em: EntityManager, id: string): Promise<ScimGroup> {
  const group = UUID.test(id) ? await em.findOne(ScimGroup, id) : null;
  if (!group) throw new ScimError(404, `No Group ${id}.`);
  return group;
}

/**
 * The groups a filter's comparisons select; undefined when none can match.
 *
 * @throws ScimError 400 `invalidFilter` for other attributes.
 */
async function groupQuery(
  em: EntityManager,
  comparisons: Comparison[],
): Promise<FilterQuery<ScimGroup>[] | undefined> {
  const conditions: FilterQuery<ScimGroup>[] = [];
  for (const { path, value } of comparisons) {
    if (typeof value !== 'string') throw unsupported(path.attribute);
    if (path.attribute === 'displayname')
      conditions.push({ displayName: { $ilike: value.replace(/[\\%_]/g, (c) => `\\${c}`) } });
    else if (path.attribute === 'externalid') conditions.push({ externalId: value });
    else if (path.attribute === 'id' || (path.attribute === 'members' && path.sub === 'value')) {
      if (!UUID.test(value)) return undefined;
      const memberships =
        path.attribute === 'members' ? await em.find(ScimGroupMember, { user: value }) : [];
      conditions.push(
        path.attribute === 'id'
          ? { id: value }
          : { id: { $in: memberships.map((row) => row.group.id) } },
      );
    } else throw unsupported(path.attribute);
  }
  return conditions;
}

function unsupported(attribute: string): ScimError {
  return new ScimError(
    400,
    `Groups cannot be filtered by ${attribute}: use displayName, externalId, id or members.value.`,
    'invalidFilter',
  );
}

async function flushUnique(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new ScimError(409, 'Another Group has this externalId.', 'uniqueness');
  }
}

function audit(ctx: ScimContext, action: string, id: string, membersChanged: number) {
  return recordAudit(ctx.deps.em, {
    action,
    actorId: ctx.actorId,
    targetType: 'scim-group',
    targetId: id,
    data: { membersChanged },
  });
}
