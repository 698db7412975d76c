import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { proposedPairs } from './helpers/proposed-pairs.js';
import { signedInAs } from './helpers/sessions.js';

t.test(
  'admins see the meetings of a programme, by start, filtered by state and time',
  async (t) => {
    const app = await buildTestApp(t);
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const { programme, people } = await proposedPairs(app, 2);
    const em = app.orm.em.fork();
    const [mentor0, mentee0, mentor1] = people;
    const pair0 = await em.findOneOrFail(Match, mentor0?.match.id ?? '');
    const pair1 = await em.findOneOrFail(Match, mentor1?.match.id ?? '');
    em.assign(pair0, { state: 'published' });
    em.assign(pair1, { state: 'published' });
    const meeting = (
      match: Match,
      title: string,
      start: string,
      state: 'planned' | 'held' | 'cancelled',
      responses = {},
    ) =>
      em.create(Meeting, {
        match,
        title,
        startsAt: new Date(start),
        endsAt: new Date(new Date(start).getTime() + 45 * 60_000),
        link: `https://meet.agency.example/${title}`,
        state,
        responses,
      });
    const kickOff = meeting(pair0, 'kick-off', '2026-03-02T09:00:00Z', 'held');
    const second = meeting(pair0, 'second', '2026-04-06T09:00:00Z', 'planned', {
      [mentor0?.user.id ?? '']: 'accepted',
    });
    const cancelled = meeting(pair1, 'cancelled', '2026-04-07T13:00:00Z', 'cancelled');
    // A meeting of another programme, which must not show up.
    const other = em.create(Programme, {
      name: 'Anderes',
      kind: 'classic-mentoring',
      curriculum: 'half-year',
      matchingStrategy: 'weighted',
    });
    const otherMatch = em.create(Match, { programme: other, state: 'published' });
    for (const subject of ['a', 'b']) {
      const user = em.create(User, { issuer: 'https://idp.test', subject, name: subject });
      const enrolment = em.create(Enrolment, { programme: other, user, role: 'mentor' });
      em.create(MatchMember, { match: otherMatch, enrolment, role: 'mentor' });
    }
    meeting(otherMatch, 'elsewhere', '2026-04-06T10:00:00Z', 'planned');
    await em.flush();

    const url = `/api/admin/programmes/${programme.id}/meetings`;
    const get = (query = '', cookies = hr.cookies) =>
      app.inject({ url: `${url}${query}`, cookies });
    const titles = async (query: string) =>
      (await get(query)).json().map((m: { sessionTitle: string }) => m.sessionTitle);

    const all = await get();
    t.equal(all.statusCode, 200);
    t.same(
      all.json().map((m: { id: string }) => m.id),
      [kickOff.id, second.id, cancelled.id],
      'by start',
    );
    t.same(all.json()[1], {
      id: second.id,
      matchId: pair0.id,
      members: [
        { userId: mentor0?.user.id, name: 'Mentorin 0' },
        { userId: mentee0?.user.id, name: 'Mentee 0' },
      ],
      sessionTitle: 'second',
      startsAt: '2026-04-06T09:00:00.000Z',
      endsAt: '2026-04-06T09:45:00.000Z',
      location: null,
      link: 'https://meet.agency.example/second',
      state: 'planned',
      responses: { [mentor0?.user.id ?? '']: 'accepted', [mentee0?.user.id ?? '']: 'pending' },
      calendarsUnread: [],
    });

    t.same(await titles('?state=planned'), ['second']);
    t.same(await titles('?state=cancelled'), ['cancelled']);
    t.same(await titles('?from=2026-04-01T00:00:00Z'), ['second', 'cancelled']);
    t.same(await titles('?to=2026-04-07T00:00:00Z'), ['kick-off', 'second']);
    t.same(
      await titles('?from=2026-04-06T09:30:00Z&to=2026-04-06T09:40:00Z'),
      ['second'],
      'a meeting under way counts',
    );
    t.same(await titles('?from=2026-04-06T09:45:00Z&to=2026-04-07T00:00:00Z'), [], 'ends are open');

    for (const [query, message] of [
      ['?state=done', 'querystring/state must be one of planned, held, cancelled'],
      ['?from=yesterday', 'querystring/from must match format "date-time"'],
      ['?from=2026-04-02T00:00:00Z&to=2026-04-01T00:00:00Z', '`to` must be after `from`.'],
    ] as const) {
      const answer = await get(query);
      t.equal(answer.statusCode, 400, query);
      t.equal(answer.json().message, message);
    }
    const unknown = await app.inject({
      url: '/api/admin/programmes/00000000-0000-4000-8000-000000000000/meetings',
      cookies: hr.cookies,
    });
    t.same(unknown.json(), {
      statusCode: 404,
      error: 'Not Found',
      message: 'No such programme.',
      code: 'not-found',
      params: {},
    });
    t.equal(
      (await get('', (await signedInAs(app, { subject: 'p', name: 'P' })).cookies)).statusCode,
      403,
    );
    t.equal((await app.inject(url)).statusCode, 401);
  },
);
