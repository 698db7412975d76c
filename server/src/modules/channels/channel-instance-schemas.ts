import { type Static, Type } from '@sinclair/typebox';

const Config = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'The fields of the channel plugin’s config schema; a secret field holds { "env": "VARIABLE" } or { "file": "/path" }, read at each send, never the secret itself.',
});

/** An active channel plugin, with what its instances may set. */
export const ChannelPluginSchema = Type.Object({
  name: Type.String(),
  version: Type.String(),
  configSchema: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The JSON Schema each instance’s config is validated against.',
  }),
  secretFields: Type.Array(Type.String(), {
    description: 'Fields marked secret: they take a reference to a variable or file.',
  }),
});
export type ChannelPluginView = Static<typeof ChannelPluginSchema>;

/** One configuration of a channel plugin, as admins see it: references, never secrets. */
export const ChannelInstanceSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  channel: Type.String({ description: 'The channel plugin’s name, e.g. webhook.' }),
  name: Type.String(),
  config: Config,
  programmes: Type.Array(
    Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() }),
    {
      description: 'The programmes that post through it.',
    },
  ),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ChannelInstanceView = Static<typeof ChannelInstanceSchema>;

const Name = Type.String({ minLength: 1, maxLength: 100, description: 'E.g. "Sales chat".' });

export const CreateChannelInstanceSchema = Type.Object(
  { channel: Type.String({ minLength: 1 }), name: Name, config: Config },
  { additionalProperties: false },
);
export type CreateChannelInstance = Static<typeof CreateChannelInstanceSchema>;

/** A change: the name, or the whole config (replaced, not merged). */
export const UpdateChannelInstanceSchema = Type.Object(
  { name: Type.Optional(Name), config: Type.Optional(Config) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateChannelInstance = Static<typeof UpdateChannelInstanceSchema>;
