import { type Static, Type } from '@sinclair/typebox';
import { API_SCOPES } from './api-scope.js';

const Scope = Type.Union(
  API_SCOPES.map((scope) => Type.Literal(scope)),
  {
    description:
      'read: every admin GET route. enrolments:write: enrol people into programmes on their behalf. scim: the SCIM provisioning endpoint /scim/v2 only, for an identity provider.',
  },
);

/** A token as its owner sees it in the list: never the secret. */
export const ApiTokenSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  scopes: Type.Array(Scope),
  prefix: Type.String({ description: 'The first characters of the token, to recognise it.' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiTokenView = Static<typeof ApiTokenSchema>;

/** A new token. */
export const NewApiTokenSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'Omit for a token that never expires.' }),
    ),
  },
  { additionalProperties: false },
);
export type NewApiToken = Static<typeof NewApiTokenSchema>;

/** The token just made: the only time its secret is shown. */
export const CreatedApiTokenSchema = Type.Object({
  token: Type.String({
    description: 'Send as `Authorization: Bearer <token>`. Shown this once; keep it safe.',
  }),
  apiToken: ApiTokenSchema,
});
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>;
