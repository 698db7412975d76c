import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchingRun } from '../src/modules/matching/matching-run.js';
import type { MatchingRunView } from '../src/modules/matching/matching-run-schemas.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { PluginStoreEntry } from '../src/plugin-host/plugin-store-entry.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { writePluginFolder } from './helpers/plugin-folder.js';
import { signedInAs } from './helpers/sessions.js';

const strategy = (name: string, match: string) => `
import { defineMatchingStrategy, Type } from '@tandem/plugin-sdk';
export default defineMatchingStrategy({
  name: '${name}', version: '1.0.0', host: '^0.1.0', configSchema: Type.Object({}),
  async match(input, ctx) { ${match} },
});`;

// Mentors and mentees in enrolment order, one pair each; remembers the seed in its store.
const PAIRS = `
  const mentors = input.candidates.filter((c) => c.role === 'mentor');
  const mentees = input.candidates.filter((c) => c.role === 'mentee');
  await ctx.store.set('last-seed', input.seed);
  await ctx.store.set('seen', { capacities: input.candidates.map((c) => c.role + ':' + c.capacity).sort(), rules: input.programme.rules });
  ctx.log.info('pairing', { candidates: input.candidates.length });
  const count = Math.min(mentors.length, mentees.length);
  return {
    groups: mentors.slice(0, count).map((mentor, i) => ({
      members: [
        { enrolmentId: mentor.enrolmentId, role: 'mentor' },
        { enrolmentId: mentees[i].enrolmentId, role: 'mentee' },
      ],
      score: 70,
      criteria: [{ name: 'order', score: 70, weight: 1, why: 'enrolled at the same rank' }],
    })),
    unmatched: [...mentors.slice(count), ...mentees.slice(count)].map((c) => ({
      enrolmentId: c.enrolmentId, reason: 'no partner left',
    })),
  };`;

// Pairs the first mentee with both mentors: one person in two groups.
const TWICE = `
  const [a, b] = input.candidates.filter((c) => c.role === 'mentor');
  const [x, y] = input.candidates.filter((c) => c.role === 'mentee');
  const pair = (mentor) => ({
    members: [{ enrolmentId: mentor.enrolmentId, role: 'mentor' }, { enrolmentId: x.enrolmentId, role: 'mentee' }],
    score: 50, criteria: [],
  });
  return { groups: [pair(a), pair(b)], unmatched: [{ enrolmentId: y.enrolmentId, reason: 'none' }] };`;

const SLOW = 'return new Promise(() => {});';

async function plugins(t: Test) {
  const folders = [];
  for (const [name, match] of [
    ['pairs', PAIRS],
    ['twice', TWICE],
    ['slow', SLOW],
  ] as const) {
    folders.push(
      await writePluginFolder(t, {
        packageName: `tandem-plugin-${name}`,
        kind: 'matching-strategy',
        source: strategy(name, match),
      }),
    );
  }
  return folders.join(',');
}

async function seedProgramme(app: FastifyInstance): Promise<string> {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Reverse Mentoring 2027',
    kind: 'reverse-mentoring',
    state: 'enrolment',
    curriculum: 'half-year',
    matchingStrategy: 'pairs',
    settings: { menteesPerMentor: 2, maxTandems: 10, languages: ['de'] },
  });
  const people: [string, 'mentor' | 'mentee'][] = [
    ['Lena', 'mentor'],
    ['Jonas', 'mentor'],
    ['Dr. Brigitte Hahn', 'mentee'],
    ['Klaus Weber', 'mentee'],
  ];
  for (const [name, role] of people) {
    const user = em.create(User, { issuer: 'https://idp.test', subject: name, name });
    em.create(Enrolment, { programme, user, role, profile: { languages: ['de'] } });
  }
  await em.flush();
  return programme.id;
}

async function finished(app: FastifyInstance, cookies: Record<string, string>, id: string) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const run = (await app.inject({ url: `/api/admin/matching-runs/${id}`, cookies })).json();
    if (run.state === 'succeeded' || run.state === 'failed') return run as MatchingRunView;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`matching run ${id} did not finish within 20 s`);
}

