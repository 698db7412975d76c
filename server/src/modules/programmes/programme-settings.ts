import { type Static, Type } from '@sinclair/typebox';
import type { ProgrammeDefaults } from '@tandem/plugin-sdk';
import { LanguageCodesSchema, MeetingFormatSchema } from '../common-schemas.js';
import { defaultSurveySettings, SurveySettingsSchema } from '../surveys/survey-settings.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Names = (description: string) =>
  Type.Array(Name, { maxItems: 200, uniqueItems: true, description });

/** Who may join: every list that is not empty must contain the person's value. */
export const EligibilitySchema = Type.Object(
  {
    departments: Names('Departments whose people may join; empty: every department.'),
    titles: Names('Job titles (levels) that may join; empty: every title.'),
    roles: Names("Values of the identity provider's roles claim, one of which a person needs."),
  },
  { additionalProperties: false },
);
export type Eligibility = Static<typeof EligibilitySchema>;

/**
 * What an admin sets up about a programme beyond its name: filled from the curriculum's
 * defaults when the programme is created, then changed at will. Stored as one JSON document
 * (`programme.settings`): nothing queries inside it.
 */
export const ProgrammeSettingsSchema = Type.Object(
  {
    goals: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      maxItems: 10,
      description:
        "The organisation's goals for the programme; the kick-off session takes them up.",
    }),
    budget: Type.Optional(
      Type.String({ maxLength: 200, description: 'E.g. "Essensgutschein 15 € pro Treffen".' }),
    ),
    eligibility: EligibilitySchema,
    enrolmentOpensAt: Type.Optional(Type.String({ format: 'date-time' })),
    enrolmentClosesAt: Type.Optional(Type.String({ format: 'date-time' })),
    maxTandems: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10000, description: 'At most this many pairs.' }),
    ),
    menteesPerMentor: Type.Integer({ minimum: 1, maximum: 5 }),
    languages: LanguageCodesSchema,
    format: MeetingFormatSchema,
    location: Type.Optional(Type.String({ maxLength: 200, description: 'Site or city.' })),
    meetingLinkTemplate: Type.Optional(
      Type.String({
        pattern: '^https://\\S*\\{meeting\\}\\S*$',
        description:
          'Video room per meeting: an https URL with {meeting} where the meeting id goes, e.g. https://meet.example.org/tandem-{meeting}.',
      }),
    ),
    room: Type.Optional(Type.String({ maxLength: 200, description: 'Meeting room on site.' })),
    sessionCount: Type.Integer({ minimum: 1, maximum: 52 }),
    sessionMinutes: Type.Integer({ minimum: 15, maximum: 480 }),
    cadenceWeeks: Type.Integer({ minimum: 1, maximum: 12 }),
    durationWeeks: Type.Integer({ minimum: 1, maximum: 104 }),
    selfService: Type.Boolean({
      description:
        'Participants see their best suggestions and ask one themselves, instead of (or before) a matching run.',
    }),
    requestExpiryDays: Type.Integer({
      minimum: 1,
      maximum: 30,
      description: 'Days a self-service request waits for an answer before the next suggestion.',
    }),
    managerApproval: Type.Boolean({
      description:
        "An enrolment waits for the person's line manager (from the directory) to approve it; admins may answer on the manager's behalf.",
    }),
    approvalExpiryDays: Type.Integer({
      minimum: 1,
      maximum: 60,
      description:
        'Days a request for approval waits for the manager; halfway the manager is reminded, at the end the enrolment expires.',
    }),
    capacity: Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()], {
      description:
        'At most this many active participants, whatever their role; who enrols beyond joins a waitlist that moves up when a place frees. null: no limit.',
    }),
    rematchAtOnce: Type.Boolean({
      description:
        'When a pair is dissolved, pair both with someone from the open pool at once, instead of in the next run an admin starts.',
    }),
    reminderHours: Type.Integer({
      minimum: 0,
      maximum: 168,
      description: 'Hours before each meeting that both partners get a reminder; 0 sends none.',
    }),
    feedbackPrompt: Type.Boolean({
      description: 'After each meeting both partners are asked how it went.',
    }),
    nudgeAfterDays: Type.Integer({
      minimum: 0,
      maximum: 30,
      description:
        'Days after an invitation that whoever has not answered it is reminded to; 0 sends none.',
    }),
    homeworkReminderHours: Type.Integer({
      minimum: 0,
      maximum: 168,
      description:
        'Hours before each meeting that a partner with open homework from the session before is reminded of it; 0 sends none.',
    }),
    staleAfterWeeks: Type.Integer({
      minimum: 1,
      maximum: 52,
      description:
        'Weeks without a session marked done after which a pair is asked whether to go on or rematch.',
    }),
    differentDepartments: Type.Boolean({
      description:
        'Pair people from different departments only: the matching strategy gets the rule `department: "different"`. The weighted strategy then leaves out whoever has nobody else; lunch rounds group two people of one department only where nothing else works.',
    }),
    reportingLineLevels: Type.Integer({
      minimum: 0,
      maximum: 10,
      description:
        "Never pair two people of whom one is the other's manager, manager's manager, … up to this many levels (from the directory's manager data); 0 turns the rule off. The strategy gets these pairs as forbidden pairs; the review says why.",
    }),
    weights: Type.Record(Type.String({ minLength: 1 }), Type.Number({ minimum: 0, maximum: 100 }), {
      description: 'Weight per matching criterion.',
    }),
    channels: Type.Array(Type.String({ minLength: 1 }), {
      maxItems: 10,
      uniqueItems: true,
      description: 'Names of the notification channel plugins to use.',
    }),
    channelInstances: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Type.String({ format: 'uuid' }), {
        description:
          'Per channel, the channel instance its messages go through, e.g. { "webhook": "<id>" } for the team\'s chat (see /api/admin/channel-instances); a channel without one uses the server\'s configuration.',
      }),
    ),
    surveys: SurveySettingsSchema,
  },
  { additionalProperties: false },
);
export type ProgrammeSettings = Static<typeof ProgrammeSettingsSchema>;

/** What an admin may send to change settings: any of them; lists and objects are replaced. */
export const ProgrammeSettingsChangeSchema = Type.Partial(ProgrammeSettingsSchema, {
  additionalProperties: false,
});
export type ProgrammeSettingsChange = Static<typeof ProgrammeSettingsChangeSchema>;

/** The settings a programme starts with: its curriculum's defaults and open eligibility. */
export function defaultSettings(defaults: ProgrammeDefaults): ProgrammeSettings {
  return {
    goals: [],
    eligibility: { departments: [], titles: [], roles: [] },
    menteesPerMentor: 1,
    languages: ['de'],
    format: 'both',
    sessionCount: defaults.sessionCount,
    sessionMinutes: defaults.sessionMinutes,
    cadenceWeeks: defaults.cadenceWeeks,
    durationWeeks: defaults.durationWeeks,
    selfService: false,
    requestExpiryDays: 7,
    managerApproval: false,
    approvalExpiryDays: 14,
    capacity: null,
    rematchAtOnce: false,
    reminderHours: 24,
    feedbackPrompt: true,
    nudgeAfterDays: 3,
    homeworkReminderHours: 48,
    staleAfterWeeks: 6,
    differentDepartments: false,
    reportingLineLevels: 2,
    weights: { ...defaults.weights },
    channels: [...defaults.channels],
    surveys: defaultSurveySettings(defaults.durationWeeks),
  };
}
