import { type Static, Type } from '@sinclair/typebox';
import { PluginKindSchema } from '@tandem/plugin-sdk';

/** A configured plugin as the admin page and /health/ready show it. */
export const PluginStatusSchema = Type.Union([
  Type.Object({
    name: Type.String(),
    kind: PluginKindSchema,
    version: Type.String(),
    status: Type.Literal('active'),
  }),
  Type.Object({
    name: Type.String(),
    status: Type.Literal('failed'),
    error: Type.String({ description: 'Why it did not load.' }),
    required: Type.Boolean(),
  }),
]);

/** A configured plugin as the admin page and /health/ready show it. */
export type PluginStatus = Static<typeof PluginStatusSchema>;
