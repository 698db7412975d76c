import type { FastifyInstance } from 'fastify';
import { Enrolment } from '../../src/modules/enrolment/enrolment.js';
import { Programme } from '../../src/modules/programmes/programme.js';
import {
  defaultSurveySettings,
  type SurveySettings,
} from '../../src/modules/surveys/survey-settings.js';
import { User } from '../../src/modules/users/user.js';
import { publishPair } from './publish-pair.js';
import { sessionFor } from './sessions.js';

const DAY = 86_400_000;

/**
 * A running programme with two goals and every survey on (plus one question of its own in the
 * end survey), and a published pair of two people with email addresses, who enrolled
 * `enrolledDaysAgo` days ago and were paired `pairedWeeksAgo` weeks ago.
 */
export async function surveyProgramme(
  app: FastifyInstance,
  { enrolledDaysAgo = 2, pairedWeeksAgo = 0, surveys = {} }: SurveyProgrammeOptions = {},
) {
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital im Dienst',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: {
      channels: ['email', 'in-app'],
      goals: ['Videokonferenzen sicher leiten', 'Die E-Akte nutzen'],
      surveys: { ...defaultSurveySettings(12), ...surveys },
    },
  });
  const enrolledAt = new Date(Date.now() - enrolledDaysAgo * DAY);
  const people = (['mentor', 'mentee'] as const).map((role, index) => {
    const user = em.create(User, {
      issuer: 'https://idp.test',
      subject: `survey-${role}`,
      name: role === 'mentor' ? 'Mara Mentorin' : 'Ernst Mentee',
      email: `${role}@agency.example`,
      locale: index === 0 ? 'de' : 'en',
    });
    const enrolment = em.create(Enrolment, {
      programme,
      user,
      role,
      createdAt: enrolledAt,
    });
    return { role, user, enrolment };
  });
  await em.flush();
  const { pairId } = await publishPair(
    app,
    programme.id,
    people.map(({ enrolment, role }) => ({ enrolmentId: enrolment.id, role })),
  );
  await app.orm.em.execute(`UPDATE match SET published_at = ? WHERE id = ?`, [
    new Date(Date.now() - pairedWeeksAgo * 7 * DAY),
    pairId,
  ]);
  const [mentor, mentee] = await Promise.all(
    people.map(async ({ user }) => ({
      userId: user.id,
      name: user.name,
      email: user.email as string,
      ...(await sessionFor(app, user.id)),
    })),
  );
  if (!mentor || !mentee) throw new Error('no pair');
  return { programmeId: programme.id, pairId, mentor, mentee };
}

interface SurveyProgrammeOptions {
  enrolledDaysAgo?: number;
  pairedWeeksAgo?: number;
  surveys?: Partial<SurveySettings>;
}
