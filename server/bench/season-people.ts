/**
 * The people of `pnpm bench season` (./season.ts): they answer their invitations, find times
 * together and skip a session, each through the app's own routes (app.inject) with their
 * session cookie, as the web app would. Who does what is drawn from a hash of the meeting,
 * person and invitation version: the same shares every run, though not the same people (ids
 * are new each run).
 *
 * What each person has to answer is found with one query a day, as the invitation in their
 * mailbox would tell them, rather than by every person opening their meeting list every day.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { startSession } from '../src/auth/session-service.js';
import { User } from '../src/modules/users/user.js';

const DAY_MS = 86_400_000;
/** Answers sent at once: enough to keep the pool busy, few enough to hold the locks briefly. */
const BATCH = 16;
/** The sixth session (position 5) is the one a skipping pair leaves out. */
const SKIPPED_POSITION = 5;

/** What became of the answers so far. */
export interface Answers {
  accepted: number;
  declined: number;
  /** Invitations (one version each) their recipient never answered: nudges go out. */
  ignored: number;
  /** Answers to a version that changed meanwhile (the partner declined first): 409. */
  outdated: number;
}

/** What became of the searches for a time together so far. */
export interface Searches {
  settled: number;
  /** Proposals the app refused (no time left before the programme ends): the search stays open. */
  refused: number;
}

interface Pending {
  meeting: string;
  user: string;
  sequence: number;
}

type Choice = 'accept' | 'decline' | 'ignore';

export interface People {
  readonly answers: Readonly<Answers>;
  readonly searches: Readonly<Searches>;
  /** Everyone with an invitation they have not answered yet answers it, when they get to it. */
  answerInvitations(day: number): Promise<void>;
  /** Every pair searching for a time: the mentor proposes one, the mentee picks it. */
  settleSearches(): Promise<void>;
  /** The given pairs mark their sixth session as skipped, as a pair does in its plan. */
  skipSession(matchIds: readonly string[]): Promise<number>;
}

/** A number in [0, 1) from the key, the same on every run. */
export function draw(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** Most accept, a few decline the first version (the meeting moves), a few never answer. */
function choiceOf({ meeting, user, sequence }: Pending): Choice {
  const x = draw(`${meeting}:${user}:${sequence}`);
  if (sequence === 0 && x < 0.04) return 'decline';
  return x > 0.93 ? 'ignore' : 'accept';
}

/** Days until the person gets to it: most the same day, some after the nudge (3 days). */
function delayOf({ meeting, user, sequence }: Pending): number {
  const x = draw(`delay:${meeting}:${user}:${sequence}`);
  return x < 0.6 ? 0 : x < 0.85 ? 1 : x < 0.95 ? 2 : 4;
}

export function simulatedPeople(app: FastifyInstance, now: () => Date): People {
  const answers: Answers = { accepted: 0, declined: 0, ignored: 0, outdated: 0 };
  const searches: Searches = { settled: 0, refused: 0 };
  const cookies = signIns(app);
  /** The day each pending invitation version was first seen. */
  const seen = new Map<string, number>();

  async function answer(pending: Pending, choice: Choice): Promise<void> {
    const response = await app.inject({
      method: 'POST',
      url: `/api/meetings/${pending.meeting}/rsvp`,
      cookies: await cookies(pending.user),
      payload:
        choice === 'decline'
          ? { response: 'declined' }
          : { response: 'accepted', sequence: pending.sequence },
    });
    if (response.statusCode === 409) answers.outdated++;
    else if (response.statusCode !== 200)
      throw new Error(`answering ${pending.meeting}: ${response.statusCode} ${response.body}`);
    else if (choice === 'decline') answers.declined++;
    else answers.accepted++;
  }

  async function settle(search: OpenSearch): Promise<void> {
    const url = `/api/pairs/${search.match}/find-a-time`;
    const proposed = await app.inject({
      method: 'PUT',
      url: `${url}/proposals`,
      cookies: await cookies(search.mentor),
      payload: { starts: [proposedStart(search, now()).toISOString()] },
    });
    if (proposed.statusCode === 400) {
      searches.refused++;
      return;
    }
    if (proposed.statusCode !== 200)
      throw new Error(`proposing a time for ${search.match}: ${proposed.statusCode}`);
    const [proposal] = (proposed.json() as { mine: { id: string }[] }).mine;
    const picked = await app.inject({
      method: 'POST',
      url: `${url}/proposals/${proposal?.id}/pick`,
      cookies: await cookies(search.mentee),
    });
    if (picked.statusCode !== 200)
      throw new Error(`picking a time for ${search.match}: ${picked.statusCode} ${picked.body}`);
    searches.settled++;
  }

  return {
    answers,
    searches,
    async answerInvitations(day) {
      const due: [Pending, Choice][] = [];
      for (const pending of await pendingInvitations(app, now())) {
        const key = `${pending.meeting}:${pending.user}:${pending.sequence}`;
        const first = seen.get(key) ?? day;
        seen.set(key, first);
        const choice = choiceOf(pending);
        if (first === day && choice === 'ignore') answers.ignored++;
        if (choice !== 'ignore' && day >= first + delayOf(pending)) due.push([pending, choice]);
      }
      await inBatches(due, ([pending, choice]) => answer(pending, choice));
    },
    async settleSearches() {
      await inBatches(await openSearches(app), settle);
    },
    async skipSession(matchIds) {
      const sessions = await sessionsAt(app, matchIds, SKIPPED_POSITION);
      await inBatches(sessions, async ({ match, session, member }) => {
        const response = await app.inject({
          method: 'PATCH',
          url: `/api/pairs/${match}/sessions/${session}`,
          cookies: await cookies(member),
          payload: { status: 'skipped' },
        });
        if (response.statusCode !== 200)
          throw new Error(`skipping a session of ${match}: ${response.statusCode}`);
      });
      return sessions.length;
    },
  };
}

/**
 * A time three days ahead at 10:00 UTC, but not sooner than the programme's cadence after the
 * pair's last meeting: the pair keeps its rhythm.
 */
function proposedStart(search: OpenSearch, now: Date): Date {
  const soonest = now.getTime() + 3 * DAY_MS;
  const rhythm = search.lastStart ? new Date(search.lastStart).getTime() + 14 * DAY_MS : 0;
  const start = new Date(Math.max(soonest, rhythm));
  start.setUTCHours(10, 0, 0, 0);
  return start;
}

/** Cookies of each person's session, signed in on first use for a day of real time. */
function signIns(app: FastifyInstance): (userId: string) => Promise<Record<string, string>> {
  const signedIn = new Map<string, Record<string, string>>();
  return async (userId) => {
    const known = signedIn.get(userId);
    if (known) return known;
    const em = app.orm.em.fork();
    const token = await startSession(em, em.getReference(User, userId), { maxAgeMs: DAY_MS });
    const cookies = { [app.cookieNames.session]: token };
    signedIn.set(userId, cookies);
    return cookies;
  };
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH)
    await Promise.all(items.slice(start, start + BATCH).map(run));
}

