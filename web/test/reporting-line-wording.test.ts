import t from 'tap';
import { explanationText } from '../src/components/explanation-text.js';
import { errorWording } from '../src/data/error-wording.js';

// The reporting-line rule as admins and participants read it (English: the app's source
// language in Node; translations.test.ts checks the German of the same ids).

t.test('the review says "excluded: reporting line", with how far the rule reaches', async (t) => {
  t.equal(
    explanationText({ code: 'unmatched.reporting-line', params: { levels: 2 } }, 'fallback'),
    'Excluded: reporting line. Everyone who could be their partner is within 2 levels of their management chain.',
  );
  t.equal(
    explanationText({ code: 'unmatched.reporting-line', params: { levels: 1 } }, 'fallback'),
    'Excluded: reporting line. Everyone who could be their partner is their manager or reports to them directly.',
  );
  t.match(
    explanationText({ code: 'unmatched.reporting-line' }, 'fallback'),
    /^Excluded: reporting line\./,
    'without its levels the code is still worded',
  );
});

t.test('a pair across a reporting line is refused in words', async (t) => {
  t.match(errorWording(409, 'match.reporting-line', { levels: 3 }), /reporting line \(up to 3 /);
  t.match(
    errorWording(409, 'request.reporting-line', { levels: 2 }),
    /^This person is in your reporting line/,
  );
});
