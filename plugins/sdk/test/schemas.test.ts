import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import t from 'tap';
import {
  CurriculumProgrammeSchema,
  type MatchInput,
  MatchInputSchema,
  type MatchProposal,
  MatchProposalSchema,
  type OutgoingMessage,
  OutgoingMessageSchema,
  ProgrammeDefaultsSchema,
  SendResultSchema,
  type SessionPlan,
  SessionPlanSchema,
} from '../src/index.js';

/** The first error's path and message, or undefined when the value is valid. */
function firstError(schema: TSchema, value: unknown): string | undefined {
  const error = Value.Errors(schema, value).First();
  return error && `${error.path}: ${error.message}`;
}

const proposal: MatchProposal = {
  groups: [
    {
      members: [
        { enrolmentId: 'e1', role: 'mentor' },
        { enrolmentId: 'e2', role: 'mentee' },
      ],
      score: 87.5,
      criteria: [
        { name: 'skills', score: 100, weight: 2, why: 'Offers TypeScript, which e2 wants.' },
        { name: 'availability', score: 0, weight: 0, why: 'No common slot; weight 0.' },
      ],
    },
  ],
  unmatched: [{ enrolmentId: 'e3', reason: 'No mentor left with capacity.' }],
};

const group = proposal.groups[0] as MatchProposal['groups'][number];

t.test('MatchProposalSchema accepts a valid proposal', async (t) => {
  t.equal(firstError(MatchProposalSchema, proposal), undefined);
  t.ok(Value.Check(MatchProposalSchema, { groups: [], unmatched: [] }), 'an empty round is fine');
});

t.test('reasons may come as a code with values, beside the sentence', async (t) => {
  const coded: MatchProposal = {
    groups: [
      {
        ...group,
        criteria: [
          {
            name: 'skills',
            score: 50,
            weight: 3,
            why: 'The mentor offers e-file of what the mentee wants (1 of 2).',
            code: 'skills.offered',
            params: { skills: ['e-file'], count: 1, wanted: 2, exact: true },
          },
        ],
      },
    ],
    unmatched: [{ enrolmentId: 'e3', reason: 'The programme is full.', code: 'unmatched.full' }],
  };
  t.equal(firstError(MatchProposalSchema, coded), undefined);
  const badCode = { ...coded, unmatched: [{ enrolmentId: 'e3', reason: 'x', code: 'Not A Key' }] };
  t.match(firstError(MatchProposalSchema, badCode), /^\/unmatched\/0\/code/, 'codes are keys');
  const badParam = {
    ...coded,
    unmatched: [{ enrolmentId: 'e3', reason: 'x', code: 'a', params: { at: { nested: 1 } } }],
  };
  t.match(firstError(MatchProposalSchema, badParam), /params/, 'values are flat');
});

t.test('MatchProposalSchema rejects malformed proposals', async (t) => {
  const invalid: [string, unknown, RegExp][] = [
    ['a score of 101', { ...proposal, groups: [{ ...group, score: 101 }] }, /^\/groups\/0\/score:/],
    ['a negative score', { ...proposal, groups: [{ ...group, score: -1 }] }, /score/],
    [
      'a group of one',
      { ...proposal, groups: [{ ...group, members: group.members.slice(0, 1) }] },
      /^\/groups\/0\/members: Expected array length to be greater or equal to 2/,
    ],
    [
      'a criterion scored 101',
      { ...proposal, groups: [{ ...group, criteria: [{ ...group.criteria[0], score: 101 }] }] },
      /^\/groups\/0\/criteria\/0\/score/,
    ],
    [
      'a negative weight',
      { ...proposal, groups: [{ ...group, criteria: [{ ...group.criteria[0], weight: -1 }] }] },
      /weight/,
    ],
    [
      'a criterion without why',
      { ...proposal, groups: [{ ...group, criteria: [{ name: 'x', score: 1, weight: 1 }] }] },
      /why/,
    ],
    [
      'an unknown member role',
      {
        ...proposal,
        groups: [{ ...group, members: [...group.members, { enrolmentId: 'e4', role: 'boss' }] }],
      },
      /^\/groups\/0\/members\/2\/role/,
    ],
    [
      'a misspelt field',
      { ...proposal, unmatched: [{ enrolmentId: 'e3', reasn: 'x' }] },
      /unmatched/,
    ],
    ['missing unmatched', { groups: [] }, /^\/unmatched: Expected required property/],
  ];
  for (const [label, value, error] of invalid) {
    t.notOk(Value.Check(MatchProposalSchema, value), label);
    t.match(firstError(MatchProposalSchema, value), error, label);
  }
});

const session: SessionPlan = {
  title: 'Kick-off',
  goal: 'Get to know each other and agree on goals.',
  agenda: ['Introductions', 'Expectations', 'Next date'],
  tutorials: [{ title: 'How reverse mentoring works', url: 'https://example.org/rm', minutes: 10 }],
  homework: { mentor: ['Write down three questions.'], mentee: [] },
  durationMinutes: 60,
  offsetWeeks: 0,
};

t.test('SessionPlanSchema accepts a valid session and rejects malformed ones', async (t) => {
  t.equal(firstError(SessionPlanSchema, session), undefined);
  t.equal(firstError(SessionPlanSchema, { ...session, tutorials: [{ title: 'Book' }] }), undefined);
  t.match(
    firstError(SessionPlanSchema, { ...session, durationMinutes: -30 }),
    /^\/durationMinutes: Expected integer to be greater or equal to 1/,
  );
  t.match(firstError(SessionPlanSchema, { ...session, durationMinutes: 0 }), /durationMinutes/);
  t.match(firstError(SessionPlanSchema, { ...session, durationMinutes: 45.5 }), /integer/);
  t.match(firstError(SessionPlanSchema, { ...session, offsetWeeks: -1 }), /^\/offsetWeeks/);
  t.match(firstError(SessionPlanSchema, { ...session, homework: { mentor: [] } }), /mentee/);
  t.match(
    firstError(SessionPlanSchema, { ...session, tutorials: [{ title: 'x', url: 'javascript:1' }] }),
    /^\/tutorials\/0\/url/,
  );
});

