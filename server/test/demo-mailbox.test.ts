import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { DEMO_EMAIL_INSTANCE, DEMO_INSTANCE_SENDER } from '../src/demo/demo-email-instance.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { activeChannels } from '../src/modules/notifications/active-channels.js';
import { notify } from '../src/modules/notifications/notify.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { sessionFor } from './helpers/sessions.js';

interface Mail {
  from: string;
  to: string[];
  subject: string;
  receivedAt: string;
  text: string;
  event: { method: string; summary: string; start: string; end: string; sequence: number } | null;
}

/** How many pairs matching proposed in the demo before availability was made realistic. */
const PAIRS_BEFORE = 16;

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) {
  for (let i = 0; i < 600; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function userId(url: string, subject: string): Promise<string> {
  const [row] = await sql<{ id: string }>(url, 'SELECT id FROM app_user WHERE subject = $1', [
    subject,
  ]);
  return row?.id ?? '';
}

/** Runs matching on the programme through the admin routes and publishes what it proposes. */
async function matchAndPublish(app: FastifyInstance, admin: Record<string, string>, id: string) {
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, cookies: admin, ...(payload ? { payload } : {}) });
  await call('POST', `/api/admin/programmes/${id}/transitions`, { to: 'matching' });
  const run = (await call('POST', `/api/admin/programmes/${id}/matching-runs`)).json();
  await until(
    'the matching run',
    async () => (await call('GET', `/api/admin/matching-runs/${run.id}`)).json().state,
    (state) => state === 'succeeded' || state === 'failed',
  );
  return call('POST', `/api/admin/programmes/${id}/publish`);
}

t.test('publishing the demo programme invites every pair, as the Demo mailbox shows', async (t) => {
  const url = await createTestDatabase(t);
  const app = await buildTestApp(t, {
    databaseUrl: url,
    demo: true,
    env: { WORKER_IN_PROCESS: 'true', WORKER_CONCURRENCY: '4' },
  });
  await seedDemo(app.orm.em.fork());
  const admin = (await sessionFor(app, await userId(url, 'demo-02'))).cookies;
  const [programme] = await sql<{ id: string }>(
    url,
    "SELECT id FROM programme WHERE kind = 'reverse-mentoring' AND state = 'enrolment'",
  );

  const publish = await matchAndPublish(app, admin, programme?.id ?? '');
  t.equal(publish.statusCode, 200, 'the admin publishes the proposed pairs');
  const pairs = await sql<{ id: string; emails: string[] }>(
    url,
    `SELECT m.id, array_agg(u.email ORDER BY u.email) AS emails
       FROM match m JOIN match_member mm ON mm.match_id = m.id
       JOIN enrolment e ON e.id = mm.enrolment_id JOIN app_user u ON u.id = e.user_id
      WHERE m.programme_id = $1 AND m.state = 'published' GROUP BY m.id`,
    [programme?.id],
  );
  t.ok(pairs.length >= PAIRS_BEFORE, `as many pairs as before (${pairs.length})`);

  await until(
    'a first meeting for every pair',
    () =>
      sql<{ count: string }>(
        url,
        `SELECT count(DISTINCT m.id) FROM match m JOIN meeting g ON g.match_id = m.id
          WHERE m.programme_id = $1 AND m.state = 'published'`,
        [programme?.id],
      ),
    ([row]) => Number(row?.count) === pairs.length,
  );
  const mailbox = async () =>
    (await app.inject({ url: '/api/admin/demo-mailbox', cookies: admin })).json() as Mail[];
  await until('the invitations', mailbox, (mails) => mails.length >= 2 * pairs.length);
  // Anything sent twice would arrive within this second.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const mails = await mailbox();

  const invitations = mails.filter((mail) => mail.event?.method === 'REQUEST');
  t.equal(invitations.length, 2 * pairs.length, 'two invitations per pair, none more');
  const problems = pairs.flatMap(({ id, emails }) => {
    const invited = invitations.filter((mail) => emails.includes(mail.to[0] ?? ''));
    const to = invited.map((mail) => mail.to[0]).sort();
    const starts = new Set(invited.map((mail) => mail.event?.start));
    return JSON.stringify(to) === JSON.stringify(emails) && starts.size === 1
      ? []
      : [`pair ${id}: ${JSON.stringify(to)} invited, ${starts.size} start times`];
  });
  t.same(problems, [], 'each member of each pair invited once, both to the same time');
  t.match(
    invitations[0],
    {
      subject: /^Tandem/,
      text: /\S/,
      event: { summary: /\S/, start: /^\d{4}-.*Z$/, end: /^\d{4}-.*Z$/, sequence: 0 },
    },
    'an invitation shows its text and its event, times as UTC instants the browser formats',
  );
  t.match(
    invitations[0]?.text,
    /Wo: Besprechungsraum 2\.14, Dienstgebäude Mitte · https:\/\/meet\.demo\.tandem\.example\/tandem-[0-9a-f]+\n/,
    'a hybrid meeting names its room and its video room',
  );
  const meetings = await sql<{ starts_at: Date }>(
    url,
    `SELECT g.starts_at FROM meeting g JOIN match m ON m.id = g.match_id WHERE m.programme_id = $1`,
    [programme?.id],
  );
  const planned = new Set(meetings.map((meeting) => meeting.starts_at.toISOString()));
  t.same(
    invitations.filter((mail) => !planned.has(mail.event?.start ?? '')),
    [],
    "every invitation starts when its meeting does: the TZID read against the calendar's zone",
  );
  const times = mails.map((mail) => mail.receivedAt);
  t.same(times, [...times].sort().reverse(), 'newest first');

  const participant = (await sessionFor(app, await userId(url, 'demo-04'))).cookies;
  const refused = await app.inject({ url: '/api/admin/demo-mailbox', cookies: participant });
  t.equal(refused.statusCode, 403, 'participants may not read the mailbox');
  const site = (await app.inject({ url: '/api/site' })).json();
  t.equal(site.demoMailbox, true, 'the web app learns that there is a Demo mailbox');
});

