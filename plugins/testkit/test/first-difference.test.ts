import t from 'tap';
import { firstDifference } from '../src/first-difference.js';

t.test('names the first path where two values differ', async (t) => {
  t.equal(firstDifference({ a: [1, 2] }, { a: [1, 2] }), undefined);
  t.equal(firstDifference({ a: [1, 2] }, { a: [1, 3] }), 'a[1]: 2 vs 3');
  t.equal(
    firstDifference({ groups: [{ score: 61 }] }, { groups: [{ score: 74 }] }),
    'groups[0].score: 61 vs 74',
  );
  t.equal(firstDifference({ a: 1 }, { a: 1, b: 'x' }), 'b: missing vs "x"');
  t.equal(firstDifference([1], [1, 2]), '[1]: missing vs 2');
  t.equal(firstDifference(1, 'one'), '(root): 1 vs "one"');
  t.equal(firstDifference([], {}), '(root): [] vs {}');
  t.match(firstDifference('x'.repeat(200), 'y'), /^\(root\): "x{76}\.\.\. vs "y"$/);
});
