import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { seedPairGoals } from '../src/modules/evaluation/pair-goal-seeding.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { ProgrammeManager } from '../src/modules/programmes/programme-manager.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { publishPair, runningPair } from './helpers/publish-pair.js';
import { seasonClock, startSeason } from './helpers/season.js';
import { signedInAs } from './helpers/sessions.js';

t.setTimeout(180_000);

interface Goal {
  id: string;
  text: string;
  origin: string;
  level: number | null;
  note: string | null;
  marks: { level: number; note: string | null; sessionId: string | null; mine: boolean }[];
}

type Cookies = Record<string, string>;

/** Calls the goals API of a pair as someone. */
function goalsApi(app: FastifyInstance, pairId: string) {
  const base = `/api/pairs/${pairId}/goals`;
  return {
    list: (cookies: Cookies) => app.inject({ url: base, cookies }),
    add: (cookies: Cookies, text: string) =>
      app.inject({ method: 'POST', url: base, cookies, payload: { text } }),
    change: (cookies: Cookies, goalId: string, text: string) =>
      app.inject({ method: 'PATCH', url: `${base}/${goalId}`, cookies, payload: { text } }),
    remove: (cookies: Cookies, goalId: string) =>
      app.inject({ method: 'DELETE', url: `${base}/${goalId}`, cookies }),
    mark: (cookies: Cookies, goalId: string, payload: object) =>
      app.inject({ method: 'POST', url: `${base}/${goalId}/progress`, cookies, payload }),
  };
}

t.test("publishing gives the pair the mentee's enrolment goals, once", async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  const env = {
    PUBLIC_URL: 'https://tandem.agency.example',
    TANDEM_PLUGIN_EMAIL_HOST: sink.host,
    TANDEM_PLUGIN_EMAIL_PORT: String(sink.port),
    TANDEM_PLUGIN_EMAIL_FROM: 'tandem@agency.example',
  };
  const databaseUrl = await createTestDatabase(t);
  const clock = seasonClock(new Date());
  const app = await buildTestApp(t, { databaseUrl, env, now: clock.now });
  const season = startSeason(t, app, clock, env, databaseUrl);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const mentor = await signedInAs(app, { subject: 'mentor', name: 'Mia Mentor' });
  const mentee = await signedInAs(app, { subject: 'mentee', name: 'Lea Leitung' });

  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Reverse Mentoring',
    kind: 'reverse-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
  });
  const mentorEnrolment = em.create(Enrolment, {
    programme,
    user: mentor.userId,
    role: 'mentor',
    profile: { goals: ['Führung verstehen'] },
  });
  // Enrolled as "either", the mentee is the one the match makes the mentee.
  const menteeEnrolment = em.create(Enrolment, {
    programme,
    user: mentee.userId,
    role: 'either',
    profile: { goals: ['KI im Alltag nutzen', '   ', 'Teams sicher moderieren'] },
  });
  const match = em.create(Match, { programme, state: 'proposed' });
  em.create(MatchMember, { match, enrolment: mentorEnrolment, role: 'mentor' });
  em.create(MatchMember, { match, enrolment: menteeEnrolment, role: 'mentee' });
  await em.flush();

  const published = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  t.equal(published.statusCode, 200, published.body);
  await season.runUntil(new Date(clock.now().getTime() + 60_000));
  t.ok((season.jobs['create-pair-plan'] ?? 0) >= 1, 'the plan job ran');

  const api = goalsApi(app, match.id);
  const seeded = (await api.list(mentor.cookies)).json() as Goal[];
  t.same(
    seeded.map((goal) => [goal.text, goal.origin, goal.level]),
    [
      ['KI im Alltag nutzen', 'enrolment', null],
      ['Teams sicher moderieren', 'enrolment', null],
    ],
    "the mentee's goals, in order, not the mentor's; blanks left out",
  );

  const [first] = seeded;
  t.equal((await api.remove(mentee.cookies, first?.id ?? '')).statusCode, 204);
  t.equal(await seedPairGoals(app.orm.em, match.id), 0, 'seeding again adds nothing');
  const again = (await api.list(mentee.cookies)).json() as Goal[];
  t.same(
    again.map((goal) => goal.text),
    ['Teams sicher moderieren'],
    'a removed goal from enrolment does not come back',
  );
});

