import { type Static, Type } from '@sinclair/typebox';
import { LanguageCodesSchema, MeetingFormatSchema } from '../common-schemas.js';

const Time = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, 24 h',
});
const Words = (maxItems: number, description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
    maxItems,
    uniqueItems: true,
    description,
  });

/** A weekly window in which a person can meet, in the organisation's time zone. */
export const AvailabilityWindowSchema = Type.Object(
  {
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday.' }),
    from: Time,
    to: Time,
  },
  { additionalProperties: false },
);
export type AvailabilityWindow = Static<typeof AvailabilityWindowSchema>;

/**
 * What a person tells about themselves to be matched: kept per user and reused for every
 * programme they join (each enrolment keeps the copy it was made with).
 */
export const ProfileSchema = Type.Object(
  {
    skillsOffered: Words(20, 'Keys of skills from the taxonomy the person can share.'),
    skillsWanted: Words(20, 'Keys of skills from the taxonomy the person wants to learn.'),
    tags: Words(20, 'Free tags beyond the taxonomy, e.g. "Excel-Makros".'),
    experienceYears: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    languages: LanguageCodesSchema,
    format: MeetingFormatSchema,
    location: Type.Optional(Type.String({ maxLength: 200 })),
    availability: Type.Array(AvailabilityWindowSchema, { maxItems: 35 }),
    goals: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 5 }),
    excludedPersonIds: Type.Array(Type.String({ format: 'uuid' }), {
      maxItems: 50,
      uniqueItems: true,
      description:
        'People this person would rather not be paired with. Never shown to anyone else.',
    }),
  },
  { additionalProperties: false },
);
export type Profile = Static<typeof ProfileSchema>;

/** The profile of someone who has not filled one in. */
export const EMPTY_PROFILE: Profile = Object.freeze({
  skillsOffered: [],
  skillsWanted: [],
  tags: [],
  languages: ['de'],
  format: 'both',
  availability: [],
  goals: [],
  excludedPersonIds: [],
}) as Profile;
