import { Type } from '@sinclair/typebox';

/** Languages to meet in, as ISO 639-1 codes: what programmes offer and people speak. */
export const LanguageCodesSchema = Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), {
  minItems: 1,
  maxItems: 10,
  uniqueItems: true,
  description: 'Languages to meet in, ISO 639-1 (de, en, …).',
});

/** Where meetings happen: on site, remote, or either. */
export const MeetingFormatSchema = Type.Union([
  Type.Literal('on-site'),
  Type.Literal('remote'),
  Type.Literal('both'),
]);
