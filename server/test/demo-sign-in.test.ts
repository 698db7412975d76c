import t from 'tap';
import { demoSignIn } from '../src/auth/dev-idp/demo-sign-in.js';
import { loadConfig } from '../src/config.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { freePort } from '../src/free-port.js';
import { Browser } from './helpers/browser.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';

t.test(
  'in demo mode the personas sign in through the built-in IdP as the seeded people',
  async (t) => {
    const port = await freePort();
    const tandem = `http://127.0.0.1:${port}`;
    const databaseUrl = await createTestDatabase(t);
    const app = await buildTestApp(t, { databaseUrl, demo: true, env: { PUBLIC_URL: tandem } });
    await seedDemo(app.orm.em.fork());
    await app.listen({ host: '127.0.0.1', port });

    const browser = new Browser();
    const picker = await browser.get(`${tandem}/auth/login`);
    t.equal(picker.status, 200);
    t.ok(
      picker.url.href.startsWith(`${tandem}/dev-idp/interaction/`),
      'the demo IdP is served by Tandem itself',
    );
    t.equal(
      (picker.body.match(/name="subject"/g) ?? []).length,
      36,
      'every demo person is a persona',
    );
    t.match(picker.body, /Matthias Keller/);
    const headings = [...picker.body.matchAll(/<h2>([^<]+)<\/h2>\s*<p class="group-hint">/g)];
    t.same(
      headings.map((h) => h[1]),
      ['HR-Administration', 'Mentorinnen und Mentoren', 'Mentees', 'Noch nicht angemeldet'],
      'the personas in groups, each with a line saying who they are',
    );
    const adminSection = picker.body.split('<h2>')[1] ?? '';
    t.match(adminSection, 'Matthias Keller', 'the HR admin under HR-Administration');
    t.equal((adminSection.match(/name="subject"/g) ?? []).length, 1, 'and nobody else');

    await browser.submit(picker, 'value="demo-02"');
    const me = await browser.request(`${tandem}/api/me`);
    t.equal(me.status, 200);
    const body = JSON.parse(me.body);
    t.match(body, { name: 'Matthias Keller', department: 'Zentrale Dienste', roles: ['admin'] });

    const [seeded] = await sql<{ id: string }>(
      databaseUrl,
      "SELECT id FROM app_user WHERE subject = 'demo-02'",
    );
    t.equal(body.id, seeded?.id, 'the persona is the seeded person, not a new account');
    const [count] = await sql<{ count: string }>(databaseUrl, 'SELECT count(*) FROM app_user');
    t.equal(count?.count, '36');
    t.equal(
      app.routeAccess.get('GET /dev-idp/*'),
      'anonymous',
      'the IdP routes declare their access too',
    );
  },
);

t.test('the demo IdP is refused in production', async (t) => {
  await t.rejects(demoSignIn(loadConfig({ NODE_ENV: 'production' })), {
    message: 'the demo identity provider is refused when NODE_ENV=production',
  });
});

t.test('with OIDC_ISSUER set, demo mode uses the real IdP and mounts no demo IdP', async (t) => {
  const app = await buildTestApp(t, {
    demo: true,
    env: {
      OIDC_ISSUER: 'https://sso.example.org/realms/amt',
      OIDC_CLIENT_ID: 'tandem',
      OIDC_CLIENT_SECRET: 's',
    },
  });
  t.equal((await app.inject('/dev-idp/.well-known/openid-configuration')).statusCode, 404);
});
