import t from 'tap';
import { plural } from '../src/i18n/plural.js';

const forms = { one: 'one', other: 'other' };

t.test('English and German: "one" for 1 only', async (t) => {
  for (const locale of ['en', 'de']) {
    t.same(
      [0, 1, 2, 21, 1.5].map((count) => plural(count, forms, locale)),
      ['other', 'one', 'other', 'other', 'other'],
      locale,
    );
  }
});
