import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ProgrammeKindSchema } from '@tandem/plugin-sdk';
import { ProfileSchema } from '../profiles/profile-schema.js';
import { ProgrammeStateSchema } from '../programmes/programme-schemas.js';
import { ENROLMENT_ROLES, ENROLMENT_STATES } from './enrolment.js';

const Role = Type.Union(
  ENROLMENT_ROLES.map((role) => Type.Literal(role)),
  {
    description:
      'mentor, mentee or either. In reverse mentoring the mentor is the "digital" colleague and the mentee the leader; in peer lunches everyone is either.',
  },
);

const State = Type.Union(ENROLMENT_STATES.map((state) => Type.Literal(state)));

/** Joining a programme, or changing one's enrolment while enrolment is open. */
export const EnrolSchema = Type.Object(
  {
    role: Type.Optional(Role),
    profile: Type.Optional(ProfileSchema),
  },
  { additionalProperties: false },
);
export type Enrol = Static<typeof EnrolSchema>;

/** An admin enrols someone: the person by subject or email (one of them), then as in Enrol. */
export const EnrolOnBehalfSchema = Type.Object(
  {
    subject: Type.Optional(
      Type.String({
        minLength: 1,
        description: "The person's subject (`sub`) at the identity provider.",
      }),
    ),
    email: Type.Optional(
      Type.String({ minLength: 3, description: "The person's email address, as Tandem knows it." }),
    ),
    role: Type.Optional(Role),
    profile: Type.Optional(ProfileSchema),
  },
  { additionalProperties: false },
);
export type EnrolOnBehalf = Static<typeof EnrolOnBehalfSchema>;

/** One's own enrolment in a programme. */
export const MyEnrolmentSchema = Type.Object({
  role: Role,
  state: State,
  waitlistPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description: 'On the waitlist: their place, 1 for the next to move up; else null.',
  }),
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
  selfService: Type.Boolean({
    description: 'Participants choose their tandem themselves from suggestions.',
  }),
  enrolmentOpensAt: Type.Union([Type.String(), Type.Null()]),
  enrolmentClosesAt: Type.Union([Type.String(), Type.Null()]),
  canEnrol: Type.Boolean(),
  whyNot: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the person cannot enrol (or change their enrolment) now, in English.',
  }),
  whyNotCode: Type.Union(
    [
      Type.Object({
        code: Type.String(),
        params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      }),
      Type.Null(),
    ],
    {
      description:
        'The same as a code with values (`enrolment.opens`, `{ at }`), for the app to word in the reader’s language.',
    },
  ),
  enrolment: Type.Union([MyEnrolmentSchema, Type.Null()]),
});
export type ParticipantProgramme = Static<typeof ParticipantProgrammeSchema>;

/** What the admins' table of a programme's enrolments can be sorted by. */
export const ENROLMENT_SORTS = ['name', 'department', 'role', 'enrolledAt'] as const;

const enrolmentFilter = {
  search: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Part of a name, email address or department, in any case.',
    }),
  ),
  role: Type.Optional(Role),
  state: Type.Optional(State),
  sort: Type.Union(
    ENROLMENT_SORTS.flatMap((key) => [Type.Literal(key), Type.Literal(`-${key}`)]),
    { default: 'name', description: 'A leading `-` sorts descending.' },
  ),
};

/** Which enrolments of a programme an admin looks at, in which order. */
export const EnrolmentExportFilterSchema = Type.Object(enrolmentFilter, {
  additionalProperties: false,
});
export type EnrolmentExportFilter = Static<typeof EnrolmentExportFilterSchema>;

/** One page of the admins' table of a programme's enrolments. */
export const EnrolmentFilterSchema = Type.Object(
  {
    ...enrolmentFilter,
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export type EnrolmentFilter = Static<typeof EnrolmentFilterSchema>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An enrolment as admins see it: who, how, since when, with what, and whether matched. */
export const EnrolmentRowSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  userId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Nullable(Type.String()),
  department: Nullable(Type.String()),
  title: Nullable(Type.String()),
  role: Role,
  state: State,
  enrolledAt: Type.String({ format: 'date-time' }),
  withdrawnAt: Nullable(Type.String({ format: 'date-time' })),
  skillsOffered: Type.Array(Type.String()),
  skillsWanted: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  matched: Type.Boolean({
    description: 'In a proposed, pinned or published match of the programme.',
  }),
});
export type EnrolmentRow = Static<typeof EnrolmentRowSchema>;

/** The enrolments that fit a filter: how many in all, and the page asked for. */
export const EnrolmentTableSchema = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  items: Type.Array(EnrolmentRowSchema),
});
export type EnrolmentTable = Static<typeof EnrolmentTableSchema>;
