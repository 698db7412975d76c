import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { Programme } from '../programmes/programme.js';
import { programmeSettings } from '../programmes/programme-service.js';
import { SURVEYS, type Survey } from '../surveys/survey-invitation.js';
import type { FreeTextAnswers, FreeTextQuestion } from './report-schemas.js';

/** The built-in questions answered in words, which the app words itself. */
const BUILT_IN: readonly { id: string; survey: Survey }[] = [
  { id: 'midterm.improve', survey: 'midterm' },
  { id: 'changed', survey: 'end' },
];

/**
 * A programme's free-text survey answers for its report: only when the programme says so
 * (settings.surveys.showFreeText), and per question only when at least `minGroupSize`
 * responses answered it. In random order, as bare text: responses carry no person and no
 * time, and nothing of their ids leaves here. Reading them is audited, as exports are.
 *
 * @throws ServiceError not-found for an unknown programme.
 */
export async function readFreeTextAnswers(
  em: EntityManager,
  adminId: string,
  programmeId: string,
  minGroupSize: number,
): Promise<FreeTextAnswers> {
  const programme = await em.fork().findOne(Programme, programmeId);
  if (!programme) throw new ServiceError('not-found', 'No such programme.');
  const { surveys } = programmeSettings(programme);
  const questions = [
    ...BUILT_IN.map((question) => ({ ...question, text: null })),
    // The admin's own questions answered in words, in the programme's words.
    ...SURVEYS.flatMap((survey) =>
      surveys[survey].questions
        .filter((question) => question.kind === 'text')
        .map(({ id, text }) => ({ id, survey, text })),
    ),
  ];
  if (!surveys.showFreeText)
    return {
      minGroupSize,
      allowed: false,
      questions: questions.map((question) => ({ ...question, status: 'not-allowed', answers: [] })),
    };
  const answered: FreeTextQuestion[] = [];
  for (const question of questions) {
    const answers = await answersTo(em, programme.id, question);
    answered.push(
      answers.length >= minGroupSize
        ? { ...question, status: 'shown', answers }
        : { ...question, status: 'too-few', answers: [] },
    );
  }
  await recordAudit(em, {
    action: 'programme.free-text-read',
    actorId: adminId,
    targetType: 'programme',
    targetId: programme.id,
    data: {
      minGroupSize,
      shown: answered.filter((question) => question.status === 'shown').map(({ id }) => id),
    },
  });
  return { minGroupSize, allowed: true, questions: answered };
}

/** The non-empty answers to one question, shuffled by the database. */
async function answersTo(
  em: EntityManager,
  programmeId: string,
  question: { id: string; survey: Survey },
): Promise<string[]> {
  const rows = await em.execute<{ answer: string }[]>(
    em.getKnex().raw(
      `SELECT btrim(answers->>:question) AS answer FROM survey_response
        WHERE programme_id = :programme AND survey = :survey
          AND jsonb_typeof(answers->:question) = 'string' AND btrim(answers->>:question) <> ''
        ORDER BY random()`,
      { programme: programmeId, survey: question.survey, question: question.id },
    ),
  );
  return rows.map((row) => row.answer);
}