t.test('a lunch group gets no goals and cannot add any', async (t) => {
  const app = await buildTestApp(t);
  const people = await Promise.all(
    ['a', 'b', 'c'].map((subject) => signedInAs(app, { subject, name: `Person ${subject}` })),
  );
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Mittagsrunde',
    kind: 'peer-lunch',
    state: 'running',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
  });
  const enrolments = people.map((person) =>
    em.create(Enrolment, {
      programme,
      user: person.userId,
      role: 'either',
      profile: { goals: ['Leute kennenlernen'] },
    }),
  );
  const match = em.create(Match, { programme, state: 'published', publishedAt: new Date() });
  for (const enrolment of enrolments) em.create(MatchMember, { match, enrolment, role: 'peer' });
  await em.flush();

  t.equal(await seedPairGoals(app.orm.em, match.id), 0);
  const [someone] = people;
  const api = goalsApi(app, match.id);
  t.same((await api.list(someone?.cookies ?? {})).json(), []);
  const refused = await api.add(someone?.cookies ?? {}, 'Mehr Kaffee');
  t.equal(refused.statusCode, 409);
  t.equal(refused.json().code, 'goal.lunch');
});

t.test('the pair adds, rewords, removes and marks progress on its goals', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const mentor = await signedInAs(app, { subject: 'mentor', name: 'Mia Mentor' });
  const mentee = await signedInAs(app, { subject: 'mentee', name: 'Lea Leitung' });
  const { pairId } = await runningPair(app, {
    name: 'Reverse Mentoring',
    mentorId: mentor.userId,
    menteeId: mentee.userId,
  });
  const api = goalsApi(app, pairId);
  const pair = (await app.inject({ url: `/api/pairs/${pairId}`, cookies: mentee.cookies })).json();
  const sessionId: string = pair.sessions[0].id;

  const added = await api.add(mentee.cookies, '  Eine Präsentation mit KI vorbereiten ');
  t.equal(added.statusCode, 201, added.body);
  const goal = added.json() as Goal;
  t.match(goal, { text: 'Eine Präsentation mit KI vorbereiten', origin: 'pair', level: null });

  const blank = await api.add(mentee.cookies, '   ');
  t.equal(blank.statusCode, 400);
  t.match(blank.json(), { code: 'goal.blank', message: 'A goal needs some words.' });
  t.equal((await api.add(mentee.cookies, 'x'.repeat(301))).statusCode, 400, 'at most 300');

  const changed = await api.change(mentor.cookies, goal.id, 'Eine Präsentation mit Copilot');
  t.equal(changed.statusCode, 200, 'either member rewords a goal');
  t.equal(changed.json().text, 'Eine Präsentation mit Copilot');

  const marked = await api.mark(mentee.cookies, goal.id, {
    level: 2,
    note: 'Entwurf steht',
    sessionId,
  });
  t.equal(marked.statusCode, 201, marked.body);
  t.match(marked.json(), {
    level: 2,
    note: 'Entwurf steht',
    marks: [{ level: 2, sessionId, mine: true }],
  });
  t.equal((await api.mark(mentor.cookies, goal.id, { level: 3 })).statusCode, 201);
  const seen = ((await api.list(mentee.cookies)).json() as Goal[])[0];
  t.match(
    seen,
    {
      level: 3,
      note: null,
      marks: [
        { level: 3, mine: false, sessionId: null },
        { level: 2, mine: true },
      ],
    },
    'the latest mark is the state; the partner sees every mark, newest first',
  );

  const tooHigh = await api.mark(mentee.cookies, goal.id, { level: 5 });
  t.equal(tooHigh.statusCode, 400, 'levels go from 0 to 4');
  const otherMentor = await signedInAs(app, { subject: 'm2', name: 'Max Mentor' });
  const otherMentee = await signedInAs(app, { subject: 'e2', name: 'Eva Leitung' });
  const other = await runningPair(app, {
    name: 'Anderes',
    mentorId: otherMentor.userId,
    menteeId: otherMentee.userId,
  });
  const otherPair = (
    await app.inject({ url: `/api/pairs/${other.pairId}`, cookies: otherMentee.cookies })
  ).json();
  const foreign = await api.mark(mentee.cookies, goal.id, {
    level: 1,
    sessionId: otherPair.sessions[0].id,
  });
  t.equal(foreign.statusCode, 400);
  t.equal(foreign.json().code, 'goal.session-unknown');

  for (let i = 2; i <= 10; i++)
    t.equal((await api.add(mentor.cookies, `Ziel ${i}`)).statusCode, 201);
  const eleventh = await api.add(mentor.cookies, 'Ziel 11');
  t.equal(eleventh.statusCode, 409);
  t.match(eleventh.json(), {
    code: 'goal.limit',
    params: { max: 10 },
    message: 'A pair has at most 10 goals: remove one first.',
  });

  t.equal((await api.remove(mentor.cookies, goal.id)).statusCode, 204);
  const left = (await api.list(mentee.cookies)).json() as Goal[];
  t.equal(left.length, 9, 'a removed goal is out of view');
  t.notOk(left.some((each) => each.id === goal.id));
  const gone = await api.change(mentee.cookies, goal.id, 'Doch wieder');
  t.equal(gone.statusCode, 404);
  t.equal(gone.json().code, 'goal.not-found');
  t.equal((await api.add(mentor.cookies, 'Ziel 11')).statusCode, 201, 'room for one again');
  const [history] = await sql<{ marks: number; removed: boolean }>(
    databaseUrl,
    `SELECT (SELECT count(*)::int FROM pair_goal_progress WHERE goal_id = $1) AS marks,
            removed_at IS NOT NULL AS removed FROM pair_goal WHERE id = $1`,
    [goal.id],
  );
  t.same(history, { marks: 2, removed: true }, 'the removed goal keeps its history');
});

