import { MAX_PAGE } from './scim-list.js';
import { CORE_GROUP_SCHEMA, CORE_USER_SCHEMA, ENTERPRISE_USER_SCHEMA } from './scim-path.js';

const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

/**
 * What this endpoint supports (RFC 7643 §5): PATCH and filters (eq and and), no bulk, no
 * sorting, no ETags, no password changes; a bearer token authenticates.
 */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SPC_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'API token',
        description: 'A Tandem API token with the scope scim, sent as Authorization: Bearer tdm_…',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'A person taking part in Tandem',
      schema: CORE_USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_USER_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A group whose name can give its members a Tandem role',
      schema: CORE_GROUP_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

interface Attribute {
  name: string;
  type?: 'string' | 'boolean' | 'complex' | 'reference';
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite';
  uniqueness?: 'none' | 'server';
  subAttributes?: Attribute[];
}

/** The attributes Tandem keeps; anything else a client sends is accepted and dropped. */
const SCHEMAS: { id: string; name: string; attributes: Attribute[] }[] = [
  {
    id: CORE_USER_SCHEMA,
    name: 'User',
    attributes: [
      { name: 'userName', required: true, uniqueness: 'server' },
      { name: 'externalId', caseExact: true },
      { name: 'displayName' },
      {
        name: 'name',
        type: 'complex',
        subAttributes: [{ name: 'formatted' }, { name: 'givenName' }, { name: 'familyName' }],
      },
      { name: 'title' },
      { name: 'preferredLanguage' },
      { name: 'active', type: 'boolean' },
      {
        name: 'emails',
        type: 'complex',
        multiValued: true,
        subAttributes: [{ name: 'value' }, { name: 'type' }, { name: 'primary', type: 'boolean' }],
      },
    ],
  },
  {
    id: ENTERPRISE_USER_SCHEMA,
    name: 'EnterpriseUser',
    attributes: [
      { name: 'department' },
      {
        name: 'manager',
        type: 'complex',
        subAttributes: [{ name: 'value' }, { name: '$ref', type: 'reference' }],
      },
    ],
  },
  {
    id: CORE_GROUP_SCHEMA,
    name: 'Group',
    attributes: [
      { name: 'displayName', required: true },
      { name: 'externalId', caseExact: true },
      {
        name: 'members',
        type: 'complex',
        multiValued: true,
        subAttributes: [{ name: 'value' }, { name: '$ref', type: 'reference' }],
      },
    ],
  },
];

export function schemas(baseUrl: string) {
  return SCHEMAS.map((schema) => ({
    schemas: [SCHEMA_SCHEMA],
    ...schema,
    attributes: schema.attributes.map(described),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  }));
}

function described(attribute: Attribute): Record<string, unknown> {
  return {
    type: 'string',
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...attribute,
    ...(attribute.subAttributes ? { subAttributes: attribute.subAttributes.map(described) } : {}),
  };
}
