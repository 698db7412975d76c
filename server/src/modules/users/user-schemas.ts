import { Type } from '@sinclair/typebox';
import { TandemRoleSchema } from './role-schemas.js';

export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(TandemRoleSchema, { description: 'Tandem roles beyond participant.' }),
});