t.test('outsiders, admins and programme managers are refused', async (t) => {
  const app = await buildTestApp(t);
  const mentor = await signedInAs(app, { subject: 'mentor', name: 'Mia Mentor' });
  const mentee = await signedInAs(app, { subject: 'mentee', name: 'Lea Leitung' });
  const { pairId, programmeId } = await runningPair(app, {
    name: 'Reverse Mentoring',
    mentorId: mentor.userId,
    menteeId: mentee.userId,
  });
  const api = goalsApi(app, pairId);
  const goal = (await api.add(mentee.cookies, 'Vertraulich bleiben')).json() as Goal;

  const outsider = await signedInAs(app, { subject: 'other', name: 'Ines Other' });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const manager = await signedInAs(app, {
    subject: 'pm',
    name: 'Maria Manager',
    roles: ['programme-manager'],
  });
  const em = app.orm.em.fork();
  em.create(ProgrammeManager, { programme: programmeId, user: manager.userId });
  await em.flush();

  for (const [who, caller] of [
    ['a participant of another pair', outsider],
    ['an admin', admin],
    ["the programme's manager", manager],
  ] as const) {
    const attempts = [
      await api.list(caller.cookies),
      await api.add(caller.cookies, 'Eingeschmuggelt'),
      await api.change(caller.cookies, goal.id, 'Umgeschrieben'),
      await api.mark(caller.cookies, goal.id, { level: 4 }),
      await api.remove(caller.cookies, goal.id),
    ];
    t.same(
      attempts.map((answer) => answer.statusCode),
      [404, 404, 404, 404, 404],
      `${who} is told there is no such pair`,
    );
    t.notOk(
      attempts.some((answer) => answer.body.includes('Vertraulich')),
      `${who} reads nothing`,
    );
  }
  t.equal((await app.inject({ url: `/api/pairs/${pairId}/goals` })).statusCode, 401);
  const after = (await api.list(mentor.cookies)).json() as Goal[];
  t.same(
    after.map((each) => [each.text, each.level]),
    [['Vertraulich bleiben', null]],
    'nothing changed',
  );
});

