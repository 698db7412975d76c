import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import type { MatchMember } from '../matching/match-member.js';
import { Programme } from '../programmes/programme.js';
import { Meeting } from './meeting.js';
import type { ProgrammeMeetingFilter, ProgrammeMeetingView } from './meeting-schemas.js';

/**
 * The meetings of a programme's pairs for admins, by start: those in a state, and those that
 * overlap the time from `from` to `to`.
 *
 * @throws ServiceError not-found for an unknown programme; invalid when `to` is not after `from`.
 */
export async function listProgrammeMeetings(
  em: EntityManager,
  programmeId: string,
  filter: ProgrammeMeetingFilter,
): Promise<ProgrammeMeetingView[]> {
  const fork = em.fork();
  if (!(await fork.count(Programme, { id: programmeId })))
    throw new ServiceError('not-found', 'No such programme.');
  const from = filter.from ? new Date(filter.from) : undefined;
  const to = filter.to ? new Date(filter.to) : undefined;
  if (from && to && to <= from) throw new ServiceError('invalid', '`to` must be after `from`.');
  const where: FilterQuery<Meeting> = {
    match: { programme: programmeId },
    ...(filter.state ? { state: filter.state } : {}),
    ...(from ? { endsAt: { $gt: from } } : {}),
    ...(to ? { startsAt: { $lt: to } } : {}),
  };
  const meetings = await fork.find(Meeting, where, {
    populate: ['match.members.enrolment.user'],
    orderBy: { startsAt: 'asc', id: 'asc' },
  });
  return meetings.map(programmeMeetingView);
}

/** Members in a steady order: mentors, mentees, peers, each by name. */
const SIDES: MatchMember['role'][] = ['mentor', 'mentee', 'peer'];
const byName = (a: MatchMember, b: MatchMember) =>
  a.enrolment.user.name.localeCompare(b.enrolment.user.name, 'de');

function programmeMeetingView(meeting: Meeting): ProgrammeMeetingView {
  const users = meeting.match.members
    .getItems()
    .sort((a, b) => SIDES.indexOf(a.role) - SIDES.indexOf(b.role) || byName(a, b))
    .map((member) => member.enrolment.user);
  return {
    id: meeting.id,
    matchId: meeting.match.id,
    members: users.map((user) => ({ userId: user.id, name: user.name })),
    sessionTitle: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location ?? null,
    link: meeting.link ?? null,
    state: meeting.state,
    responses: Object.fromEntries(
      users.map((user) => [user.id, meeting.responses[user.id] ?? 'pending']),
    ),
    calendarsUnread: [...meeting.calendarsUnread],
  };
}
