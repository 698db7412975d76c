import { Type } from '@sinclair/typebox';
import { PluginStatusSchema } from '../plugin-host/plugin-schemas.js';

const Check = Type.Object({
  ok: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: 'Why the check failed.' })),
});

export const LiveResponse = Type.Object({ status: Type.Literal('ok') });

export const ReadyResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not-ready')]),
  checks: Type.Object({ database: Check, migrations: Check }),
  plugins: Type.Array(PluginStatusSchema, {
    description: 'Each configured plugin; a failed optional one does not make the process unready.',
  }),
});
