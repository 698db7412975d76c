import type { CurriculumProgramme, Locale, SessionPlan } from '@tandem/plugin-sdk';
import { mentoringKind, rolesOf } from './roles.js';
import { PROGRAMME_GOAL_STEP, SESSIONS } from './sessions.js';

/** Weeks between two sessions: a fortnight leaves room for the homework in a full diary. */
export const CADENCE_WEEKS = 2;

/**
 * Plans the half year for a programme in one language: a session every {@link CADENCE_WEEKS}
 * weeks from week 0, each `minutes` long. Homework goes to mentor and mentee by the programme's
 * kind, and the programme's goals join the kick-off's agenda.
 *
 * @returns a fresh plan on every call; changing it leaves the session texts untouched.
 */
export function planSessions(
  locale: Locale,
  programme: CurriculumProgramme,
  minutes: number,
): SessionPlan[] {
  const kind = mentoringKind(programme.kind);
  const { mentor, mentee } = rolesOf(kind);
  // A blank line in an admin's list of goals would otherwise become an empty agenda step.
  const goalSteps = programme.goals
    .map((goal) => goal.trim())
    .filter((goal) => goal.length > 0)
    .map((goal) => PROGRAMME_GOAL_STEP[locale](goal));
  return SESSIONS.map((session, index) => {
    const text = session[locale];
    const agenda = text.agenda.map((step) => (typeof step === 'string' ? step : step[kind]));
    return {
      title: text.title,
      goal: text.goal,
      agenda: session.milestone === 'kick-off' ? [...agenda, ...goalSteps] : agenda,
      tutorials: text.tutorials.map((tutorial) => ({ ...tutorial })),
      homework: { mentor: [...text.homework[mentor]], mentee: [...text.homework[mentee]] },
      durationMinutes: minutes,
      offsetWeeks: index * CADENCE_WEEKS,
      ...(session.milestone ? { milestone: session.milestone } : {}),
    };
  });
}
