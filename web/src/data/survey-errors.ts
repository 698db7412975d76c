import { msg } from '@lit/localize';

/** Why a survey cannot be answered, in the reader's language; undefined for another code. */
export function surveyRefusal(code: string): string | undefined {
  switch (code) {
    case 'survey.answered':
      return msg('You have answered this survey already; each survey is answered once.', {
        id: 'surveys.error.answered',
      });
    case 'survey.not-due':
      return msg('This survey is not open for you yet: you get an invitation when it is due.', {
        id: 'surveys.error.notDue',
      });
    case 'survey.not-participant':
      return msg("Only the programme's participants answer its surveys.", {
        id: 'surveys.error.notParticipant',
      });
    case 'survey.off':
      return msg('This programme does not ask this survey.', { id: 'surveys.error.off' });
    case 'survey.empty':
      return msg('Answer at least one question.', { id: 'surveys.error.empty' });
    case 'survey.scale':
    case 'survey.option':
    case 'survey.text':
    case 'survey.text-length':
    case 'survey.unknown-question':
      return msg('One of the answers does not fit its question. Please check them.', {
        id: 'surveys.error.answer',
      });
    case 'programme.survey-questions':
      return msg(
        'One of the own survey questions is not complete: a single choice needs options, and each question is there once.',
        {
          id: 'surveys.error.settings',
        },
      );
    default:
      return undefined;
  }
}
