import type { EntityManager } from '@mikro-orm/postgresql';
import { type PreparedRead, preparedRows } from '../../db/prepared-read.js';
import type { MeetingState, RsvpResponse } from './meeting.js';
import type { MeetingView } from './meeting-schemas.js';

/** The most meetings the list shows: far more than a year of any programme's sessions. */
const LIMIT = 200;

interface MeetingRow {
  id: string;
  match_id: string;
  title: string;
  /** The session's title in every language, while the meeting's title is the session's. */
  titles: MeetingView['titles'] | null;
  /** As the ORM's connection returns timestamptz: text, not parsed. */
  starts_at: string;
  ends_at: string;
  location: string | null;
  link: string | null;
  state: MeetingState;
  calendar_sequence: number;
  responses: Record<string, RsvpResponse>;
  /** Every other member of the pair, in the order /api/pairs lists them. */
  partners: { id: string; name: string }[];
}

/**
 * The meetings of the person's published pairs, `$1` their id, each with every other member
 * of its pair (a lunch group has several).
 */
const MY_MEETINGS: PreparedRead = {
  name: 'tandem_my_meetings',
  text: `SELECT mt.id, mt.match_id, mt.title,
    CASE WHEN s.title = mt.title THEN s.translations->'title' END AS titles, mt.starts_at, mt.ends_at, mt.location, mt.link,
    mt.state, mt.calendar_sequence, mt.responses,
    (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY mm.id), '[]')
      FROM match_member mm
      JOIN enrolment e ON e.id = mm.enrolment_id
      JOIN app_user u ON u.id = e.user_id
      WHERE mm.match_id = mt.match_id AND u.id <> $1) AS partners
  FROM meeting mt
  JOIN match m ON m.id = mt.match_id
  LEFT JOIN pair_session s ON s.id = mt.session_id
  WHERE m.state = 'published' AND m.id IN (
    SELECT mine.match_id FROM match_member mine
    JOIN enrolment my ON my.id = mine.enrolment_id
    WHERE my.user_id = $1)
  ORDER BY mt.starts_at, mt.id
  LIMIT ${LIMIT}`,
};

/**
 * The meetings of the person's published pairs, the earliest first: one prepared statement.
 * The home and tandem pages ask for this on every visit; loading the meetings as entities with
 * their pairs, members, enrolments and people took a dozen statements and some 60 ms for a
 * person with 24 meetings, the statement alone under a millisecond.
 */
export async function listMyMeetings(em: EntityManager, userId: string): Promise<MeetingView[]> {
  const rows = await preparedRows<MeetingRow>(em, MY_MEETINGS, [userId]);
  return rows.map((row) => ({
    id: row.id,
    pairId: row.match_id,
    title: row.title,
    ...(row.titles ? { titles: row.titles } : {}),
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    location: row.location,
    link: row.link,
    state: row.state,
    sequence: row.calendar_sequence,
    myResponse: row.responses[userId] ?? 'pending',
    partners: row.partners.map((partner) => ({
      name: partner.name,
      response: row.responses[partner.id] ?? 'pending',
    })),
  }));
}