t.test(
  'a matching run saves a valid proposal; a bad strategy fails it and saves nothing',
  async (t) => {
    const app = await buildTestApp(t, {
      env: {
        TANDEM_PLUGINS: await plugins(t),
        WORKER_IN_PROCESS: 'true',
        MATCHING_TIME_LIMIT_SECONDS: '1',
      },
    });
    const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const programmeId = await seedProgramme(app);
    const start = () =>
      app.inject({
        method: 'POST',
        url: `/api/admin/programmes/${programmeId}/matching-runs`,
        cookies: admin.cookies,
      });
    const useStrategy = (name: string) =>
      app.orm.em.fork().nativeUpdate(Programme, { id: programmeId }, { matchingStrategy: name });
    const proposedMatches = async () =>
      (
        await app.orm.em.fork().find(Match, { programme: programmeId }, { orderBy: { id: 'asc' } })
      ).map((m) => m.id);

    const queued = await start();
    t.equal(queued.statusCode, 202);
    t.match(queued.json(), { state: 'queued', strategy: 'pairs', error: null, progress: 0 });
    const good = await finished(app, admin.cookies, queued.json().id);
    t.match(good, { state: 'succeeded', groupCount: 2, unmatched: [], error: null, progress: 100 });
    const saved = await proposedMatches();
    t.equal(saved.length, 2, 'two pairs proposed');
    const stored = await app.orm.em
      .fork()
      .findOne(PluginStoreEntry, { plugin: 'pairs', key: 'last-seed' });
    t.equal(stored?.value, good.seed, "the strategy's store kept what it wrote, under its name");
    const seen = await app.orm.em
      .fork()
      .findOne(PluginStoreEntry, { plugin: 'pairs', key: 'seen' });
    t.same(
      seen?.value,
      {
        capacities: ['mentee:1', 'mentee:1', 'mentor:2', 'mentor:2'],
        rules: { languages: ['de'], format: 'both', sessionMinutes: 60, maxTandems: 10 },
      },
      'mentors take as many mentees as the programme allows; its rules come along',
    );

    await t.test('a person placed twice fails the run; the earlier proposal stays', async (t) => {
      await useStrategy('twice');
      const run = await finished(app, admin.cookies, (await start()).json().id);
      t.equal(run.state, 'failed');
      t.match(run.error, /^plugin twice: match proposed .+ is placed 2 times \(at most 1\)$/);
      t.same(await proposedMatches(), saved, 'nothing of the bad answer saved, nothing lost');
    });

    await t.test('a strategy past its time limit fails the run', async (t) => {
      await useStrategy('slow');
      const { id: runId } = (await start()).json();
      let seen = { state: 'queued', progress: 0 };
      for (let i = 0; i < 100 && seen.progress !== 20; i++) {
        const url = `/api/admin/matching-runs/${runId}`;
        seen = (await app.inject({ url, cookies: admin.cookies })).json();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      t.match(
        seen,
        { state: 'running', progress: 20 },
        'the admin sees the run wait on the strategy',
      );
      const run = await finished(app, admin.cookies, runId);
      t.equal(run.state, 'failed');
      t.equal(run.error, 'plugin slow: match timed out: no answer within 1000 ms');
      t.equal(run.progress, 100, 'a failed run is finished too');
      t.same(await proposedMatches(), saved);
    });

    await t.test('a strategy that is not loaded fails the run with a reason', async (t) => {
      await useStrategy('nearest');
      const run = await finished(app, admin.cookies, (await start()).json().id);
      t.match(run, {
        state: 'failed',
        error: 'matching strategy nearest is not active; see the plugins page',
      });
    });

    await t.test('one run at a time, for existing programmes, for admins only', async (t) => {
      const em = app.orm.em.fork();
      em.create(MatchingRun, {
        programme: programmeId,
        strategy: 'pairs',
        seed: 1,
        state: 'running',
      });
      await em.flush();
      t.match((await start()).json(), {
        statusCode: 409,
        message: 'A matching run of this programme is already under way.',
      });
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/admin/programmes/00000000-0000-4000-8000-000000000000/matching-runs',
        cookies: admin.cookies,
      });
      t.match(unknown.json(), { statusCode: 404, message: 'No such programme.' });
      const ada = await signedInAs(app, { subject: 'ada', name: 'Ada' });
      const refused = await app.inject({
        method: 'POST',
        url: `/api/admin/programmes/${programmeId}/matching-runs`,
        cookies: ada.cookies,
      });
      t.equal(refused.statusCode, 403);
    });
  },
);

t.test('the built-in weighted strategy matches a programme made from a template', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const admin = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const call = (method: 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: admin.cookies, ...(payload ? { payload } : {}) });
  const { id } = (
    await call('POST', '/api/admin/programmes', { curriculum: 'qa-quickstart', name: 'KI 2027' })
  ).json();
  await call('POST', `/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
  const people = [
    ['lena', 'mentor', { skillsOffered: ['ai-assistants'], experienceYears: 2 }],
    ['jonas', 'mentor', { skillsOffered: ['e-file'], experienceYears: 4 }],
    ['brigitte', 'mentee', { skillsWanted: ['e-file'], experienceYears: 30 }],
    ['klaus', 'mentee', { skillsWanted: ['ai-assistants'], experienceYears: 25 }],
  ] as const;
  for (const [subject, role, profile] of people) {
    const person = await signedInAs(app, { subject, name: subject, department: subject });
    const enrolled = await app.inject({
      method: 'PUT',
      url: `/api/programmes/${id}/enrolment`,
      cookies: person.cookies,
      payload: {
        role,
        profile: { ...EMPTY_PROFILE, ...profile },
      },
    });
    t.equal(enrolled.statusCode, 200);
  }
  await call('POST', `/api/admin/programmes/${id}/transitions`, { to: 'matching' });
  const run = await finished(
    app,
    admin.cookies,
    (await call('POST', `/api/admin/programmes/${id}/matching-runs`)).json().id,
  );
  t.match(run, { state: 'succeeded', strategy: 'weighted', groupCount: 2, unmatched: [] });
  const matches = await app.orm.em
    .fork()
    .find(Match, { programme: id }, { populate: ['members.enrolment.user'] });
  const pairs = matches
    .map((m) =>
      m.members
        .getItems()
        .map((member) => member.enrolment.user.name)
        .sort()
        .join('+'),
    )
    .sort();
  t.same(
    pairs,
    ['brigitte+jonas', 'klaus+lena'],
    'each mentee with the mentor who offers what they want',
  );
  t.match(matches[0]?.criteria, [{ name: 'skills', score: 100 }]);
});