function query<R>(app: FastifyInstance, sql: string, params: unknown[] = []): Promise<R[]> {
  return app.orm.em.fork().getConnection().execute<R[]>(sql, params);
}

/** Every member's unanswered invitation to a meeting still ahead, oldest meeting first. */
function pendingInvitations(app: FastifyInstance, now: Date): Promise<Pending[]> {
  return query(
    app,
    `SELECT m.id AS meeting, r.key AS "user", m.calendar_sequence AS sequence
       FROM meeting m CROSS JOIN LATERAL jsonb_each_text(m.responses) r
      WHERE m.state = 'planned' AND m.starts_at > ? AND r.value = 'pending'
      ORDER BY m.starts_at, m.id, r.key`,
    [now],
  );
}

interface OpenSearch {
  match: string;
  mentor: string;
  mentee: string;
  /** As the database gives it, an ISO timestamp. */
  lastStart: string | null;
}

/** Each pair's open search with its two members and the start of its last meeting held. */
function openSearches(app: FastifyInstance): Promise<OpenSearch[]> {
  return query(
    app,
    `SELECT r.match_id AS match,
            max(e.user_id::text) FILTER (WHERE mm.role = 'mentor') AS mentor,
            max(e.user_id::text) FILTER (WHERE mm.role = 'mentee') AS mentee,
            (SELECT max(x.starts_at) FROM meeting x
              WHERE x.match_id = r.match_id AND x.state = 'held') AS "lastStart"
       FROM scheduling_request r
       JOIN match_member mm ON mm.match_id = r.match_id
       JOIN enrolment e ON e.id = mm.enrolment_id
      WHERE r.state = 'open'
      GROUP BY r.match_id`,
  );
}

/** The session at `position` of each pair, with a member to mark it. */
function sessionsAt(
  app: FastifyInstance,
  matchIds: readonly string[],
  position: number,
): Promise<{ match: string; session: string; member: string }[]> {
  return query(
    app,
    `SELECT s.match_id AS match, s.id AS session, min(e.user_id::text) AS member
       FROM pair_session s
       JOIN match_member mm ON mm.match_id = s.match_id
       JOIN enrolment e ON e.id = mm.enrolment_id
      WHERE s.match_id::text = ANY(string_to_array(?, ',')) AND s.position = ?
      GROUP BY s.match_id, s.id`,
    [matchIds.join(','), position],
  );
}
