import t, { type Test } from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Match } from '../src/modules/matching/match.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { proposedPairs } from './helpers/proposed-pairs.js';
import { signedInAs } from './helpers/sessions.js';

type Member = { enrolmentId: string; name: string; role: 'mentor' | 'mentee' };
type Review = {
  matches: {
    id: string;
    state: string;
    score: number | null;
    criteria: { name: string; why: string }[];
    dissolvedReasonCode: string | null;
    members: Member[];
  }[];
  unmatched: { name: string }[];
  summary: { pairs: number; averageScore: number | null; unscored: number; unmatched: number };
  forbids: { id: string; members: { enrolmentId: string; name: string }[] }[];
};

async function desk(t: Test) {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme } = await proposedPairs(app, 3);
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const answer = await app.inject({
      method,
      url,
      cookies: hr.cookies,
      ...(payload ? { payload } : {}),
    });
    return { status: answer.statusCode, body: answer.json() as Review };
  };
  const review = async () =>
    (await call('GET', `/api/admin/programmes/${programme.id}/review`)).body;
  const member = (r: Review, name: string) =>
    r.matches.flatMap((m) => m.members).find((x) => x.name === name) as Member;
  const matchOf = (r: Review, name: string) =>
    r.matches.find((m) => m.members.some((x) => x.name === name));
  return { app, hr, programme, call, review, member, matchOf };
}

t.test('a swap scores both new pairs with the strategy, and the summary follows', async (t) => {
  const { programme, call, review, member, matchOf } = await desk(t);
  const before = await review();
  t.same(before.summary, { pairs: 3, averageScore: null, unscored: 3, unmatched: 0 });
  const swap = async (a: string, b: string) => {
    const current = await review();
    const ids = [member(current, a).enrolmentId, member(current, b).enrolmentId];
    const answer = await call('POST', `/api/admin/programmes/${programme.id}/swaps`, {
      enrolmentIds: ids,
    });
    t.equal(answer.status, 200);
    return answer.body;
  };

  // The two mentees are free at other times than each other's new mentor.
  const worse = await swap('Mentee 0', 'Mentee 1');
  for (const mentee of ['Mentee 0', 'Mentee 1']) {
    const pair = matchOf(worse, mentee);
    t.equal(pair?.score, null, `${mentee}'s new pair has no score`);
    t.match(pair?.criteria, [{ name: 'rules', why: /free at the same time/ }], 'and says why');
  }
  t.same(worse.summary, { pairs: 3, averageScore: null, unscored: 3, unmatched: 0 });

  const back = await swap('Mentee 0', 'Mentee 1');
  for (const mentee of ['Mentee 0', 'Mentee 1']) {
    const pair = matchOf(back, mentee);
    t.type(pair?.score, 'number', `${mentee}'s pair is scored again`);
    t.ok(
      pair?.criteria.some((c) => c.name === 'availability'),
      'with the reasons for it',
    );
  }
  const scores = back.matches.flatMap((m) => (m.score === null ? [] : [m.score]));
  t.equal(scores.length, 2);
  t.equal(back.summary.unscored, 1, 'the pair nobody touched has no score yet');
  t.equal(back.summary.averageScore, ((scores[0] ?? 0) + (scores[1] ?? 0)) / 2);

  const third = matchOf(back, 'Mentee 2');
  const unmatched = await call('DELETE', `/api/admin/matches/${third?.id}`);
  t.same(unmatched.body.summary, {
    pairs: 2,
    averageScore: back.summary.averageScore,
    unscored: 0,
    unmatched: 2,
  });
});

t.test('pinned pairs are no swap partners', async (t) => {
  const { programme, call, review, member, matchOf } = await desk(t);
  const before = await review();
  await call('POST', `/api/admin/matches/${matchOf(before, 'Mentee 1')?.id}/pin`);
  const refused = await call('POST', `/api/admin/programmes/${programme.id}/swaps`, {
    enrolmentIds: [member(before, 'Mentee 0').enrolmentId, member(before, 'Mentee 1').enrolmentId],
  });
  t.equal(refused.status, 400);
  t.same(
    matchOf(await review(), 'Mentee 1')
      ?.members.map((m) => m.name)
      .sort(),
    ['Mentee 1', 'Mentorin 1'],
  );
});

