import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import type { DissolveOptions } from '../pairs/dissolve-pair.js';
import { Enrolment } from './enrolment.js';
import { withdraw } from './enrolment-service.js';

export interface ProgrammesLeft {
  enrolmentsWithdrawn: number;
  pairsDissolved: number;
}

/**
 * Withdraws a person from every programme not yet closed, as if they had withdrawn themself: a
 * pair they are in is dissolved (`dissolve` says why, and whether the partner is matched anew at
 * once), its meetings ahead cancelled. Each withdrawal commits on its own, so a failure half-way
 * leaves the rest enrolled, and leaving again finishes the work.
 */
export async function leaveProgrammes(
  deps: MeetingDependencies,
  userId: string,
  dissolve?: DissolveOptions,
): Promise<ProgrammesLeft> {
  const enrolments = await deps.em
    .fork()
    .find(
      Enrolment,
      { user: userId, state: 'active', programme: { state: { $ne: 'closed' } } },
      { populate: ['programme'] },
    );
  let pairsDissolved = 0;
  for (const enrolment of enrolments) {
    const [count] = await deps.em.execute<{ pairs: string }[]>(
      `SELECT count(*) AS pairs FROM match m JOIN match_member mm ON mm.match_id = m.id
        WHERE mm.enrolment_id = ? AND m.state = 'published'`,
      [enrolment.id],
    );
    await withdraw(deps, userId, enrolment.programme.id, dissolve);
    pairsDissolved += Number(count?.pairs ?? 0);
  }
  return { enrolmentsWithdrawn: enrolments.length, pairsDissolved };
}
