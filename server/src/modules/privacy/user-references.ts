import { type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A MikroORM filter on one entity, e.g. `{ match: { members: { enrolment: { user: id } } } }`. */
export type Where = Record<string, unknown>;

/** An entity whose rows can be about one person, and how to find those rows. */
export interface UserReference {
  entity: string;
  tableName: string;
  /** Any one of these filters finds a row about the person. */
  filters: (userId: string) => Where[];
}

const USER = 'User';

/**
 * Rows that refer to a person without a relation: their own, audit events about them, and plugin
 * store entries a plugin keyed by their id.
 */
const UNRELATED: Record<string, (userId: string) => Where[]> = {
  User: (userId) => [{ id: userId }],
  AuditEvent: (userId) => [{ targetType: 'user', targetId: userId }],
  PluginStoreEntry: (userId) => [{ key: { $like: `%${userId}%` } }],
};

/**
 * Every entity with rows about a person, read from the ORM's metadata, so that a new entity
 * with a relation to a person is exported without anyone remembering to add it.
 *
 * A row belongs to a person through a chain of relations that cascade on delete (enrolment →
 * user, note → author, meeting → match → members → enrolment → user): what would vanish with
 * them. Relations that set null on delete (a programme's `createdBy`, an audit event's `actor`)
 * record what the person did; those rows are theirs too, but nothing is reached through them,
 * or every pair of a programme would be its creator's. An entity with a direct owning relation
 * to the person (a note's author) is theirs only through it, not through the pair it is in.
 */
export function userReferences(em: EntityManager): UserReference[] {
  const all = Object.values(em.getMetadata().getAll()).filter((meta) => !meta.embeddable);
  const byName = new Map(all.map((meta) => [meta.className, meta]));
  const references: UserReference[] = [];
  for (const meta of all) {
    const owned = ownedPaths(meta, byName, new Set());
    const actedBy = relationsTo(meta, USER).filter((prop) => !cascades(prop));
    const unrelated = UNRELATED[meta.className];
    if (owned.length === 0 && actedBy.length === 0 && !unrelated) continue;
    references.push({
      entity: meta.className,
      tableName: meta.tableName,
      filters: (userId) => [
        ...owned.map((path) => nest(path, userId)),
        ...actedBy.map((prop) => ({ [prop.name]: userId })),
        ...(unrelated?.(userId) ?? []),
      ],
    });
  }
  return references.sort((a, b) => a.tableName.localeCompare(b.tableName));
}

/** Property paths from `meta` to a person along cascading relations, e.g. `['match', 'members', 'enrolment', 'user']`. */
function ownedPaths(
  meta: EntityMetadata,
  byName: Map<string, EntityMetadata>,
  visiting: Set<string>,
): string[][] {
  const direct = relationsTo(meta, USER).filter(cascades);
  if (direct.length > 0) return direct.map((prop) => [prop.name]);
  if (meta.className === USER) return [];
  const next = new Set([...visiting, meta.className]);
  const paths: string[][] = [];
  for (const prop of meta.relations) {
    const target = byName.get(prop.type);
    if (!target || visiting.has(target.className) || !owning(prop, target)) continue;
    for (const path of ownedPaths(target, byName, next)) paths.push([prop.name, ...path]);
  }
  return paths;
}

function relationsTo(meta: EntityMetadata, entity: string): EntityProperty[] {
  return meta.relations.filter(
    (prop) =>
      prop.type === entity &&
      (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE),
  );
}

function cascades(prop: EntityProperty): boolean {
  return prop.deleteRule === 'cascade';
}

/** A relation a row belongs through: a cascading reference, or the members a row owns. */
function owning(prop: EntityProperty, target: EntityMetadata): boolean {
  if (prop.kind === ReferenceKind.ONE_TO_MANY) {
    const inverse = target.properties[prop.mappedBy];
    return inverse !== undefined && cascades(inverse);
  }
  return prop.kind === ReferenceKind.MANY_TO_ONE && cascades(prop);
}

function nest(path: string[], userId: string): Where {
  return path.reduceRight<unknown>((inner, name) => ({ [name]: inner }), userId) as Where;
}
