import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { Meeting } from '../meetings/meeting.js';
import { Programme } from '../programmes/programme.js';
import type { User } from '../users/user.js';
import { lunchRoundDates } from './lunch-round-dates.js';
import { nextLunchRoundAt } from './lunch-rounds.js';
import type { LunchRounds, MyLunch } from './lunch-schemas.js';
import { LunchSkip } from './lunch-skip.js';
import { Match } from './match.js';

const NOT_LUNCH = 'This programme has no lunch rounds.';

/**
 * A lunch programme as an enrolled participant sees it: their group in the current round with
 * its lunch, whether they sat it out, and the next round. Anyone not enrolled is told there is
 * no such programme.
 *
 * @throws ServiceError not-found.
 */
export async function myLunch(
  em: EntityManager,
  userId: string,
  programmeId: string,
  now: Date,
): Promise<MyLunch> {
  const enrolment = await em.findOne(
    Enrolment,
    { programme: { id: programmeId, kind: 'peer-lunch' }, user: userId, state: 'active' },
    { populate: ['programme'] },
  );
  if (!enrolment) throw new ServiceError('not-found', NOT_LUNCH);
  const dates = await lunchRoundDates(em, programmeId);
  const match = await em.findOne(
    Match,
    { programme: programmeId, state: 'published', members: { enrolment } },
    { populate: ['members.enrolment.user'] },
  );
  const skips = await em.find(LunchSkip, { enrolment }, { orderBy: { createdAt: 'desc' } });
  const lastSkipped = skips.find((skip) => skip.round !== null)?.round ?? null;
  return {
    programmeId,
    round: match
      ? {
          number: roundOf(dates, match.publishedAt),
          pairId: match.id,
          lunch: await lunchOf(em, match),
          partners: match.members
            .getItems()
            .filter((member) => member.enrolment.id !== enrolment.id)
            .map((member) => person(member.enrolment.user)),
        }
      : null,
    roundsDrawn: dates.length,
    satOutRound: !match && lastSkipped !== null && lastSkipped >= dates.length ? lastSkipped : null,
    skipsNextRound: skips.some((skip) => skip.round === null),
    nextRoundAt: nextLunchRoundAt(enrolment.programme, dates, now)?.toISOString() ?? null,
  };
}

/**
 * Every round of a lunch programme for its admins, newest first: when it was drawn, its groups
 * and their lunch, who sat it out; and who sits out the next one.
 *
 * @throws ServiceError not-found, also for a programme that is not a lunch programme.
 */
export async function lunchRounds(
  em: EntityManager,
  programmeId: string,
  now: Date,
): Promise<LunchRounds> {
  const programme = await em.findOne(Programme, { id: programmeId, kind: 'peer-lunch' });
  if (!programme) throw new ServiceError('not-found', NOT_LUNCH);
  const dates = await lunchRoundDates(em, programmeId);
  const matches = await em.find(
    Match,
    { programme, publishedAt: { $ne: null } },
    { populate: ['members.enrolment.user'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const skips = await em.find(
    LunchSkip,
    { enrolment: { programme } },
    { populate: ['enrolment.user'], orderBy: { createdAt: 'asc' } },
  );
  const rounds = await Promise.all(
    dates.map(async (drawnAt, index) => ({
      number: index + 1,
      drawnAt: drawnAt.toISOString(),
      groups: await Promise.all(
        matches
          .filter((match) => match.publishedAt?.getTime() === drawnAt.getTime())
          .map(async (match) => ({
            id: match.id,
            state: match.state as 'published' | 'ended' | 'dissolved',
            members: match.members.getItems().map((member) => person(member.enrolment.user)),
            lunch: await lunchOf(em, match),
          })),
      ),
      satOut: skips
        .filter((skip) => skip.round === index + 1)
        .map((skip) => person(skip.enrolment.user)),
    })),
  );
  return {
    nextRoundAt: nextLunchRoundAt(programme, dates, now)?.toISOString() ?? null,
    skippingNext: skips
      .filter((skip) => skip.round === null)
      .map((skip) => person(skip.enrolment.user)),
    rounds: rounds.reverse(),
  };
}

function roundOf(dates: Date[], publishedAt: Date | null | undefined): number {
  const index = dates.findIndex((date) => date.getTime() === publishedAt?.getTime());
  return index + 1 || dates.length;
}

async function lunchOf(em: EntityManager, match: Match) {
  const meeting = await em.findOne(
    Meeting,
    { match, state: { $ne: 'cancelled' } },
    { orderBy: { startsAt: 'asc' } },
  );
  if (!meeting) return null;
  return {
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    location: meeting.location ?? null,
    link: meeting.link ?? null,
  };
}

function person(user: User) {
  return { name: user.name, department: user.department ?? null };
}
