import { type Static, Type } from '@sinclair/typebox';
import { TANDEM_ROLES } from './tandem-roles.js';

export const TandemRoleSchema = Type.Union(
  TANDEM_ROLES.map((role) => Type.Literal(role)),
  { description: 'admin, programme-manager or report-reader.' },
);

export const StaffPersonSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(TandemRoleSchema, { description: 'The Tandem roles the person holds now.' }),
  granted: Type.Array(TandemRoleSchema, {
    description:
      'The roles given in Tandem, which sign-in keeps; the others came with the identity provider and go with it.',
  }),
});
export type StaffPerson = Static<typeof StaffPersonSchema>;

export const PeopleQuerySchema = Type.Object(
  {
    query: Type.Optional(
      Type.String({
        minLength: 2,
        maxLength: 100,
        pattern: '^[^\\u0000]*$',
        description: 'Part of a name or an email address; without it, everyone holding a role.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const SetRolesSchema = Type.Object(
  {
    roles: Type.Array(TandemRoleSchema, {
      uniqueItems: true,
      description:
        'The roles the person should hold. A role listed is granted in Tandem; a role left out is taken away (one from the identity provider comes back at the next sign-in while its groups give it).',
    }),
  },
  { additionalProperties: false },
);
export type SetRoles = Static<typeof SetRolesSchema>;
