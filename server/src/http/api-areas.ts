/**
 * The areas of the API, one OpenAPI tag each, so doc viewers group operations and generated
 * clients can split by area. An operation's area comes from its path: `/api/` and `admin/`
 * dropped, the first area with a matching pattern wins (specific ones first). A route may
 * name its area itself with `schema.tags`; it must be one of these.
 */
export interface ApiArea {
  name: string;
  description: string;
  paths: RegExp[];
}

export const API_AREAS: readonly ApiArea[] = [
  {
    name: 'Site',
    description: 'What the server says about itself before anyone signs in.',
    paths: [/^site$/],
  },
  {
    name: 'Privacy',
    description: 'A person’s data: export it, or delete the account (themselves or by an admin).',
    paths: [/^me\/(export|delete)$/, /^users\/\{id\}\/(export|delete)$/],
  },
  {
    name: 'Notifications',
    description: 'The in-app inbox, and the delivery ledger of everything sent by any channel.',
    paths: [/^me\/inbox(\/|$)/, /^deliveries(\/|$)/],
  },
  {
    name: 'Channel instances',
    description:
      'Channel plugins configured more than once at run time (a chat team each), chosen per programme.',
    paths: [/^channels$/, /^channel-instances(\/|$)/],
  },
  {
    name: 'Profiles',
    description: 'What people say about themselves: experience, skills, and finding colleagues.',
    paths: [/^me\/profile$/, /^people$/],
  },
  {
    name: 'Certificates',
    description:
      'Certificates of participation: a participant’s own, issuing them for a programme, and checking a number.',
    paths: [/^certificates(\/|$)/, /^me\/certificates(\/|$)/, /^programmes\/\{id\}\/certificates$/],
  },
  {
    name: 'Surveys',
    description:
      'Programme surveys: the ones a participant is asked, answering them, and how many answered.',
    paths: [/^surveys(\/|$)/, /^me\/surveys(\/|$)/, /^programmes\/\{id\}\/surveys(\/|$)/],
  },
  {
    name: 'Account',
    description: 'The signed-in person and their preferences.',
    paths: [/^me(\/|$)/],
  },
  {
    name: 'People and roles',
    description: 'Admins manage people: Tandem roles and sessions.',
    paths: [/^users(\/|$)/],
  },
  {
    name: 'API tokens',
    description: 'Personal API tokens of admins, for scripts and HR systems.',
    paths: [/^tokens(\/|$)/],
  },
  {
    name: 'Plugins',
    description: 'The matching strategies, curricula and channels this server runs.',
    paths: [/^plugins(\/|$)/],
  },
  {
    name: 'Curricula',
    description: 'The curricula programmes are made from, with a preview of their sessions.',
    paths: [/^curricula(\/|$)/],
  },
  {
    name: 'Skills',
    description: 'The catalogue of skills people offer and want.',
    paths: [/^skills(\/|$)/],
  },
  {
    name: 'Enrolment',
    description: 'Taking part in a programme, and the enrolments admins see and add.',
    paths: [/^programmes\/\{id\}\/enrolments?(\/|$)/],
  },
  {
    name: 'Approvals',
    description: 'Line managers approving (or declining) an enrolment of their staff.',
    paths: [/^approvals(\/|$)/, /^programmes\/\{id\}\/approvals$/],
  },
  {
    name: 'Self-service matching',
    description: 'People finding a partner themselves: suggestions and requests.',
    paths: [/^programmes\/\{id\}\/(suggestions|requests)$/, /^requests(\/|$)/],
  },
  {
    name: 'Lunch rounds',
    description: 'Mystery lunch rounds: the next round, skipping one, and the rounds admins see.',
    paths: [/^programmes\/\{id\}\/(lunch|lunch-rounds)(\/|$)/],
  },
  {
    name: 'Matching',
    description: 'Matching runs, the review of proposed pairs, pins, forbids and publishing.',
    paths: [
      /^matching-runs(\/|$)/,
      /^matches(\/|$)/,
      /^forbids(\/|$)/,
      /^programmes\/\{id\}\/(matching-runs|review|forbids|swaps|matches|quiet-pairs|publish)$/,
    ],
  },
  {
    name: 'Meetings',
    description: 'Meetings of pairs: invitations, answers, finding a time, and the admins’ view.',
    paths: [
      /^meetings(\/|$)/,
      /^pairs\/\{id\}\/find-a-time(\/|$)/,
      /^programmes\/\{id\}\/meetings$/,
    ],
  },
  {
    name: 'Pairs',
    description: 'A pair’s own space: sessions, homework, notes, questions and feedback.',
    paths: [/^pairs(\/|$)/],
  },
  {
    name: 'Reports',
    description:
      'Aggregate reports of a programme and its impact, never about a single person; free-text answers only where allowed.',
    paths: [/^programmes\/\{id\}\/(report|free-text)(\/|$)/],
  },
  {
    name: 'Audit',
    description: 'The audit log of admin actions and security events.',
    paths: [/^audit(\/|$)/],
  },
  {
    name: 'Programmes',
    description: 'Programmes: their settings, states and managers, and the ones people can join.',
    paths: [/^programmes(\/|$)/],
  },
];

/** The area of an `/api/` path in OpenAPI form (`/api/pairs/{id}`), if one claims it. */
export function areaOf(path: string): ApiArea | undefined {
  const rest = path.replace(/^\/api\/(admin\/)?/, '');
  return API_AREAS.find((area) => area.paths.some((pattern) => pattern.test(rest)));
}
