import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import t from 'tap';
import { readAsUser } from '../src/auth/personal-read.js';
import { listMyProgrammes } from '../src/modules/enrolment/enrolment-service.js';
import { listMyPairs } from '../src/modules/pairs/pair-plan.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { OVERVIEW, overviewWorld } from './helpers/overview-world.js';

/**
 * The round trips to PostgreSQL while `act` runs, counted where every statement of the app
 * goes out: the query method of the pg driver's clients (the ORM's pool, prepared reads and
 * raw statements alike).
 */
async function roundTrips<T>(app: FastifyInstance, act: () => Promise<T>) {
  const driver: typeof pg = app.orm.em.getKnex().client.driver;
  const client = driver.Client.prototype;
  const { query } = client;
  let count = 0;
  client.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    count++;
    return Reflect.apply(query, this, args);
  } as typeof query;
  try {
    const result = await act();
    return { count, result };
  } finally {
    client.query = query;
  }
}

t.test('each overview request takes one round trip to the database', async (t) => {
  const app = await buildTestApp(t);
  const { lena } = await overviewWorld(app);
  for (const url of OVERVIEW) {
    // The first request prepares the statement on its connection; count a later one.
    await app.inject({ url, cookies: lena.cookies });
    const { count, result } = await roundTrips(app, () =>
      app.inject({ url, cookies: lena.cookies }),
    );
    t.equal(result.statusCode, 200, `${url} answers`);
    t.equal((result.json() as unknown[]).length, 1, `${url} lists Lena's pair, or its programme`);
    t.equal(count, 1, `${url}: the session and the answer in one statement`);
  }
  const unknown = await roundTrips(app, () =>
    app.inject({ url: '/api/pairs', cookies: { [app.cookieNames.session]: 'forged' } }),
  );
  t.equal(unknown.result.statusCode, 401, 'an unknown session is refused');
  t.equal(unknown.count, 1, 'by the same one statement');
  const none = await roundTrips(app, () => app.inject({ url: '/api/pairs' }));
  t.equal(none.result.statusCode, 401, 'no cookie is refused');
  t.equal(none.count, 0, 'without asking the database');
});

t.test('the overview read for a known user answers as the session-resolved one', async (t) => {
  const app = await buildTestApp(t);
  const { lena } = await overviewWorld(app);
  const em = app.orm.em.fork();
  const user = await em.findOneOrFail(User, lena.userId);
  const read = readAsUser(em, user);
  const pairs = await app.inject({ url: '/api/pairs', cookies: lena.cookies });
  t.same(JSON.parse(JSON.stringify(await listMyPairs(read))), pairs.json());
  const programmes = await app.inject({ url: '/api/programmes', cookies: lena.cookies });
  t.same(JSON.parse(JSON.stringify(await listMyProgrammes(read, app.plugins))), programmes.json());
});

t.test('only a participant read may resolve the session in its statement', async (t) => {
  await t.rejects(
    buildTestApp(t, {
      beforeReady: (app) =>
        app.post(
          '/test/write',
          { config: { access: 'participant', sessionInRead: true } },
          () => '',
        ),
    }),
    /only GET routes with participant access/,
    'a write must pass the cross-site check with its session resolved first',
  );
  await t.rejects(
    buildTestApp(t, {
      beforeReady: (app) =>
        app.get('/test/admin', { config: { access: 'admin', sessionInRead: true } }, () => ''),
    }),
    /only GET routes with participant access/,
    'a role must be checked before the route runs',
  );
});
