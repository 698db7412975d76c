import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { EMPTY_PROFILE } from '../src/modules/profiles/profile-schema.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
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
  // Publishing adds the plan jobs of all pairs in one statement: each pair gets its own.
  const publishedIds = published.matches.map((m) => m.id);
  const planned = async () =>
    (
      await app.orm.em.execute<{ pairs: number }[]>(
        'SELECT count(DISTINCT match_id)::int AS pairs FROM pair_session WHERE match_id IN (?)',
        [publishedIds],
      )
    )[0]?.pairs;
  for (let i = 0; i < 100 && (await planned()) !== publishedIds.length; i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  t.equal(
    await planned(),
    publishedIds.length,
    `all ${publishedIds.length} published pairs have plans`,
  );

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

/**
 * A lunch round in matching with 130 groups of two: scores with ties and some without; a few
 * pinned, published, dissolved (its people unmatched again) and ended (history, in no list);
 * 60 people in no group. People are named P0, P1, …
 */
async function lunchRound(app: FastifyInstance) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Mittagsrunde',
    kind: 'peer-lunch',
    state: 'matching',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
    settings: { channels: [] },
  });
  let person = 0;
  const enrol = () => {
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: `p${person}`,
      name: `P${person++}`,
    });
    return em.create(Enrolment, { programme, user, role: 'either' });
  };
  const states = ['proposed', 'pinned', 'proposed', 'published', 'proposed', 'dissolved', 'ended'];
  for (let n = 0; n < 130; n++) {
    const match = em.create(Match, {
      programme,
      state: states[n % states.length] as Match['state'],
      score: n % 11 === 0 ? null : (n * 37) % 20,
    });
    for (let k = 0; k < 2; k++) em.create(MatchMember, { match, enrolment: enrol(), role: 'peer' });
  }
  for (let n = 0; n < 60; n++) enrol();
  await em.flush();
  return { em, programme };
}

const scoreOf = (m: Match) => (m.score === null || m.score === undefined ? null : Number(m.score));

/** Ids by score, highest first and unscored before all (PostgreSQL's order descending), then id. */
function byScore(matches: Match[]): string[] {
  const rank = (m: Match) => scoreOf(m) ?? Infinity;
  return [...matches].sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : 1)).map((m) => m.id);
}

t.test('the review in pages: every match once in score order, totals over all', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { em, programme } = await lunchRound(app);
  const all = await em.find(Match, { programme, state: { $ne: 'ended' } });
  const open = all.filter((m) => m.state === 'proposed' || m.state === 'pinned');
  const scores = open.flatMap((m) => scoreOf(m) ?? []);
  const inOrder = byScore(all);
  // Dissolved pairs and ended rounds leave their people free: 60 + 2 × (18 + 18).
  const unmatchedCount = 132;

  const url = `/api/admin/programmes/${programme.id}/review`;
  const read = async (query: string) =>
    (await app.inject({ url: `${url}?${query}`, cookies: hr.cookies })).json();
  const first = await read('');
  t.equal(first.matches.length, 50, 'a page holds 50 matches unless asked for another size');
  t.equal(first.unmatched.length, 50);
  t.same(first.page, {
    matches: {
      offset: 0,
      limit: 50,
      total: all.length,
      byState: { proposed: 56, pinned: 19, published: 19, dissolved: 18 },
    },
    unmatched: { offset: 0, limit: 50, total: unmatchedCount },
  });
  t.equal(all.length, 112, '130 groups less the 18 ended');
  t.same(first.summary, {
    pairs: open.length,
    averageScore: scores.reduce((a, b) => a + b, 0) / scores.length,
    unscored: open.length - scores.length,
    unmatched: unmatchedCount,
  });
  t.equal(first.publish.people, 2 * open.length, 'publishing tells everyone in an open group');

  const paged: string[] = [];
  for (let offset = 0; offset < all.length; offset += 30)
    paged.push(
      ...(await read(`offset=${offset}&limit=30`)).matches.map((m: { id: string }) => m.id),
    );
  t.same(paged, inOrder, 'the pages together hold every match once, in score order');
  const people: string[] = [];
  for (let offset = 0; offset < unmatchedCount; offset += 40)
    people.push(
      ...(await read(`unmatchedOffset=${offset}&unmatchedLimit=40`)).unmatched.map(
        (u: { enrolmentId: string }) => u.enrolmentId,
      ),
    );
  t.equal(new Set(people).size, unmatchedCount, 'and every unmatched person once');
  const last = await read(`offset=${all.length}`);
  t.same([last.matches, last.summary.pairs], [[], open.length], 'past the end: an empty page');
  t.equal((await app.inject({ url: `${url}?limit=201`, cookies: hr.cookies })).statusCode, 400);

  const third = await read('offset=100&limit=10');
  const target = third.matches.find((m: { state: string }) => m.state === 'proposed');
  const pinned = await app.inject({
    method: 'POST',
    url: `/api/admin/matches/${target.id}/pin?offset=100&limit=10&unmatchedOffset=50`,
    cookies: hr.cookies,
  });
  t.same(
    pinned.json().matches.map((m: { id: string }) => m.id),
    inOrder.slice(100, 110),
    'a change answers with the page it was made on',
  );
  t.equal(pinned.json().matches.find((m: { id: string }) => m.id === target.id).state, 'pinned');
  t.same(pinned.json().page.matches.byState, {
    proposed: 55,
    pinned: 20,
    published: 19,
    dissolved: 18,
  });
  t.same(pinned.json().page.unmatched, { offset: 50, limit: 50, total: unmatchedCount });
});

