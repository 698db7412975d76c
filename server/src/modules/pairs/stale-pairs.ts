import { Match } from '../matching/match.js';
import type { MeetingDependencies } from '../meetings/meeting-notices.js';
import { activeChannels } from '../notifications/active-channels.js';
import { pairPage } from '../notifications/app-page.js';
import { type NotificationDraft, notify } from '../notifications/notify.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { staleText } from './pair-texts.js';

/**
 * Flags published pairs of running programmes that have shown no sign of life (publishing, a
 * session marked done, a meeting every member accepted, "we go on") for their programme's
 * `staleAfterWeeks`, and asks their members whether to go on or rematch. A flag clears with the
 * next sign of life; a pair flagged again is asked again.
 *
 * @returns how many pairs were flagged.
 */
export async function flagStalePairs(deps: MeetingDependencies, now = deps.now()): Promise<number> {
  return deps.em.fork().transactional(async (em) => {
    const flagged: { id: string; stale_since: Date }[] = await em.execute(
      `UPDATE match m SET stale_since = ?
         FROM programme p
        WHERE m.programme_id = p.id AND m.state = 'published' AND p.state = 'running'
          AND m.stale_since IS NULL
          AND COALESCE(m.active_at, m.published_at)
              < ?::timestamptz - make_interval(weeks => COALESCE((p.settings->>'staleAfterWeeks')::int, 6))
        RETURNING m.id, m.stale_since`,
      [now, now],
    );
    if (flagged.length === 0) return 0;
    const matches = await em.find(
      Match,
      { id: { $in: flagged.map((row) => row.id) } },
      { populate: ['programme', 'members.enrolment.user'] },
    );
    const drafts = matches.flatMap((match) => askToGoOn(match));
    await notify(em, drafts, activeChannels(deps.plugins));
    return flagged.length;
  });
}

function askToGoOn(match: Match): NotificationDraft[] {
  const users = match.members.getItems().map((member) => member.enrolment.user);
  const weeks = programmeSettings(match.programme).staleAfterWeeks;
  return users.map((user) => ({
    recipient: user,
    // One question per time the pair is flagged.
    subject: `match:${match.id}:stale:${match.staleSince?.toISOString()}`,
    kind: 'nudge',
    programme: match.programme,
    render: (locale) => {
      const partners = users.filter((other) => other !== user).map((other) => other.name);
      const facts = {
        name: user.name,
        partners: partners.join(', '),
        programme: match.programme.name,
      };
      return { ...staleText(locale, facts, weeks), link: pairPage(match.id) };
    },
  }));
}
