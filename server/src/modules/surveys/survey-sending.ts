import type { EntityManager } from '@mikro-orm/postgresql';
import { notify } from '../notifications/notify.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import type { ProgrammeSettings } from '../programmes/programme-settings.js';
import { User } from '../users/user.js';
import { SURVEYS, type Survey } from './survey-invitation.js';
import { type SurveyEvent, surveyNotice } from './survey-notices.js';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/**
 * A day to answer the baseline in the enrolment wizard before it comes by invitation: whoever
 * skipped it there (or enrolled before the programme asked it) is invited after that.
 */
const BASELINE_GRACE_MS = DAY;

/** The states in which each survey is sent: none in a draft, the end one up to the close. */
const SENT_IN: Record<Survey, readonly string[]> = {
  baseline: ['enrolment', 'matching', 'running'],
  midterm: ['matching', 'running'],
  end: ['running', 'closed'],
};

/** Active participants, by programme; `?` placeholders: programme id. */
const ACTIVE = `SELECT e.user_id FROM enrolment e WHERE e.programme_id = ? AND e.state = 'active'`;
/** …whose first pair was published by a time (the second placeholder). */
const PAIRED_SINCE = `${ACTIVE} AND EXISTS (
  SELECT 1 FROM match_member mm JOIN match m ON m.id = mm.match_id
   WHERE mm.enrolment_id = e.id AND m.published_at IS NOT NULL AND m.published_at <= ?)`;
/** …who enrolled by a time. */
const ENROLLED_BY = `${ACTIVE} AND e.created_at <= ?`;

/** Whom a programme's survey is due for now, as SQL and its parameters; null: nobody. */
function dueFor(
  programme: Programme,
  settings: ProgrammeSettings,
  survey: Survey,
  now: Date,
): [string, unknown[]] | null {
  const set = settings.surveys[survey];
  if (!set.enabled || !SENT_IN[survey].includes(programme.state)) return null;
  if (survey === 'baseline')
    return [ENROLLED_BY, [programme.id, new Date(now.getTime() - BASELINE_GRACE_MS)]];
  const end = settings.surveys.end;
  if (survey === 'end' && programme.state === 'closed') return [ACTIVE, [programme.id]];
  if (survey === 'end' && end.sendAt === 'close') return null;
  const weeks =
    survey === 'midterm' ? settings.surveys.midterm.weeksAfterStart : end.weeksAfterStart;
  return [PAIRED_SINCE, [programme.id, new Date(now.getTime() - weeks * WEEK)]];
}

/**
 * Invites everyone a survey is due for and who has none yet, then reminds, once, whoever has
 * not answered `reminderDays` after their invitation. An invitation is unique per programme,
 * person and survey and only a new row brings a message, so two runs (or two at once) invite
 * nobody twice; each message goes through the delivery ledger.
 *
 * @returns how many invitations and reminders went out.
 */
export async function sendSurveys(
  em: EntityManager,
  channels: ReadonlySet<string>,
  now: Date,
): Promise<{ invited: number; reminded: number }> {
  const programmes = await em
    .fork()
    .find(Programme, { state: { $in: ['enrolment', 'matching', 'running', 'closed'] } });
  let invited = 0;
  let reminded = 0;
  for (const programme of programmes) {
    const settings = programmeSettings(programme);
    for (const survey of SURVEYS) {
      invited += await invite(em, channels, programme, settings, survey, now);
      reminded += await remind(em, channels, programme, settings, survey, now);
    }
  }
  return { invited, reminded };
}

async function invite(
  em: EntityManager,
  channels: ReadonlySet<string>,
  programme: Programme,
  settings: ProgrammeSettings,
  survey: Survey,
  now: Date,
): Promise<number> {
  const due = dueFor(programme, settings, survey, now);
  if (!due) return 0;
  const [whom, params] = due;
  return em.fork().transactional(async (tx) => {
    const fresh = await tx.execute<{ id: string; user_id: string }[]>(
      `INSERT INTO survey_invitation (id, programme_id, user_id, survey, sent_at, answered)
         SELECT gen_random_uuid(), ?, due.user_id, ?, ?, false FROM (${whom}) AS due
         ON CONFLICT (programme_id, user_id, survey) DO NOTHING
         RETURNING id, user_id`,
      [programme.id, survey, now, ...params],
    );
    return send(tx, channels, programme, survey, fresh, 'invitation');
  });
}

async function remind(
  em: EntityManager,
  channels: ReadonlySet<string>,
  programme: Programme,
  settings: ProgrammeSettings,
  survey: Survey,
  now: Date,
): Promise<number> {
  const { enabled, reminderDays } = settings.surveys[survey];
  if (!enabled || reminderDays === 0) return 0;
  // Once the programme is closed only its final survey is still worth a reminder.
  if (programme.state === 'closed' && survey !== 'end') return 0;
  return em.fork().transactional(async (tx) => {
    const waiting = await tx.execute<{ id: string; user_id: string }[]>(
      `SELECT i.id, i.user_id FROM survey_invitation i
         JOIN enrolment e ON e.programme_id = i.programme_id AND e.user_id = i.user_id
        WHERE i.programme_id = ? AND i.survey = ? AND NOT i.answered AND e.state = 'active'
          AND i.sent_at IS NOT NULL AND i.sent_at <= ?
          AND NOT EXISTS (SELECT 1 FROM notification n
                           WHERE n.recipient_id = i.user_id
                             AND n.subject = 'survey:' || i.id || ':reminder')`,
      [programme.id, survey, new Date(now.getTime() - reminderDays * DAY)],
    );
    return send(tx, channels, programme, survey, waiting, 'reminder');
  });
}

async function send(
  em: EntityManager,
  channels: ReadonlySet<string>,
  programme: Programme,
  survey: Survey,
  invitations: readonly { id: string; user_id: string }[],
  event: SurveyEvent,
): Promise<number> {
  if (invitations.length === 0) return 0;
  const people = await em.find(User, { id: { $in: invitations.map((i) => i.user_id) } });
  const byId = new Map(people.map((person) => [person.id, person]));
  const drafts = invitations.flatMap((invitation) => {
    const person = byId.get(invitation.user_id);
    return person ? [surveyNotice({ id: invitation.id, survey }, person, programme, event)] : [];
  });
  return notify(em, drafts, channels);
}
