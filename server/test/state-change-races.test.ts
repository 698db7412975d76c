import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { TandemRequest } from '../src/modules/self-service/tandem-request.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { runningPair } from './helpers/publish-pair.js';
import { signedInAs } from './helpers/sessions.js';

/**
 * Every state change, sent many times at once, happens once: the first request wins, the others
 * are refused (or, where repeating is harmless, answer the same), and nothing is audited or told
 * twice.
 */
const AT_ONCE = 50;

function statuses(responses: LightMyRequestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { statusCode } of responses) counts[statusCode] = (counts[statusCode] ?? 0) + 1;
  return counts;
}

async function atOnce(
  app: FastifyInstance,
  request: () => InjectOptions,
  times = AT_ONCE,
): Promise<LightMyRequestResponse[]> {
  return Promise.all(Array.from({ length: times }, () => app.inject(request())));
}

async function lenaAndKlaus(app: FastifyInstance, name: string) {
  const lena = await signedInAs(app, { subject: `lena-${name}`, name: 'Lena' });
  const klaus = await signedInAs(app, { subject: `klaus-${name}`, name: 'Klaus' });
  const { pairId } = await runningPair(app, {
    name,
    mentorId: lena.userId,
    menteeId: klaus.userId,
  });
  return { pairId, lena, klaus };
}

t.test('a mismatch reported many times at once dissolves the pair once', async (t) => {
  const app = await buildTestApp(t);
  const { pairId, lena, klaus } = await lenaAndKlaus(app, 'mismatch');

  const answers = await atOnce(app, () => ({
    method: 'POST',
    url: `/api/pairs/${pairId}/mismatch`,
    cookies: lena.cookies,
    payload: { reason: 'Passt nicht' },
  }));
  t.same(statuses(answers), { 204: 1, 409: AT_ONCE - 1 }, 'one dissolves, the others are told');
  const em = app.orm.em.fork();
  t.equal((await em.findOneOrFail(Match, pairId)).state, 'dissolved');
  t.equal(await em.count(AuditEvent, { action: 'pair.dissolved', targetId: pairId }), 1);
  t.equal(
    await em.count(Notification, { recipient: klaus.userId, subject: `match:${pairId}:dissolved` }),
    1,
    'the partner hears of it once',
  );
  const again = await app.inject({
    method: 'POST',
    url: `/api/pairs/${pairId}/mismatch`,
    cookies: lena.cookies,
  });
  t.equal(again.statusCode, 409, 'a later report too');
  const stranger = await signedInAs(app, { subject: 'stranger', name: 'Fremd' });
  const probe = await app.inject({
    method: 'POST',
    url: `/api/pairs/${pairId}/mismatch`,
    cookies: stranger.cookies,
  });
  t.equal(probe.statusCode, 404, 'someone outside the pair still learns nothing');
});

