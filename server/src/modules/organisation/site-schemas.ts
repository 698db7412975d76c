import { type Static, Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What the web app shows before anyone signs in: its footer and the accessibility statement. */
export const SiteSchema = Type.Object({
  organisationName: Nullable(Type.String()),
  version: Type.String(),
  demo: Type.Boolean({
    description: 'Demo mode: sign-in through the built-in demo IdP, or made-up demo data.',
  }),
  demoMailbox: Type.Boolean({
    description: 'Demo mode keeps every email it sends in a mailbox that admins read in the app.',
  }),
  languages: Type.Array(Type.Union([Type.Literal('de'), Type.Literal('en')])),
  defaultLocale: Type.Union([Type.Literal('de'), Type.Literal('en')], {
    description: 'The language of people who chose none.',
  }),
  channels: Type.Array(Type.String(), {
    description:
      'Channels people may choose or mute, besides the in-app inbox, which always stays.',
  }),
  accessibility: Type.Object({
    contactEmail: Nullable(Type.String()),
    contactUrl: Nullable(Type.String()),
    statementDate: Nullable(Type.String({ format: 'date' })),
    enforcementBody: Nullable(Type.String()),
    signLanguageVideoUrl: Nullable(
      Type.String({
        format: 'uri',
        description:
          'An https link to a video about the site in German Sign Language (DGS), set with `tandem organisation --sign-language-video`.',
      }),
    ),
  }),
});
export type SiteView = Static<typeof SiteSchema>;
