import { Type } from '@sinclair/typebox';

const Check = Type.Object({
  ok: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'Why the check failed.' })),
});

export const LiveResponse = Type.Object({ status: Type.Literal('ok') });

export const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({ database: Check, migrations: Check }),
});
