/**
 * The testkit's generated profiles must use skill keys a real Tandem knows: those of the
 * taxonomy a new installation (and the demo, which seeds people but no skills) starts with.
 * Otherwise a strategy tested on them meets other keys in the demo, and a profile built from
 * them is refused there.
 */
import { DIGITAL_SKILLS, ORGANISATION_SKILLS } from '@tandem/plugin-testkit';
import t from 'tap';
import { openOrm } from '../src/db/orm.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createTestDatabase, sql } from './helpers/database.js';

t.test("every testkit skill key is in the demo's taxonomy, in the same category", async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  t.ok(await seedDemo(orm.em.fork()), 'the demo is seeded');

  const rows = await sql<{ key: string; category: string }>(
    url,
    'SELECT key, category FROM skill WHERE NOT archived',
  );
  const category = new Map(rows.map((row) => [row.key, row.category]));
  const misplaced = [
    ...DIGITAL_SKILLS.filter((key) => category.get(key) !== 'digital'),
    ...ORGANISATION_SKILLS.filter((key) => category.get(key) !== 'organisation'),
  ];
  t.same(misplaced, [], 'keys the taxonomy lacks or files under the other category');
});

t.test('the demo people offer and want only taxonomy keys', async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  await seedDemo(orm.em.fork());
  const unknown = await sql<{ skill: string }>(
    url,
    `SELECT DISTINCT s AS skill FROM enrolment e,
       jsonb_array_elements_text(coalesce(e.profile->'skillsOffered', '[]') || coalesce(e.profile->'skillsWanted', '[]')) s
     WHERE s NOT IN (SELECT key FROM skill)`,
  );
  t.same(unknown, []);
});
