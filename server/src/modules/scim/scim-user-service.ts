import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../audit/audit-log.js';
import { unlinkedSubject } from '../users/directory-link.js';
import { deactivatePerson, reactivatePerson } from '../users/leavers.js';
import { refreshedRoles } from '../users/tandem-roles.js';
import { User } from '../users/user.js';
import type { ScimContext } from './scim-context.js';
import { ScimError } from './scim-error.js';
import { parseFilter } from './scim-filter.js';
import { ScimGroupMember } from './scim-group-member.js';
import { listResponse, type Page } from './scim-list.js';
import { applyPatch, normalize, type PatchOperation, type Resource } from './scim-patch.js';
import { refreshScimRoles } from './scim-roles.js';
import { fromScimUser, type ScimUserFields, toScimUser } from './scim-user-mapping.js';
import { userQuery } from './scim-user-query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The people SCIM provisioned (directory source `scim`) of the configured identity provider,
 * a page at a time, filtered as Entra ID asks before it creates someone
 * (`userName eq "…"`), oldest first.
 */
export async function listScimUsers(ctx: ScimContext, filter: string | undefined, page: Page) {
  const conditions = filter ? userQuery(parseFilter(filter)) : [];
  if (!conditions) return listResponse([], 0, page);
  const [users, total] = await ctx.deps.em.fork().findAndCount(
    User,
    { $and: [{ issuer: ctx.issuer, directorySource: 'scim' }, ...conditions] },
    {
      orderBy: { createdAt: 'asc', id: 'asc' },
      offset: page.startIndex - 1,
      limit: page.count,
      populate: ['manager'],
    },
  );
  return listResponse(
    users.map((user) => toScimUser(user, ctx.baseUrl)),
    total,
    page,
  );
}

/** @throws ScimError 404 for anyone SCIM does not manage. */
export async function getScimUser(ctx: ScimContext, id: string) {
  return toScimUser(await provisioned(ctx.deps.em.fork(), ctx, id), ctx.baseUrl);
}

/**
 * Creates a person from a SCIM User, not yet linked to a sign-in: their first sign-in whose
 * username claim equals the userName adopts the row. Someone Tandem knows from sign-in (or
 * whom SCIM deleted) under that userName is taken over instead of doubled.
 *
 * @throws ScimError 409 `uniqueness` when SCIM or the LDAP sync manages the userName already.
 */
export async function createScimUser(ctx: ScimContext, body: unknown) {
  const fields = fromScimUser(normalize(body) as Resource);
  const em = ctx.deps.em.fork();
  const existing = await em.findOne(User, {
    issuer: ctx.issuer,
    username: { $ilike: fields.username.replace(/[\\%_]/g, (c) => `\\${c}`) },
  });
  if (existing?.directorySource) {
    throw new ScimError(409, `The userName ${fields.username} is taken.`, 'uniqueness');
  }
  const user =
    existing ??
    em.create(User, {
      issuer: ctx.issuer,
      subject: unlinkedSubject(),
      name: fields.name,
      username: fields.username,
      roles: [],
    });
  user.directorySource = 'scim';
  await save(em, ctx, user, fields);
  await recordAudit(ctx.deps.em, {
    action: existing ? 'scim.user-adopted' : 'scim.user-created',
    actorId: ctx.actorId,
    targetType: 'user',
    targetId: user.id,
  });
  return getScimUser(ctx, user.id);
}

/** PUT: the resource replaces what Tandem keeps of the person; attributes left out are cleared. */
export async function replaceScimUser(ctx: ScimContext, id: string, body: unknown) {
  const em = ctx.deps.em.fork();
  const user = await provisioned(em, ctx, id);
  await save(em, ctx, user, fromScimUser(normalize(body) as Resource));
  await audit(ctx, 'scim.user-replaced', id);
  return getScimUser(ctx, id);
}

/** PATCH: the operations, applied to the person as a SCIM User. */
export async function patchScimUser(ctx: ScimContext, id: string, operations: PatchOperation[]) {
  const em = ctx.deps.em.fork();
  const user = await provisioned(em, ctx, id);
  const current = normalize(toScimUser(user, ctx.baseUrl)) as Resource;
  await save(em, ctx, user, fromScimUser(applyPatch(current, operations)));
  await audit(ctx, 'scim.user-patched', id);
  return getScimUser(ctx, id);
}

/**
 * DELETE: the person leaves as `active: false` makes them leave (sessions end, pairs are
 * dissolved), leaves their SCIM groups and roles, and is no longer provisioned — 404 from now
 * on. What stays of them is kept or erased by the retention rules for leavers. Provisioning
 * the userName again takes the same row back.
 */
export async function deleteScimUser(ctx: ScimContext, id: string): Promise<void> {
  const em = ctx.deps.em.fork();
  const user = await provisioned(em, ctx, id);
  await deactivatePerson(ctx.deps, id, 'scim');
  await em.nativeDelete(ScimGroupMember, { user: id });
  await em.refresh(user);
  em.assign(user, {
    directorySource: null,
    externalId: null,
    // Only the roles granted in Tandem stay: the groups that gave the others let them go.
    roles: refreshedRoles(user.roles, []),
  });
  await em.flush();
  await audit(ctx, 'scim.user-deleted', id);
}

async function provisioned(em: EntityManager, ctx: ScimContext, id: string): Promise<User> {
  const user = UUID.test(id)
    ? await em.findOne(
        User,
        { id, issuer: ctx.issuer, directorySource: 'scim' },
        { populate: ['manager'] },
      )
    : null;
  if (!user) throw new ScimError(404, `No User ${id}.`);
  return user;
}

/** Writes the fields, then (de)activates: a leaver's pairs are dissolved by deactivatePerson. */
async function save(em: EntityManager, ctx: ScimContext, user: User, fields: ScimUserFields) {
  const manager = await managerOf(em, ctx, fields.managerId, user.id);
  em.assign(user, {
    username: fields.username,
    externalId: fields.externalId,
    name: fields.name,
    email: fields.email,
    title: fields.title,
    department: fields.department,
    manager,
    // The person's own choice in Tandem wins over the directory's.
    locale: user.locale ?? fields.locale,
  });
  await flushUnique(em);
  if (!fields.active) await deactivatePerson(ctx.deps, user.id, 'scim');
  else if (user.deactivatedAt) await reactivatePerson(ctx.deps.em, user.id, 'scim');
  await refreshScimRoles(ctx.deps.em, [user.id], ctx.roleMapping);
}

/** The manager, when Tandem knows them under that id; a manager not provisioned yet is left out. */
async function managerOf(em: EntityManager, ctx: ScimContext, id: string | null, self: string) {
  if (!id || id === self || !UUID.test(id)) return null;
  return em.findOne(User, { id, issuer: ctx.issuer });
}

async function flushUnique(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    throw new ScimError(409, 'The userName or externalId belongs to someone else.', 'uniqueness');
  }
}

function audit(ctx: ScimContext, action: string, id: string): Promise<void> {
  return recordAudit(ctx.deps.em, {
    action,
    actorId: ctx.actorId,
    targetType: 'user',
    targetId: id,
  });
}
