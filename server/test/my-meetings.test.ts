import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { MatchMember } from '../src/modules/matching/match-member.js';
import { Meeting } from '../src/modules/meetings/meeting.js';
import type { MeetingView } from '../src/modules/meetings/meeting-schemas.js';
import { PairSession } from '../src/modules/pairs/pair-session.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

const DAY_MS = 86_400_000;

/**
 * A lunch group of the given people, published or not, with one meeting `days` from now.
 * Members get ids in descending order, so that the order they were added in is not theirs.
 */
async function groupWithMeeting(
  app: FastifyInstance,
  userIds: string[],
  state: 'published' | 'dissolved',
  days: number,
) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: `Mittagsrunde ${days}`,
    kind: 'peer-lunch',
    state: 'running',
    curriculum: 'lunch-rounds',
    matchingStrategy: 'lunch',
  });
  const match = em.create(Match, { programme, state, publishedAt: new Date() });
  for (const [i, user] of userIds.entries()) {
    const enrolment = em.create(Enrolment, { programme, user, role: 'either' });
    const id = `0000000${9 - i}-0000-4000-8000-${String(days).padStart(12, '0')}`;
    em.create(MatchMember, { id, match, enrolment, role: 'peer' });
  }
  const startsAt = new Date(Date.now() + days * DAY_MS);
  const meeting = em.create(Meeting, {
    match,
    title: `Lunch in ${days} days`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
  });
  await em.flush();
  return { matchId: match.id, meeting };
}

t.test(
  'the meeting list shows every partner of a lunch group, as the pair card does',
  async (t) => {
    const app = await buildTestApp(t);
    const [me, anna, ben, carla] = await Promise.all(
      ['Me', 'Anna', 'Ben', 'Carla'].map((name) => signedInAs(app, { subject: name, name })),
    );
    if (!me || !anna || !ben || !carla) throw new Error('people missing');
    const later = await groupWithMeeting(app, [me.userId, anna.userId, ben.userId], 'published', 9);
    const sooner = await groupWithMeeting(app, [carla.userId, me.userId], 'published', 2);
    await groupWithMeeting(app, [me.userId, carla.userId], 'dissolved', 4);
    await groupWithMeeting(app, [anna.userId, ben.userId, carla.userId], 'published', 5);
    await app.orm.em
      .fork()
      .nativeUpdate(
        Meeting,
        { id: later.meeting.id },
        { responses: { [ben.userId]: 'accepted', [me.userId]: 'tentative' } },
      );

    const listed = await app.inject({ url: '/api/meetings', cookies: me.cookies });
    t.equal(listed.statusCode, 200);
    const meetings: MeetingView[] = listed.json();
    t.same(
      meetings.map((meeting) => meeting.title),
      ['Lunch in 2 days', 'Lunch in 9 days'],
      "only the published groups' meetings, the earliest first",
    );
    t.same(meetings[1], {
      id: later.meeting.id,
      pairId: later.matchId,
      title: 'Lunch in 9 days',
      startsAt: later.meeting.startsAt.toISOString(),
      endsAt: later.meeting.endsAt.toISOString(),
      location: null,
      link: null,
      state: 'planned',
      sequence: 0,
      myResponse: 'tentative',
      partners: [
        { name: 'Ben', response: 'accepted' },
        { name: 'Anna', response: 'pending' },
      ],
    });
    t.match(meetings[0], {
      pairId: sooner.matchId,
      partners: [{ name: 'Carla', response: 'pending' }],
    });

    const pairs = (await app.inject({ url: '/api/pairs', cookies: me.cookies })).json();
    const card = pairs.find((pair: { id: string }) => pair.id === later.matchId);
    t.same(
      card.partners.map((partner: { name: string }) => partner.name),
      ['Ben', 'Anna'],
      'the partners in the order the pair card lists them',
    );
  },
);

t.test('a meeting of a curriculum session has its title in every language', async (t) => {
  const app = await buildTestApp(t);
  const me = await signedInAs(app, { subject: 'me', name: 'Me' });
  const anna = await signedInAs(app, { subject: 'anna', name: 'Anna' });
  const { matchId, meeting } = await groupWithMeeting(
    app,
    [me.userId, anna.userId],
    'published',
    3,
  );
  const em = app.orm.em.fork();
  const title = { de: 'Kennenlernen', en: 'Getting to know each other' };
  const session = em.create(PairSession, {
    match: matchId,
    position: 0,
    title: title.de,
    translations: { title },
    homework: { mentor: [], mentee: [] },
    durationMinutes: 60,
    offsetWeeks: 0,
    milestone: null,
  });
  await em.flush();
  await em.nativeUpdate(Meeting, { id: meeting.id }, { session: session.id, title: title.de });
  const list = async () =>
    ((await app.inject({ url: '/api/meetings', cookies: me.cookies })).json() as MeetingView[])[0];
  t.match(await list(), { title: title.de, titles: title });
  await em.nativeUpdate(PairSession, { id: session.id }, { title: 'Unser erstes Treffen' });
  const rewritten = await list();
  t.equal(rewritten?.title, title.de, 'the meeting keeps its title');
  t.notOk(rewritten && 'titles' in rewritten, 'a title the pair rewrote is in one language');
});
