import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { ServiceError } from '../../service-error.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { organisationSettings } from '../organisation/organisation-settings.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { User } from '../users/user.js';
import { checkedAnswers } from './survey-answers.js';
import { SURVEYS, type Survey, SurveyInvitation } from './survey-invitation.js';
import { surveyQuestions } from './survey-questions.js';
import { SurveyResponse } from './survey-response.js';
import type { OpenSurvey, SurveyCounts, SurveyForm } from './survey-schemas.js';
import { SURVEY_TITLES } from './survey-texts.js';

/**
 * The questions of a survey for a participant of the programme, in their language unless
 * another is asked for, and whether they answered it already.
 *
 * @throws ServiceError forbidden for anyone not taking part, not-found for a survey the
 *   programme does not ask.
 */
export async function surveyForm(
  em: EntityManager,
  userId: string,
  programmeId: string,
  survey: Survey,
  locale?: Locale,
): Promise<SurveyForm> {
  const fork = em.fork();
  const programme = await participantsProgramme(fork, userId, programmeId);
  const settings = askedSettings(programme, survey);
  const language = locale ?? (await localeOfUser(fork, userId));
  const invitation = await fork.findOne(SurveyInvitation, {
    programme: programmeId,
    user: userId,
    survey,
  });
  return {
    programme: { id: programme.id, name: programme.name },
    survey,
    title: SURVEY_TITLES[survey][language],
    answered: invitation?.answered ?? false,
    questions: surveyQuestions(settings, survey, language),
  };
}

/**
 * Stores a participant's answers without anything that leads back to them, and marks their
 * invitation answered, in one transaction: either both happen or neither. The baseline may be
 * answered at enrolment, before any invitation; the others once invited.
 *
 * @throws ServiceError forbidden (not taking part), not-found (not asked), invalid answers,
 *   conflict when answered already or not yet due.
 */
export async function answerSurvey(
  em: EntityManager,
  userId: string,
  programmeId: string,
  survey: Survey,
  answers: Readonly<Record<string, unknown>>,
): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const programme = await participantsProgramme(tx, userId, programmeId);
    const settings = askedSettings(programme, survey);
    const checked = checkedAnswers(surveyQuestions(settings, survey, 'en'), answers);
    await blendInvitations(tx, programmeId, survey);
    const marked = await markAnswered(tx, userId, programmeId, survey);
    if (!marked) throw await whyNotAnswerable(tx, userId, programmeId, survey);
    // A random id and no other column than these: the row leads to no one.
    tx.create(SurveyResponse, { programme, survey, answers: checked });
    await tx.flush();
  });
}

/** The surveys waiting for the caller: invited, not answered, still taking part. */
export async function openSurveys(em: EntityManager, userId: string): Promise<OpenSurvey[]> {
  const fork = em.fork();
  const invitations = await fork.find(
    SurveyInvitation,
    { user: userId, answered: false, sentAt: { $ne: null } },
    { populate: ['programme'], orderBy: { programme: { name: 'asc' }, survey: 'asc' } },
  );
  const active = await fork.find(
    Enrolment,
    { user: userId, state: 'active', programme: { $in: invitations.map((i) => i.programme) } },
    { fields: ['programme'] },
  );
  const taking = new Set(active.map((enrolment) => enrolment.programme.id));
  return invitations
    .filter(({ programme, survey }) => taking.has(programme.id) && isAsked(programme, survey))
    .map(({ programme, survey }) => ({
      programme: { id: programme.id, name: programme.name },
      survey,
    }));
}

/** Per survey of a programme: whether it is on, how many were asked and how many answered. */
export async function surveyCounts(em: EntityManager, programmeId: string): Promise<SurveyCounts> {
  const fork = em.fork();
  const programme = await fork.findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const rows = await fork.execute<{ survey: Survey; asked: string; answered: string }[]>(
    `SELECT survey, count(*) AS asked, count(*) FILTER (WHERE answered) AS answered
       FROM survey_invitation WHERE programme_id = ? GROUP BY survey`,
    [programmeId],
  );
  const settings = programmeSettings(programme);
  return SURVEYS.map((survey) => {
    const row = rows.find((r) => r.survey === survey);
    return {
      survey,
      enabled: settings.surveys[survey].enabled,
      asked: Number(row?.asked ?? 0),
      answered: Number(row?.answered ?? 0),
    };
  });
}

