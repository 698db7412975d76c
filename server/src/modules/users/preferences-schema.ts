import { type Static, Type } from '@sinclair/typebox';

const ChannelName = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 64 });

/** How a person wants to hear from Tandem: language, channels, addresses on channels. */
export const PreferencesSchema = Type.Object(
  {
    locale: Type.Union([Type.Literal('de'), Type.Literal('en'), Type.Null()], {
      description: "The language of the app and of messages; null follows the organisation's.",
    }),
    mutedChannels: Type.Array(ChannelName, {
      maxItems: 20,
      uniqueItems: true,
      description: 'Channels this person does not want messages on; the in-app inbox always stays.',
    }),
    channelAddresses: Type.Record(ChannelName, Type.String({ format: 'uri', maxLength: 2000 }), {
      description:
        'Addresses on channels other than email, e.g. a personal chat webhook for `webhook`. The email address comes from the identity provider.',
    }),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof PreferencesSchema>;
