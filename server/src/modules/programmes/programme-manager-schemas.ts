import { Type } from '@sinclair/typebox';

export const ManagerSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean({
    description: 'False while the person lacks the programme-manager role: the assignment waits.',
  }),
});

export const SetManagersSchema = Type.Object(
  { userIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100 }) },
  { additionalProperties: false },
);
