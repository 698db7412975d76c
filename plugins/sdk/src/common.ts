import { type Static, Type } from '@sinclair/typebox';

/** The three kinds of plugin Tandem knows. */
export const PluginKindSchema = Type.Union(
  [
    Type.Literal('matching-strategy'),
    Type.Literal('curriculum'),
    Type.Literal('notification-channel'),
  ],
  { description: 'What a plugin does: match people, plan sessions, or deliver messages.' },
);

/** The kind of a plugin: `'matching-strategy'`, `'curriculum'` or `'notification-channel'`. */
export type PluginKind = Static<typeof PluginKindSchema>;

/** Every plugin kind, in a fixed order. */
export const PLUGIN_KINDS: readonly PluginKind[] = Object.freeze([
  'matching-strategy',
  'curriculum',
  'notification-channel',
]);

/** The languages Tandem's interface and messages come in. */
export const LocaleSchema = Type.Union([Type.Literal('de'), Type.Literal('en')], {
  description: 'A language of the interface: German or English.',
});

/** A language of the interface: `'de'` (German) or `'en'` (English). */
export type Locale = Static<typeof LocaleSchema>;

/** A text given in every {@link Locale}. */
export const LocalizedSchema = Type.Object(
  { de: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false, description: 'A text in German and in English.' },
);

/** A text given in every {@link Locale}, e.g. `{ de: 'Halbjahr', en: 'Half year' }`. */
export type Localized = Static<typeof LocalizedSchema>;

/** The kinds of mentoring programme Tandem runs. */
export const ProgrammeKindSchema = Type.Union(
  [
    Type.Literal('reverse-mentoring'),
    Type.Literal('classic-mentoring'),
    Type.Literal('peer-lunch'),
  ],
  { description: 'Reverse mentoring, classic mentoring, or peer (mystery) lunch rounds.' },
);

/** The kind of a mentoring programme: reverse mentoring, classic mentoring or peer lunches. */
export type ProgrammeKind = Static<typeof ProgrammeKindSchema>;
