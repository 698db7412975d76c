import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

type Review = {
  matches: {
    id: string;
    state: string;
    dissolvedReason: string | null;
    criteria: { name: string; code?: string; params?: object }[];
    members: { name: string; enrolmentId: string }[];
  }[];
  unmatched: { name: string; enrolmentId: string; reason: string | null; code?: string }[];
};

const profile = (more: object) => ({ ...EMPTY_PROFILE, ...more });

// Three mentors and four mentees; each mentee wants what one mentor offers, Emil as well as Erik.
const PEOPLE = [
  ['mia', 'mentor', { skillsOffered: ['ai-assistants'] }],
  ['max', 'mentor', { skillsOffered: ['e-file'] }],
  ['mona', 'mentor', { skillsOffered: ['video-meetings'] }],
  ['erik', 'mentee', { skillsWanted: ['ai-assistants'] }],
  ['eva', 'mentee', { skillsWanted: ['e-file'] }],
  ['ella', 'mentee', { skillsWanted: ['video-meetings'] }],
  ['emil', 'mentee', { skillsWanted: ['ai-assistants'] }],
] as const;

async function programmeInMatching(app: FastifyInstance, admin: Record<string, string>) {
  const call = (method: 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: admin, ...(payload ? { payload } : {}) });
  const { id } = (
    await call('POST', '/api/admin/programmes', { curriculum: 'qa-quickstart', name: 'Runde' })
  ).json();
  await call('POST', `/api/admin/programmes/${id}/transitions`, { to: 'enrolment' });
  const people: Record<string, Record<string, string>> = {};
  for (const [name, role, more] of PEOPLE) {
    const person = await signedInAs(app, { subject: name, name, department: name });
    people[name] = person.cookies;
    await app.inject({
      method: 'PUT',
      url: `/api/programmes/${id}/enrolment`,
      cookies: person.cookies,
      payload: { role, profile: profile(more) },
    });
  }
  await call('POST', `/api/admin/programmes/${id}/transitions`, { to: 'matching' });
  return { id, people };
}

const pairsOf = (review: Review, state?: string) =>
  review.matches
    .filter((m) => !state || m.state === state)
    .map((m) =>
      m.members
        .map((x) => x.name)
        .sort()
        .join('+'),
    )
    .sort();

t.test('enrol, run, pin and forbid, re-run, publish, report a mismatch, rematch', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
  const { id, people } = await programmeInMatching(app, hr.cookies);
  const review = async () =>
    (await admin('GET', `/api/admin/programmes/${id}/review`)).json() as Review;
  const run = async () => {
    const { id: runId } = (await admin('POST', `/api/admin/programmes/${id}/matching-runs`)).json();
    for (let i = 0; i < 200; i++) {
      const state = (await admin('GET', `/api/admin/matching-runs/${runId}`)).json().state;
      if (state === 'succeeded') return;
      t.not(state, 'failed', 'the run does not fail');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('run did not finish');
  };
  const enrolmentOf = (r: Review, name: string) =>
    [...r.matches.flatMap((m) => m.members), ...r.unmatched].find((p) => p.name === name)
      ?.enrolmentId ?? '';

  const before = await review();
  t.same(
    before.unmatched.map((u) => u.reason),
    PEOPLE.map(() => null),
    'before any run nobody has been left out, so no reason is given',
  );
  await run();
  let current = await review();
  t.match(current.matches[0]?.criteria, [
    { name: 'skills', code: 'skills.offered', params: { count: 1, wanted: 1 } },
  ]);
  t.same(
    pairsOf(current).filter((pair) => !pair.includes('mia')),
    ['ella+mona', 'eva+max'],
    'each mentee with the mentor who offers what they want',
  );
  t.equal(current.matches.length, 3);
  t.equal(current.unmatched.length, 1, 'one mentee more than mentors');
  const miaMatch = current.matches.find((m) => m.members.some((x) => x.name === 'mia'));
  const miaMentee = miaMatch?.members.find((x) => x.name !== 'mia')?.name ?? '';
  t.ok(['erik', 'emil'].includes(miaMentee), 'mia mentors someone who wants AI assistants');

  current = (await admin('POST', `/api/admin/matches/${miaMatch?.id}/pin`)).json();
  t.equal(current.matches.find((m) => m.id === miaMatch?.id)?.state, 'pinned');
  current = (
    await admin('POST', `/api/admin/programmes/${id}/forbids`, {
      enrolmentIds: [enrolmentOf(current, 'max'), enrolmentOf(current, 'eva')],
    })
  ).json();
  t.notOk(pairsOf(current).includes('eva+max'), 'the forbidden pair is gone at once');

  await run();
  current = await review();
  t.ok(pairsOf(current, 'pinned').includes(`${miaMentee}+mia`), 'the pin survives the re-run');
  t.notOk(pairsOf(current).includes('eva+max'), 'and the forbid holds');

  const published = (await admin('POST', `/api/admin/programmes/${id}/publish`)).json() as Review;
  t.ok(published.matches.every((m) => m.state === 'published'));
  t.equal((await admin('GET', `/api/admin/programmes/${id}`)).json().state, 'running');
  t.match((await admin('POST', `/api/admin/programmes/${id}/publish`)).json(), {
    statusCode: 409,
    message: 'There is nothing to publish.',
  });

  const pairId = miaMatch?.id ?? '';
  let plan = await app.inject({ url: `/api/pairs/${pairId}`, cookies: people.mia });
  for (let i = 0; i < 100 && plan.json().sessions?.length !== 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    plan = await app.inject({ url: `/api/pairs/${pairId}`, cookies: people.mia });
  }
  t.equal(plan.json().sessions.length, 3, 'the published pair got its plan from a job');

  const report = await app.inject({
    method: 'POST',
    url: `/api/pairs/${pairId}/mismatch`,
    cookies: people[miaMentee],
    payload: { reason: 'Die Chemie stimmt nicht.' },
  });
  t.equal(report.statusCode, 204);
  t.equal(
    (await app.inject({ url: `/api/pairs/${pairId}`, cookies: people.mia })).statusCode,
    404,
    'gone for both',
  );
  current = await review();
  t.match(
    current.matches.find((m) => m.id === pairId),
    { state: 'dissolved', dissolvedReason: 'Die Chemie stimmt nicht.' },
  );
  t.ok(
    current.unmatched.some((u) => u.name === 'mia') &&
      current.unmatched.some((u) => u.name === miaMentee),
  );

  await run();
  current = await review();
  const rematched = current.matches.filter((m) => m.state === 'proposed');
  t.same(
    pairsOf({ ...current, matches: rematched }),
    ['eva+mia'],
    'mia gets the mentee still waiting, never her old one',
  );
  t.match(
    current.unmatched.find((u) => u.name === miaMentee),
    {
      reason: 'They have been paired with everyone who would fit before.',
      code: 'unmatched.met-before',
    },
  );

  const actions = (
    await app.orm.em
      .fork()
      .find(AuditEvent, { action: { $like: 'matching.%' } }, { orderBy: { id: 'asc' } })
  ).map((e) => e.action);
  t.same(
    actions.filter((a) => a !== 'matching.requested'),
    ['matching.pinned', 'matching.forbidden', 'matching.published'],
    'every manual change is audited',
  );
  t.equal(await app.orm.em.fork().count(AuditEvent, { action: 'pair.dissolved' }), 1);
});

