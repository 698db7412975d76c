import t, { type Test } from 'tap';
import { type PreparedRead, preparedRows } from '../src/db/prepared-read.js';
import { buildTestApp } from './helpers/build-test-app.js';

/** A ready app whose database has a small table of its own to read. */
async function appWithLabels(t: Test) {
  const app = await buildTestApp(t);
  await app.orm.em.fork().execute('CREATE TABLE test_label (key text PRIMARY KEY, label text)');
  return app;
}

const SKILL: PreparedRead = {
  name: 'test_skill_label',
  text: 'SELECT label FROM test_label WHERE key = $1',
};

t.test(
  'a prepared read answers for each value, again and again on the same statement',
  async (t) => {
    const app = await appWithLabels(t);
    const em = app.orm.em.fork();
    await em.execute(
      "INSERT INTO test_label (key, label) VALUES ('cloud', 'Cloud'), ('chat', 'Chat')",
    );
    for (let round = 0; round < 3; round++) {
      t.same(await preparedRows(em, SKILL, ['cloud']), [{ label: 'Cloud' }]);
      t.same(await preparedRows(em, SKILL, ['chat']), [{ label: 'Chat' }]);
    }
    t.same(await preparedRows(em, SKILL, ['none']), []);
  },
);

t.test('inside a transaction it reads on the transaction, so it sees its writes', async (t) => {
  const app = await appWithLabels(t);
  const seen = await app.orm.em.fork().transactional(async (tx) => {
    await tx.execute("INSERT INTO test_label (key, label) VALUES ('excel', 'Excel')");
    return preparedRows(tx, SKILL, ['excel']);
  });
  t.same(seen, [{ label: 'Excel' }], 'on a pooled connection the row would not be there yet');
});

t.test('it is announced like any statement, so that counting statements sees it', async (t) => {
  const app = await appWithLabels(t);
  const knex = app.orm.em.getKnex();
  const announced: string[] = [];
  const listen = ({ sql }: { sql: string }) => announced.push(sql);
  knex.on('query', listen);
  t.teardown(() => void knex.off('query', listen));
  await preparedRows(app.orm.em.fork(), SKILL, ['cloud']);
  t.same(announced, [SKILL.text]);
});
