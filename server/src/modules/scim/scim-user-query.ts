import type { FilterQuery } from '@mikro-orm/core';
import type { User } from '../users/user.js';
import { ScimError } from './scim-error.js';
import type { Comparison } from './scim-filter.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The people a filter's comparisons select, as a query; undefined when no one can match (an
 * id that is no UUID). userName and email compare without case, externalId exactly.
 *
 * @throws ScimError 400 `invalidFilter` for an attribute Tandem cannot filter on.
 */
export function userQuery(comparisons: Comparison[]): FilterQuery<User>[] | undefined {
  const conditions: FilterQuery<User>[] = [];
  for (const { path, value } of comparisons) {
    const condition = conditionOf(path.attribute, path.sub, path.filter?.value, value);
    if (condition === undefined) return undefined;
    conditions.push(condition);
  }
  return conditions;
}

function conditionOf(
  attribute: string,
  sub: string | undefined,
  typeFilter: unknown,
  value: unknown,
): FilterQuery<User> | undefined {
  if (attribute === 'active' && typeof value === 'boolean')
    return { deactivatedAt: value ? null : { $ne: null } };
  if (typeof value !== 'string') throw unsupported(attribute);
  const exactly = { $ilike: value.replace(/[\\%_]/g, (c) => `\\${c}`) };
  switch (attribute) {
    case 'username':
      return { username: exactly };
    case 'externalid':
      return { externalId: value };
    case 'id':
      return UUID.test(value) ? { id: value } : undefined;
    case 'displayname':
      return { name: value };
    case 'emails':
      // Tandem keeps one address, the work one: `emails[type eq "work"].value`, `emails.value`.
      if ((sub ?? 'value') !== 'value' || (typeFilter !== undefined && typeFilter !== 'work'))
        throw unsupported(attribute);
      return { email: exactly };
    default:
      throw unsupported(attribute);
  }
}

function unsupported(attribute: string): ScimError {
  return new ScimError(
    400,
    `Users cannot be filtered by ${attribute}: use userName, externalId, emails, displayName or id.`,
    'invalidFilter',
  );
}