t.test('outside demo mode there is no Demo mailbox', async (t) => {
  const url = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl: url });
  await seedDemo(app.orm.em.fork());
  const admin = (await sessionFor(app, await userId(url, 'demo-02'))).cookies;
  const answer = await app.inject({ url: '/api/admin/demo-mailbox', cookies: admin });
  t.equal(answer.statusCode, 404);
  t.equal((await app.inject({ url: '/api/site' })).json().demoMailbox, false);
});

t.test(
  'the demo brings an email channel instance: a programme that chooses it sends in the HR development team’s name',
  async (t) => {
    const url = await createTestDatabase(t);
    const demoApp = () =>
      buildTestApp(t, { databaseUrl: url, demo: true, env: { WORKER_IN_PROCESS: 'true' } });
    await buildTestApp(t, { databaseUrl: url, demo: true });
    const app = await demoApp();
    await seedDemo(app.orm.em.fork());
    const admin = (await sessionFor(app, await userId(url, 'demo-02'))).cookies;
    const instances = (
      await app.inject({ url: '/api/admin/channel-instances', cookies: admin })
    ).json() as { id: string; channel: string; name: string }[];
    t.match(
      instances,
      [{ channel: 'email', name: DEMO_EMAIL_INSTANCE }],
      'one, kept across starts',
    );
    t.equal(instances.length, 1);

    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/programmes',
      cookies: admin,
      payload: {
        curriculum: 'qa-quickstart',
        name: 'Personalentwicklung lädt ein',
        settings: { channels: ['email'], channelInstances: { email: instances[0]?.id } },
      },
    });
    t.equal(created.statusCode, 201, created.body);
    const em = app.orm.em.fork();
    const recipient = await em.findOneOrFail(User, { subject: 'demo-04' });
    const programme = await em.findOneOrFail(Programme, created.json().id);
    const send = (title: string, from?: Programme) =>
      notify(
        em,
        [
          {
            recipient,
            subject: title,
            kind: 'invitation',
            ...(from ? { programme: from } : {}),
            render: () => ({ title, text: `${title}.` }),
          },
        ],
        activeChannels(app.plugins),
      );
    await send('Über die gewählte Instanz', programme);
    await send('Über die Serverkonfiguration');
    const mails = await until(
      'both messages',
      async () =>
        (await app.inject({ url: '/api/admin/demo-mailbox', cookies: admin })).json() as Mail[],
      (mails) => mails.length >= 2,
    );
    const fromOf = (subject: string) => mails.find((mail) => mail.subject === subject)?.from;
    t.equal(
      fromOf('Über die gewählte Instanz'),
      `Personalentwicklung <${DEMO_INSTANCE_SENDER}>`,
      "the programme's messages come from the instance's sender",
    );
    t.equal(
      fromOf('Über die Serverkonfiguration'),
      'Tandem <tandem@demo.tandem.example>',
      'others from the server configuration',
    );
  },
);