t.test('a forbid is listed, lifted (audited), and its pair made again by hand', async (t) => {
  const { app, hr, programme, call, review, member, matchOf } = await desk(t);
  const before = await review();
  const pair = matchOf(before, 'Mentee 0');
  const members = pair?.members ?? [];
  await call('POST', `/api/admin/matches/${pair?.id}/pin`);
  const forbidden = await call('POST', `/api/admin/programmes/${programme.id}/forbids`, {
    enrolmentIds: members.map((m) => m.enrolmentId),
  });
  t.equal(forbidden.body.summary.unmatched, 2);
  const [forbid] = forbidden.body.forbids;
  t.same(forbid?.members.map((m) => m.name).sort(), ['Mentee 0', 'Mentorin 0']);
  const pairAgain = { members: members.map(({ enrolmentId, role }) => ({ enrolmentId, role })) };
  const blocked = await call('POST', `/api/admin/programmes/${programme.id}/matches`, pairAgain);
  t.equal(blocked.status, 409, 'a forbidden pair cannot be made by hand');

  const lifted = await call('DELETE', `/api/admin/forbids/${forbid?.id}`);
  t.equal(lifted.status, 200);
  t.same(lifted.body.forbids, []);
  const again = await call('POST', `/api/admin/programmes/${programme.id}/matches`, {
    ...pairAgain,
    pinned: true,
  });
  t.equal(again.status, 200);
  const restored = matchOf(again.body, 'Mentee 0');
  t.equal(restored?.state, 'pinned');
  t.type(restored?.score, 'number', 'the pair made by hand is scored by the strategy');
  t.same(again.body.summary.unmatched, 0);
  t.equal((await call('DELETE', `/api/admin/forbids/${forbid?.id}`)).status, 404);
  const taken = await call('POST', `/api/admin/programmes/${programme.id}/matches`, {
    members: [
      { enrolmentId: member(again.body, 'Mentorin 1').enrolmentId, role: 'mentor' },
      { enrolmentId: member(again.body, 'Mentee 0').enrolmentId, role: 'mentee' },
    ],
  });
  t.equal(taken.status, 409, 'nobody is paired twice');

  const actions = await app.orm.em
    .fork()
    .find(AuditEvent, { actor: hr.userId }, { orderBy: { id: 'asc' } });
  t.match(
    actions.map((a) => a.action),
    ['matching.pinned', 'matching.forbidden', 'matching.unforbidden', 'matching.paired'],
  );
});

t.test(
  'an admin dissolves with a reason code; quiet pairs show names and since when only',
  async (t) => {
    const { app, hr, programme, call, review } = await desk(t);
    await call('POST', `/api/admin/programmes/${programme.id}/publish`);
    const [first, second] = (await review()).matches;
    const dissolved = await app.inject({
      method: 'POST',
      url: `/api/admin/matches/${first?.id}/dissolve`,
      cookies: hr.cookies,
      payload: { reasonCode: 'no-time' },
    });
    t.equal(dissolved.statusCode, 204);
    const shown = (await review()).matches.find((m) => m.id === first?.id);
    t.equal(shown?.dissolvedReasonCode, 'no-time');

    const since = new Date('2026-11-01T08:00:00Z');
    await app.orm.em.fork().nativeUpdate(Match, { id: second?.id }, { staleSince: since });
    const quiet = await app.inject({
      url: `/api/admin/programmes/${programme.id}/quiet-pairs`,
      cookies: hr.cookies,
    });
    t.same(quiet.json(), [
      {
        id: second?.id,
        members: second?.members
          .map((m) => ({ name: m.name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        quietSince: since.toISOString(),
        weeks: 6,
      },
    ]);
  },
);
