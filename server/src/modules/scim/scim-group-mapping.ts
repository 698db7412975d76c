import { ScimError } from './scim-error.js';
import type { ScimGroup } from './scim-group.js';
import type { Resource } from './scim-patch.js';
import { CORE_GROUP_SCHEMA } from './scim-path.js';

export interface ScimGroupFields {
  displayName: string;
  externalId: string | null;
  /** The members' SCIM ids, which are their Tandem ids. */
  memberIds: string[];
}

/** A group as a SCIM Group resource; without members when the client excludes them. */
export function toScimGroup(
  group: ScimGroup,
  memberIds: string[] | undefined,
  baseUrl: string,
): Record<string, unknown> {
  return {
    schemas: [CORE_GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(memberIds
      ? {
          members: memberIds.map((id) => ({
            value: id,
            $ref: `${baseUrl}/Users/${id}`,
            type: 'User',
          })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${baseUrl}/Groups/${group.id}`,
    },
  };
}

/**
 * The fields of a normalised Group resource.
 *
 * @throws ScimError 400 `invalidValue` without a displayName.
 */
export function fromScimGroup(resource: Resource): ScimGroupFields {
  const displayName = text(resource.displayname);
  if (!displayName) throw new ScimError(400, 'A Group needs a displayName.', 'invalidValue');
  const members = Array.isArray(resource.members) ? resource.members : [];
  return {
    displayName,
    externalId: text(resource.externalid) ?? null,
    memberIds: [
      ...new Set(
        members
          .map((member) =>
            member !== null && typeof member === 'object'
              ? text((member as Resource).value)
              : text(member),
          )
          .filter((id): id is string => id !== undefined),
      ),
    ],
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