t.test('a programme moved many times at once moves once', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Umzug',
    kind: 'reverse-mentoring',
    state: 'enrolment',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
  });
  await em.flush();

  const answers = await atOnce(app, () => ({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/transitions`,
    cookies: hr.cookies,
    payload: { to: 'matching' },
  }));
  t.same(statuses(answers), { 200: 1, 409: AT_ONCE - 1 });
  const audited = await em.find(AuditEvent, {
    action: 'programme.state-changed',
    targetId: programme.id,
  });
  t.same(
    audited.map((event) => event.data),
    [{ from: 'enrolment', to: 'matching' }],
    'one change, audited once',
  );
});

t.test('answers to an invitation at once are all kept, declines move it in turn', async (t) => {
  const app = await buildTestApp(t);
  const { pairId, lena, klaus } = await lenaAndKlaus(app, 'rsvp');
  const em = app.orm.em.fork();
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const meeting = (title: string) =>
    em.create(Meeting, {
      match: pairId,
      title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      responses: {},
    });
  const accepted = meeting('accepted');
  const declined = meeting('declined');
  await em.flush();
  const rsvp = (id: string, who: { cookies: Record<string, string> }, response: string) => () => ({
    method: 'POST' as const,
    url: `/api/meetings/${id}/rsvp`,
    cookies: who.cookies,
    payload: { response },
  });

  const answers = await Promise.all([
    atOnce(app, rsvp(accepted.id, lena, 'accepted'), AT_ONCE / 2),
    atOnce(app, rsvp(accepted.id, klaus, 'accepted'), AT_ONCE / 2),
  ]);
  t.same(statuses(answers.flat()), { 200: AT_ONCE }, 'accepting again answers the same');
  t.same(
    (await em.findOneOrFail(Meeting, accepted.id, { refresh: true })).responses,
    { [lena.userId]: 'accepted', [klaus.userId]: 'accepted' },
    "neither answer overwrote the other's",
  );

  const declines = 5;
  t.same(statuses(await atOnce(app, rsvp(declined.id, klaus, 'declined'), declines)), {
    200: declines,
  });
  const moved = await em.findOneOrFail(Meeting, declined.id, { refresh: true });
  t.equal(moved.calendarSequence, declines, 'each decline moved the meeting on from the last');
  const updates = await em.find(Notification, {
    recipient: lena.userId,
    meeting: declined.id,
  });
  t.same(
    updates.map((update) => update.sequence).sort(),
    Array.from({ length: declines }, (_, i) => i + 1),
    'the partner hears of every move once',
  );
});

t.test('a tandem request is made once, answered once, and nobody gets two tandems', async (t) => {
  const app = await buildTestApp(t);
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Selbst gewählt',
    kind: 'reverse-mentoring',
    state: 'enrolment',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { selfService: true, requestExpiryDays: 3 },
  });
  const people: Record<string, { cookies: Record<string, string>; enrolment: Enrolment }> = {};
  for (const [name, role] of [
    ['lena', 'mentor'],
    ['sam', 'mentor'],
    ['brigitte', 'mentee'],
    ['klaus', 'mentee'],
    ['jonas', 'mentee'],
  ] as const) {
    const person = await signedInAs(app, { subject: name, name });
    const enrolment = em.create(Enrolment, { programme, user: person.userId, role });
    people[name] = { cookies: person.cookies, enrolment };
  }
  await em.flush();
  const who = (name: string) => people[name] ?? { cookies: {}, enrolment: { id: '' } };

  const asked = await atOnce(app, () => ({
    method: 'POST',
    url: `/api/programmes/${programme.id}/requests`,
    cookies: who('brigitte').cookies,
    payload: { to: who('lena').enrolment.id },
  }));
  t.same(statuses(asked), { 201: 1, 409: AT_ONCE - 1 }, 'one request at a time, also at once');
  const [request] = await em.find(TandemRequest, { from: who('brigitte').enrolment.id });
  t.equal(await em.count(TandemRequest, { from: who('brigitte').enrolment.id }), 1);

  const accept = (id: string, name: string) => () => ({
    method: 'POST' as const,
    url: `/api/requests/${id}/accept`,
    cookies: who(name).cookies,
  });
  const accepted = await atOnce(app, accept(request?.id ?? '', 'lena'));
  t.same(statuses(accepted), { 200: 1, 409: AT_ONCE - 1 }, 'answered once');
  const pairsOf = (name: string) =>
    em.count(MatchMember, { enrolment: who(name).enrolment.id, match: { state: 'published' } });
  t.equal(await pairsOf('lena'), 1, 'one pair made');

  const fromKlaus = em.create(TandemRequest, {
    programme,
    from: who('klaus').enrolment.id,
    to: who('sam').enrolment.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const fromJonas = em.create(TandemRequest, {
    programme,
    from: who('jonas').enrolment.id,
    to: who('sam').enrolment.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  await em.flush();
  const both = await Promise.all([
    atOnce(app, accept(fromKlaus.id, 'sam'), AT_ONCE / 2),
    atOnce(app, accept(fromJonas.id, 'sam'), AT_ONCE / 2),
  ]);
  t.same(statuses(both.flat()), { 200: 1, 409: AT_ONCE - 1 }, 'two requests accepted at once');
  t.equal(await pairsOf('sam'), 1, 'sam has one tandem, not two');
});

t.test(
  "a pair's plan changed many times at once stays whole; going on is idempotent",
  async (t) => {
    const app = await buildTestApp(t);
    const { pairId, lena, klaus } = await lenaAndKlaus(app, 'plan');
    const before = (
      await app.inject({ url: `/api/pairs/${pairId}`, cookies: lena.cookies })
    ).json();
    const added = 10;
    const add = (who: { cookies: Record<string, string> }) => () => ({
      method: 'POST' as const,
      url: `/api/pairs/${pairId}/sessions`,
      cookies: who.cookies,
      payload: { title: 'Noch eine' },
    });
    const answers = await Promise.all([
      atOnce(app, add(lena), added / 2),
      atOnce(app, add(klaus), added / 2),
    ]);
    t.same(statuses(answers.flat()), { 200: added });
    const after = (await app.inject({ url: `/api/pairs/${pairId}`, cookies: lena.cookies })).json();
    t.same(
      after.sessions.map((session: { position: number }) => session.position),
      Array.from({ length: before.sessions.length + added }, (_, i) => i),
      'every session added, each in a place of its own',
    );

    const goOn = await atOnce(app, () => ({
      method: 'POST',
      url: `/api/pairs/${pairId}/continue`,
      cookies: lena.cookies,
    }));
    t.same(statuses(goOn), { 200: AT_ONCE }, '"we go on", said again, answers the same');
    t.equal(goOn[0]?.json().staleSince, null);
  },
);

t.test('matches published many times at once are published once', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { pairId } = await lenaAndKlaus(app, 'publish');
  const em = app.orm.em.fork();
  const match = await em.findOneOrFail(Match, pairId, { populate: ['programme'] });
  em.assign(match, { state: 'proposed', publishedAt: null });
  em.assign(match.programme, { state: 'matching' });
  await em.flush();

  const answers = await atOnce(app, () => ({
    method: 'POST',
    url: `/api/admin/programmes/${match.programme.id}/publish`,
    cookies: hr.cookies,
  }));
  t.same(statuses(answers), { 200: 1, 409: AT_ONCE - 1 });
  t.equal(
    await em.count(AuditEvent, { action: 'matching.published', targetId: match.programme.id }),
    1,
  );
});
