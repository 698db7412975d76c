import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Match } from '../../src/modules/matching/match.js';
import { MatchMember } from '../../src/modules/matching/match-member.js';
import { MatchingRun } from '../../src/modules/matching/matching-run.js';
import { Meeting } from '../../src/modules/meetings/meeting.js';
import { PairSession } from '../../src/modules/pairs/pair-session.js';
import { SessionFeedback } from '../../src/modules/pairs/session-feedback.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import { User } from '../../src/modules/users/user.js';

export interface CohortPerson {
  department: string | null;
  role: 'mentor' | 'mentee' | 'either';
  experienceYears: number | null;
  state: 'active' | 'withdrawn';
  /** Named by the latest matching run as left out, with this reason. */
  leftOutBecause?: string;
  /** The code the strategy gave with that reason, if any. */
  leftOutCode?: string;
}

export interface CohortPair {
  /** Indexes into the cohort's people. */
  members: number[];
  state: 'proposed' | 'published' | 'ended' | 'dissolved';
  /** Month 1–12 of 2027 (on the 15th, at noon UTC). */
  meetings: { month: number; state: 'planned' | 'held' | 'cancelled' }[];
  feedback: { member: number; month: number; rating: number }[];
  /** The pair's goals, each with its marks (levels 0–4) from first to latest; none: not started. */
  goals?: { marks: number[]; removed?: boolean }[];
}

/** One survey response: answers by question id, as the surveys store them. */
export interface CohortResponse {
  survey: 'baseline' | 'midterm' | 'end';
  answers: Record<string, number | string>;
}

export interface Cohort {
  people: CohortPerson[];
  pairs: CohortPair[];
  responses?: CohortResponse[];
  /** Merged into the programme's settings (goals, surveys.showFreeText). */
  settings?: Record<string, unknown>;
}

const day = (month: number) => new Date(Date.UTC(2027, month - 1, 15, 12));

/** A running programme with exactly these people, pairs, meetings and ratings. */
export async function createCohort(app: FastifyInstance, cohort: Cohort): Promise<string> {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Bericht',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: cohort.settings ?? {},
  });
  const batch = randomUUID();
  const enrolments = cohort.people.map((person, index) =>
    em.create(Enrolment, {
      programme,
      user: em.create(User, {
        issuer: 'https://idp.test',
        subject: `${batch}-${index}`,
        name: `Person ${index}`,
        department: person.department,
      }),
      role: person.role,
      state: person.state,
      experienceYears: person.experienceYears,
    }),
  );
  // Ids are given on flush; the run names enrolments by id.
  await em.flush();
  em.create(MatchingRun, {
    programme,
    strategy: 'weighted',
    state: 'succeeded',
    seed: 1,
    unmatched: cohort.people.flatMap((person, index) =>
      person.leftOutBecause
        ? [
            {
              enrolmentId: enrolments[index]?.id ?? '',
              reason: person.leftOutBecause,
              ...(person.leftOutCode ? { code: person.leftOutCode } : {}),
            },
          ]
        : [],
    ),
  });
  const matches: Match[] = [];
  for (const pair of cohort.pairs) {
    const match = em.create(Match, { programme, state: pair.state });
    matches.push(match);
    for (const index of pair.members) {
      const enrolment = enrolments[index];
      if (enrolment) em.create(MatchMember, { match, enrolment, role: 'peer' });
    }
    for (const meeting of pair.meetings)
      em.create(Meeting, {
        match,
        title: 'Sitzung',
        startsAt: day(meeting.month),
        endsAt: day(meeting.month),
        state: meeting.state,
      });
    const session = em.create(PairSession, {
      match,
      position: 0,
      title: 'Kick-off',
      homework: { mentor: [], mentee: [] },
      durationMinutes: 60,
      offsetWeeks: 0,
    });
    for (const rating of pair.feedback) {
      const author = enrolments[rating.member]?.user;
      if (author)
        em.create(SessionFeedback, {
          session,
          author,
          rating: rating.rating,
          createdAt: day(rating.month),
        });
    }
  }
  await em.flush();
  await insertGoalsAndResponses(em, programme.id, cohort, matches);
  return programme.id;
}

/** Goals, their marks and survey responses, by SQL: the report reads nothing else of them. */
async function insertGoalsAndResponses(
  em: EntityManager,
  programmeId: string,
  cohort: Cohort,
  matches: Match[],
): Promise<void> {
  const run = (sql: string, params: unknown[]) => em.getConnection().execute(sql, params);
  for (const [index, pair] of cohort.pairs.entries()) {
    for (const [position, goal] of (pair.goals ?? []).entries()) {
      const goalId = randomUUID();
      await run(
        `INSERT INTO pair_goal (id, match_id, text, origin, position, created_at, updated_at, removed_at)
         VALUES (?, ?, ?, 'pair', ?, now(), now(), ?)`,
        [
          goalId,
          matches[index]?.id,
          `Ziel ${position}`,
          position,
          goal.removed ? new Date() : null,
        ],
      );
      for (const [k, level] of goal.marks.entries())
        await run(
          `INSERT INTO pair_goal_progress (id, goal_id, level, created_at) VALUES (?, ?, ?, ?)`,
          [randomUUID(), goalId, level, new Date(Date.UTC(2027, 0, 1 + k))],
        );
    }
  }
  for (const response of cohort.responses ?? [])
    await run(
      `INSERT INTO survey_response (id, programme_id, survey, answers) VALUES (?, ?, ?, ?)`,
      [randomUUID(), programmeId, response.survey, JSON.stringify(response.answers)],
    );
}