t.test('admins swap partners and unmatch before publishing; participants cannot', async (t) => {
  const app = await buildTestApp(t, { env: { WORKER_IN_PROCESS: 'true' } });
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const admin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
  const { id, people } = await programmeInMatching(app, hr.cookies);
  const { id: runId } = (await admin('POST', `/api/admin/programmes/${id}/matching-runs`)).json();
  for (let i = 0; i < 200; i++) {
    if ((await admin('GET', `/api/admin/matching-runs/${runId}`)).json().state === 'succeeded')
      break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let review = (await admin('GET', `/api/admin/programmes/${id}/review`)).json() as Review;
  const idOf = (name: string) =>
    review.matches.flatMap((m) => m.members).find((p) => p.name === name)?.enrolmentId ?? '';

  const swapped = await admin('POST', `/api/admin/programmes/${id}/swaps`, {
    enrolmentIds: [idOf('eva'), idOf('ella')],
  });
  review = swapped.json();
  t.same(
    pairsOf(review).filter((pair) => !pair.includes('mia')),
    ['eva+mona', 'ella+max'].map((p) => p.split('+').sort().join('+')).sort(),
  );
  t.match(
    (
      await admin('POST', `/api/admin/programmes/${id}/swaps`, {
        enrolmentIds: [idOf('eva'), idOf('max')],
      })
    ).json(),
    { statusCode: 400, message: /same side of two different matches/ },
  );

  const target = review.matches.find((m) => m.members.some((x) => x.name === 'eva'));
  review = (await admin('DELETE', `/api/admin/matches/${target?.id}`)).json();
  t.notOk(review.matches.some((m) => m.id === target?.id));
  t.match(
    review.unmatched.find((u) => u.name === 'eva'),
    { reason: /^Not in a match/, code: 'unmatched.since-run' },
  );

  const refused = await app.inject({
    url: `/api/admin/programmes/${id}/review`,
    cookies: people.eva,
  });
  t.equal(refused.statusCode, 403);
});

t.test('the review says whom publishing tells: each person once, the inbox always', async (t) => {
  const app = await buildTestApp(t, {
    env: {
      TANDEM_PLUGIN_EMAIL_HOST: '127.0.0.1',
      TANDEM_PLUGIN_EMAIL_PORT: '2525',
      TANDEM_PLUGIN_EMAIL_FROM: 'tandem@amt.example',
    },
  });
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Runde',
    kind: 'classic-mentoring',
    state: 'matching',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { channels: [] },
  });
  const enrol = async (name: string, role: 'mentor' | 'mentee') => {
    const { userId } = await signedInAs(app, { subject: name, name });
    return em.create(Enrolment, { programme, user: userId, role });
  };
  // A mentor with two mentees: two pairs, three people.
  const mia = await enrol('mia', 'mentor');
  for (const mentee of [await enrol('erik', 'mentee'), await enrol('eva', 'mentee')]) {
    const match = em.create(Match, { programme, state: 'proposed' });
    em.create(MatchMember, { match, enrolment: mia, role: 'mentor' });
    em.create(MatchMember, { match, enrolment: mentee, role: 'mentee' });
  }
  await em.flush();
  const publish = async (channels: string[]) => {
    await em.nativeUpdate(Programme, programme.id, { settings: { channels } });
    const review = await app.inject({
      url: `/api/admin/programmes/${programme.id}/review`,
      cookies: hr.cookies,
    });
    return review.json().publish;
  };

  t.same(await publish([]), { people: 3, channels: ['in-app'] }, 'no channel on: the inbox');
  t.same(
    await publish(['email']),
    { people: 3, channels: ['in-app', 'email'] },
    'email on: the inbox first, then email',
  );
});