/**
 * Rewrites every invitation of the survey in the answering transaction, so that each carries
 * that transaction's id (PostgreSQL's `xmin`) as the new response does: someone reading the
 * tables directly finds the whole cohort behind a response's transaction, not the one person
 * whose invitation changed in it. Answers to one survey take turns (an advisory lock), so two
 * such rewrites never wait on each other's rows.
 */
async function blendInvitations(
  em: EntityManager,
  programmeId: string,
  survey: Survey,
): Promise<void> {
  await em.execute('SELECT pg_advisory_xact_lock(hashtext(?))', [
    `tandem-survey:${programmeId}:${survey}`,
  ]);
  await em.execute(
    'UPDATE survey_invitation SET answered = answered WHERE programme_id = ? AND survey = ?',
    [programmeId, survey],
  );
}

/**
 * Marks the person's invitation answered, once; for the baseline, creates it answered when there
 * is none. Done in one statement, so that two answers sent at once store one response.
 *
 * @returns whether this call marked it.
 */
async function markAnswered(
  em: EntityManager,
  userId: string,
  programmeId: string,
  survey: Survey,
): Promise<boolean> {
  const marked =
    survey === 'baseline'
      ? await em.execute<{ id: string }[]>(
          `INSERT INTO survey_invitation (id, programme_id, user_id, survey, sent_at, answered)
             VALUES (gen_random_uuid(), ?, ?, 'baseline', NULL, true)
             ON CONFLICT (programme_id, user_id, survey)
             DO UPDATE SET answered = true WHERE survey_invitation.answered = false
             RETURNING id`,
          [programmeId, userId],
        )
      : await em.execute<{ id: string }[]>(
          `UPDATE survey_invitation SET answered = true
             WHERE programme_id = ? AND user_id = ? AND survey = ? AND NOT answered
             RETURNING id`,
          [programmeId, userId, survey],
        );
  return marked.length > 0;
}

async function whyNotAnswerable(
  em: EntityManager,
  userId: string,
  programmeId: string,
  survey: Survey,
): Promise<ServiceError> {
  const invitation = await em.findOne(SurveyInvitation, {
    programme: programmeId,
    user: userId,
    survey,
  });
  if (invitation?.answered)
    return new ServiceError(
      'conflict',
      'You have answered this survey already; each survey is answered once.',
      'survey.answered',
    );
  return new ServiceError(
    'conflict',
    'This survey is not open for you yet: you get an invitation when it is due.',
    'survey.not-due',
  );
}

/** @throws ServiceError forbidden unless the person takes part in the programme. */
async function participantsProgramme(
  em: EntityManager,
  userId: string,
  programmeId: string,
): Promise<Programme> {
  const enrolment = await em.findOne(
    Enrolment,
    { programme: programmeId, user: userId, state: 'active' },
    { populate: ['programme'] },
  );
  if (!enrolment)
    throw new ServiceError(
      'forbidden',
      "Only the programme's participants answer its surveys.",
      'survey.not-participant',
    );
  return enrolment.programme;
}

/** @throws ServiceError not-found when the programme does not ask this survey. */
function askedSettings(programme: Programme, survey: Survey) {
  const settings = programmeSettings(programme);
  if (!settings.surveys[survey].enabled)
    throw new ServiceError('not-found', 'This programme does not ask this survey.', 'survey.off');
  return settings;
}

function isAsked(programme: Programme, survey: Survey): boolean {
  return programmeSettings(programme).surveys[survey].enabled;
}

async function localeOfUser(em: EntityManager, userId: string): Promise<Locale> {
  const user = await em.findOne(User, userId, { fields: ['locale'] });
  return user?.locale ?? (await organisationSettings(em)).defaultLocale;
}
