import { type Static, Type } from '@sinclair/typebox';
import { ProgrammeKindSchema } from '@tandem/plugin-sdk';
import { ProfileSchema } from '../profiles/profile-schema.js';
import { ProgrammeStateSchema } from '../programmes/programme-schemas.js';
import { ENROLMENT_ROLES } from './enrolment.js';

const Role = Type.Union(
  ENROLMENT_ROLES.map((role) => Type.Literal(role)),
  {
    description:
      'mentor, mentee or either. In reverse mentoring the mentor is the "digital" colleague and the mentee the leader; in peer lunches everyone is either.',
  },
);

/** Joining a programme, or changing one's enrolment while enrolment is open. */
export const EnrolSchema = Type.Object(
  {
    role: Type.Optional(Role),
    profile: Type.Optional(ProfileSchema),
  },
  { additionalProperties: false },
);
export type Enrol = Static<typeof EnrolSchema>;

/** One's own enrolment in a programme. */
export const MyEnrolmentSchema = Type.Object({
  role: Role,
  state: Type.Union([Type.Literal('active'), Type.Literal('withdrawn')]),
  profile: ProfileSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type MyEnrolment = Static<typeof MyEnrolmentSchema>;

/** A programme as a participant sees it: what it offers, and whether and how they take part. */
export const ParticipantProgrammeSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  description: Type.String(),
  kind: ProgrammeKindSchema,
  state: ProgrammeStateSchema,
  goals: Type.Array(Type.String()),
  budget: Type.Union([Type.String(), Type.Null()]),
  format: Type.String(),
  location: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  sessionCount: Type.Integer(),
  sessionMinutes: Type.Integer(),
  cadenceWeeks: Type.Integer(),
  durationWeeks: Type.Integer(),
  enrolmentOpensAt: Type.Union([Type.String(), Type.Null()]),
  enrolmentClosesAt: Type.Union([Type.String(), Type.Null()]),
  canEnrol: Type.Boolean(),
  whyNot: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the person cannot enrol (or change their enrolment) now.',
  }),
  enrolment: Type.Union([MyEnrolmentSchema, Type.Null()]),
});
export type ParticipantProgramme = Static<typeof ParticipantProgrammeSchema>;