t.test("the export holds the pair's goals and one's own marks; deletion takes them", async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const mentor = await signedInAs(app, { subject: 'jonas-w', name: 'Jonas Weber' });
  const mentee = await signedInAs(app, { subject: 'lea-k', name: 'Lea Krause' });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { pairId } = await runningPair(app, {
    name: 'Reverse Mentoring',
    mentorId: mentor.userId,
    menteeId: mentee.userId,
  });
  const api = goalsApi(app, pairId);
  const hers = (await api.add(mentee.cookies, 'Mit KI schreiben')).json() as Goal;
  // His words: an account deletion takes them along with the marks he made.
  await api.add(mentor.cookies, 'Geduldig erklären');
  await api.mark(mentee.cookies, hers.id, { level: 1, note: 'Angefangen' });
  await api.mark(mentor.cookies, hers.id, { level: 2, note: 'Sehe Fortschritt' });

  const own = (await app.inject({ url: '/api/me/export', cookies: mentee.cookies })).json();
  t.same(
    own.tables.pair_goal.map((goal: { text: string }) => goal.text).sort(),
    ['Geduldig erklären', 'Mit KI schreiben'],
    "every goal of her pair, the partner's too",
  );
  t.same(
    own.tables.pair_goal_progress.map((mark: { note: string }) => mark.note),
    ['Angefangen'],
    'her own marks only',
  );
  const forAdmin = await app.inject({
    url: `/api/admin/users/${mentee.userId}/export`,
    cookies: admin.cookies,
  });
  t.equal(forAdmin.statusCode, 200);
  t.notMatch(
    forAdmin.body,
    /Mit KI schreiben|Angefangen/,
    'an admin reads neither goals nor notes',
  );
  t.match(forAdmin.json().tables.pair_goal, [{ text: null, textWithheld: /only to its members/ }]);

  const deleted = await app.inject({
    method: 'POST',
    url: `/api/admin/users/${mentor.userId}/delete`,
    cookies: admin.cookies,
    payload: { confirm: 'DELETE' },
  });
  t.ok(deleted.statusCode < 300, deleted.body);
  const rows = await sql<{ text: string; notes: string[] }>(
    databaseUrl,
    `SELECT g.text, array_remove(array_agg(p.note ORDER BY p.created_at), NULL) AS notes
       FROM pair_goal g LEFT JOIN pair_goal_progress p ON p.goal_id = g.id
      WHERE g.match_id = $1 GROUP BY g.id, g.text`,
    [pairId],
  );
  t.same(
    rows,
    [{ text: 'Mit KI schreiben', notes: ['Angefangen'] }],
    "the deleted person's goal and marks are gone; the partner's stay",
  );
});

t.test('seeding adds the goals once, however often it runs', async (t) => {
  const app = await buildTestApp(t);
  const mentor = await signedInAs(app, { subject: 'mentor', name: 'Mia Mentor' });
  const mentee = await signedInAs(app, { subject: 'mentee', name: 'Lea Leitung' });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Alt',
    kind: 'classic-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
  });
  const a = em.create(Enrolment, { programme, user: mentor.userId, role: 'mentor' });
  const b = em.create(Enrolment, {
    programme,
    user: mentee.userId,
    role: 'mentee',
    profile: { goals: ['Netzwerk aufbauen'] },
  });
  await em.flush();
  const { pairId } = await publishPair(app, programme.id, [
    { enrolmentId: a.id, role: 'mentor' },
    { enrolmentId: b.id, role: 'mentee' },
  ]);
  // Published without the plan job, as most pair tests publish: no goals yet.
  t.same((await goalsApi(app, pairId).list(mentee.cookies)).json(), []);
  t.equal(await seedPairGoals(app.orm.em, pairId), 1, 'the first run seeds');
  t.equal(await seedPairGoals(app.orm.em, pairId), 0, 'and only once');
});
