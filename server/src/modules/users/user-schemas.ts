import { Type } from '@sinclair/typebox';

export const Me = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  department: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.Literal('admin'), { description: 'Tandem roles beyond participant.' }),
});