t.test('each list pages on its own; a swap reaches a pair on another page', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { em, programme } = await lunchRound(app);
  const all = await em.find(Match, { programme, state: { $ne: 'ended' } });
  const inState = (...states: string[]) => byScore(all.filter((m) => states.includes(m.state)));
  const url = `/api/admin/programmes/${programme.id}/review`;
  const read = async (path: string) =>
    (await app.inject({ url: `${url}${path}`, cookies: hr.cookies })).json();
  /** Every page of a list of `size`, read in turn, with each page's total. */
  const pages = async (path: (offset: number) => string, size: number) => {
    const ids: string[] = [];
    const totals = new Set<number>();
    for (let offset = 0; ; offset += size) {
      const { matches, page } = await read(path(offset));
      ids.push(...matches.map((m: { id: string }) => m.id));
      totals.add(page.total ?? page.matches.total);
      if (matches.length < size) return { ids, totals: [...totals] };
    }
  };

  const open = await pages((offset) => `?state=open&offset=${offset}&limit=20`, 20);
  t.same(open.ids, inState('proposed', 'pinned'), 'the open pairs alone, every one once');
  t.same(open.totals, [75], 'counted as the list: 56 proposed and 19 pinned');
  const published = await pages((o) => `/matches?state=published&offset=${o}&limit=7`, 7);
  t.same(published.ids, inState('published'), 'every published pair, across its own pages');
  t.same(published.totals, [19]);
  const dissolved = await pages((o) => `/matches?state=dissolved&offset=${o}&limit=50`, 50);
  t.same([dissolved.ids, dissolved.totals], [inState('dissolved'), [18]]);
  const openFirst = await read('?state=open&limit=20');
  t.same(
    openFirst.page.matches.byState,
    { proposed: 56, pinned: 19, published: 19, dissolved: 18 },
    'the counts by state stay those of the programme',
  );
  const [aDissolved] = (await read('?state=dissolved&limit=1')).matches;
  t.same(aDissolved.id, inState('dissolved')[0], 'the review itself answers with any one list');

  // The swap dialog's search: proposed pairs alone, by part of a member's name, in any case.
  const found = await read('/matches?state=proposed&name=p1&limit=20');
  const names = (m: { members: { name: string }[] }) => m.members.map((x) => x.name);
  t.equal(found.matches.length, 20, 'a page of what the search finds');
  t.ok(found.page.total > 20, `more found than a page holds (${found.page.total})`);
  t.ok(
    found.matches.every(
      (m: { state: string; members: { name: string }[] }) =>
        m.state === 'proposed' && names(m).some((name) => name.startsWith('P1')),
    ),
    'each a proposed pair with a member named P1…',
  );
  t.same((await read('/matches?state=proposed&name=%25')).matches, [], '% is no wildcard');
  const badState = await app.inject({ url: `${url}/matches?state=ended`, cookies: hr.cookies });
  t.equal(badState.statusCode, 400, 'ended rounds are in no list');

  // A swap between a pair on the first page of ten and one only the search reaches.
  const firstPage = (await read('?state=open&limit=10')).matches;
  const mine = firstPage.find((m: { state: string }) => m.state === 'proposed');
  const shown = new Set(firstPage.map((m: { id: string }) => m.id));
  const [last] = (await read('/matches?state=proposed&offset=55&limit=1')).matches;
  t.notOk(shown.has(last.id), 'the last proposed pair is on another page');
  const search = await read(`/matches?state=proposed&name=${names(last)[0]}&limit=20`);
  const theirs = search.matches.find((m: { id: string }) => m.id === last.id);
  t.ok(theirs, 'the search finds it by a member’s name');
  const swapped = await app.inject({
    method: 'POST',
    url: `${url.replace('/review', '/swaps')}?state=open&offset=0&limit=10`,
    cookies: hr.cookies,
    payload: { enrolmentIds: [mine.members[0].enrolmentId, theirs.members[0].enrolmentId] },
  });
  t.equal(swapped.statusCode, 200);
  t.same(
    swapped.json().page.matches,
    {
      offset: 0,
      limit: 10,
      total: 75,
      byState: { proposed: 56, pinned: 19, published: 19, dissolved: 18 },
    },
    'the swap answers with the open pairs at the page it was made on',
  );
  const membersNow = async (id: string) =>
    (await app.orm.em.fork().find(MatchMember, { match: id })).map((m) => m.enrolment.id).sort();
  t.same(
    await membersNow(mine.id),
    [theirs.members[0].enrolmentId, mine.members[1].enrolmentId].sort(),
    'each pair holds the other’s member now',
  );
  t.same(
    await membersNow(theirs.id),
    [mine.members[0].enrolmentId, theirs.members[1].enrolmentId].sort(),
  );
});
