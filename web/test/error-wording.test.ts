import t from 'tap';
import { explanationText } from '../src/components/explanation-text.js';
import { errorWording } from '../src/data/error-wording.js';

// In Node the app speaks its source language, English; the German wording of the same ids is
// checked for completeness by translations.test.ts and on the pages by page-languages.test.ts.

t.test('a known error code is worded by the app, with its values', async (t) => {
  t.equal(
    errorWording(409, 'request.not-pending', { state: 'accepted' }),
    'This request was accepted already.',
  );
  t.equal(
    errorWording(400, 'enrolment.no-common-language', { languages: 'de' }),
    'This programme meets in de; add one of these languages to your profile.',
  );
});

t.test('an unknown code falls back to a sentence for its status, never the server’s', async (t) => {
  t.equal(
    errorWording(409, 'some-plugin.refused', {}),
    'This changed in the meantime. Please reload the page and try again.',
  );
  t.equal(
    errorWording(404, 'not-found', {}),
    'This does not exist (any more), or you cannot see it.',
  );
  t.match(errorWording(500, 'server-error', { requestId: 'req-7' }), /quote request req-7\./);
});

t.test('reasons are worded from their code, skills by name, counts plural-correct', async (t) => {
  const names = (key: string) => ({ 'video-calls': 'Video calls', 'e-file': 'E-file' })[key] ?? key;
  t.equal(
    explanationText(
      {
        code: 'skills.offered',
        params: { skills: ['video-calls', 'e-file'], count: 2, wanted: 3 },
      },
      'fallback',
      names,
    ),
    'The mentor offers Video calls and E-file: 2 of the 3 skills the mentee wants.',
  );
  t.equal(
    explanationText({ code: 'availability.free', params: { hours: 1, workingHours: false } }, 'x'),
    'They are both free 1 hour a week.',
  );
  t.equal(
    explanationText({ code: 'availability.free', params: { hours: 2.5, workingHours: true } }, 'x'),
    'They are both free 2.5 hours a week. Working hours were assumed where no times were given.',
  );
  t.equal(
    explanationText({ code: 'plugin.own-reason' }, 'A third-party plugin’s sentence.'),
    'A third-party plugin’s sentence.',
    'a code the app does not know shows the strategy’s sentence',
  );
  t.equal(
    explanationText({ code: 'skills.offered', params: {} }, 'The sentence.'),
    'The sentence.',
    'so does a known code without its values',
  );
});