t.test('ProgrammeDefaultsSchema and CurriculumProgrammeSchema', async (t) => {
  const defaults = {
    sessionCount: 6,
    sessionMinutes: 60,
    cadenceWeeks: 4,
    durationWeeks: 26,
    matchingStrategy: 'weighted',
    weights: { skills: 2 },
    channels: ['email', 'in-app'],
  };
  t.equal(firstError(ProgrammeDefaultsSchema, defaults), undefined);
  t.match(firstError(ProgrammeDefaultsSchema, { ...defaults, sessionCount: 0 }), /sessionCount/);
  t.match(firstError(ProgrammeDefaultsSchema, { ...defaults, channels: ['E Mail'] }), /channels/);
  t.ok(
    Value.Check(CurriculumProgrammeSchema, {
      id: 'p1',
      kind: 'reverse-mentoring',
      goals: [],
      language: 'de',
    }),
  );
  t.notOk(
    Value.Check(CurriculumProgrammeSchema, {
      id: 'p1',
      kind: 'coaching',
      goals: [],
      language: 'de',
    }),
  );
});

t.test('SendResultSchema accepts the three outcomes only', async (t) => {
  t.ok(Value.Check(SendResultSchema, { status: 'delivered' }));
  t.ok(Value.Check(SendResultSchema, { status: 'retry-later', reason: 'SMTP 451' }));
  t.ok(
    Value.Check(SendResultSchema, { status: 'retry-later', reason: '429', retryAfterSeconds: 30 }),
  );
  t.ok(Value.Check(SendResultSchema, { status: 'failed-permanently', reason: 'no address' }));
  t.notOk(Value.Check(SendResultSchema, { status: 'sent' }));
  t.notOk(Value.Check(SendResultSchema, { status: 'failed-permanently' }), 'reason required');
  t.notOk(
    Value.Check(SendResultSchema, { status: 'retry-later', reason: 'x', retryAfterSeconds: -1 }),
  );
  t.notOk(Value.Check(SendResultSchema, { status: 'delivered', reason: 'extra' }));
});

t.test('OutgoingMessageSchema', async (t) => {
  const message: OutgoingMessage = {
    deliveryKey: 'session-42:person-7:invitation',
    recipient: { id: 'person-7', name: 'Ada', address: 'ada@example.org', locale: 'en' },
    kind: 'invitation',
    subject: 'Your first session',
    text: 'Hello Ada',
    calendar: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
    links: [{ label: 'Open', url: 'https://tandem.example.org/sessions/42' }],
  };
  t.equal(firstError(OutgoingMessageSchema, message), undefined);
  t.match(firstError(OutgoingMessageSchema, { ...message, kind: 'spam' }), /^\/kind/);
  t.match(
    firstError(OutgoingMessageSchema, {
      ...message,
      recipient: { ...message.recipient, locale: 'fr' },
    }),
    /^\/recipient\/locale/,
  );
  t.match(firstError(OutgoingMessageSchema, { ...message, deliveryKey: '' }), /^\/deliveryKey/);
});

t.test('MatchInputSchema', async (t) => {
  const input: MatchInput = {
    programme: { id: 'p1', kind: 'classic-mentoring', weights: { skills: 2 }, rules: { x: true } },
    candidates: [
      {
        enrolmentId: 'e1',
        personId: 'p1',
        role: 'mentor',
        capacity: 2,
        excludedPersonIds: ['p9'],
        profile: {
          skillsOffered: ['TypeScript'],
          skillsWanted: [],
          languages: ['de', 'fr'],
          format: 'both',
          location: 'Berlin',
          availability: [{ weekday: 1, from: '09:00', to: '12:30' }],
          goals: ['Leadership'],
          experienceYears: 12,
          department: 'IT',
          title: 'Architect',
        },
      },
    ],
    history: [['p1', 'p2']],
    pins: [{ members: ['e1', 'e2'] }],
    forbids: [['e1', 'e3']],
    seed: 42,
  };
  t.equal(firstError(MatchInputSchema, input), undefined);
  const candidate = input.candidates[0] as MatchInput['candidates'][number];
  const withCandidate = (patch: object) => ({ ...input, candidates: [{ ...candidate, ...patch }] });
  t.match(firstError(MatchInputSchema, withCandidate({ capacity: 0 })), /capacity/);
  t.match(firstError(MatchInputSchema, withCandidate({ role: 'peer' })), /role/);
  const slot = (from: string, weekday = 1) => ({
    profile: { ...candidate.profile, availability: [{ weekday, from, to: '10:00' }] },
  });
  t.match(firstError(MatchInputSchema, withCandidate(slot('9:00'))), /availability\/0\/from/);
  t.match(firstError(MatchInputSchema, withCandidate(slot('24:00'))), /from/);
  t.match(firstError(MatchInputSchema, withCandidate(slot('09:00', 8))), /weekday/);
  t.match(firstError(MatchInputSchema, { ...input, history: [['p1']] }), /history/);
  t.match(firstError(MatchInputSchema, { ...input, seed: 1.5 }), /seed/);
});
