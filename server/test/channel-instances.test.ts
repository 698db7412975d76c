import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { activeChannels } from '../src/modules/notifications/active-channels.js';
import { Delivery } from '../src/modules/notifications/delivery.js';
import { notify } from '../src/modules/notifications/notify.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

/** A chat tool's incoming webhooks on 127.0.0.1: records the path and body of every post. */
async function startChat(t: Test) {
  const posts: { path: string; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      posts.push({ path: request.url ?? '/', body });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { posts, url: (path: string) => `http://127.0.0.1:${port}${path}` };
}

/** Sets a variable a secret reference names, for the length of the test. */
function secretVariable(t: Test, name: string, value: string) {
  process.env[name] = value;
  t.teardown(() => {
    delete process.env[name];
  });
}

async function admin(app: FastifyInstance) {
  return signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
}

/** The webhook channel posting to the chat on loopback, which operators must open. */
const loopbackWebhook = (variable: string) => ({
  url: { env: variable },
  internalNetworks: ['127.0.0.1'],
});

t.test('admins configure channel instances; secrets only by reference', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'tandem-secrets-'));
  t.teardown(() => rm(folder, { recursive: true, force: true }));
  const app = await buildTestApp(t, { env: { TANDEM_SECRETS_DIR: folder } });
  const hr = await admin(app);
  const secret = 'http://127.0.0.1:9/hooks/T0/B0/very-secret';
  secretVariable(t, 'TANDEM_SECRET_TEST_SALES_HOOK', secret);
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, cookies: hr.cookies, ...(payload ? { payload } : {}) });
  const create = (payload: object) => call('POST', '/api/admin/channel-instances', payload);

  const channels = (await call('GET', '/api/admin/channels')).json();
  t.match(
    channels.find((c: { name: string }) => c.name === 'webhook'),
    { secretFields: ['url'], configSchema: { properties: { url: { secret: true } } } },
    'the form knows the webhook URL is secret',
  );

  const literal = await create({ channel: 'webhook', name: 'Sales', config: { url: secret } });
  t.equal(literal.statusCode, 400, 'a secret given as its value is refused');
  t.match(literal.json(), {
    message: /config field url: is a secret: give \{ "env"/,
    code: 'channel-instance.config',
    params: { field: 'url', reason: 'literal' },
  });
  t.notOk(literal.body.includes('very-secret'), 'and not echoed');
  const slow = await create({ channel: 'webhook', name: 'Sales', config: { timeoutMs: 5 } });
  t.match(slow.json(), {
    message: 'config field timeoutMs: must be >= 1000',
    params: { field: 'timeoutMs' },
  });
  const unset = await create({
    channel: 'webhook',
    name: 'Sales',
    config: { url: { env: 'TANDEM_SECRET_TEST_NOT_SET' } },
  });
  t.match(unset.json(), {
    message: 'config field url: the environment variable TANDEM_SECRET_TEST_NOT_SET is not set',
    params: { reason: 'variable-unset', name: 'TANDEM_SECRET_TEST_NOT_SET' },
  });
  const missingFile = await create({
    channel: 'webhook',
    name: 'Sales',
    config: { url: { file: '/nonexistent/hook' } },
  });
  t.match(missingFile.json(), {
    message: /the file \/nonexistent\/hook cannot be read \(ENOENT\)/,
    params: { reason: 'unreadable', name: '/nonexistent/hook' },
  });
  const serverSecret = await create({
    channel: 'webhook',
    name: 'Sales',
    config: { url: { env: 'DATABASE_URL' } },
  });
  t.match(
    [serverSecret.statusCode, serverSecret.json()],
    [
      400,
      {
        message:
          'config field url: only environment variables named TANDEM_SECRET_… can be referenced',
        params: { reason: 'variable-name', name: 'DATABASE_URL' },
      },
    ],
    "the server's own variables cannot be referenced (an admin could send them out)",
  );
  await writeFile(join(folder, 'sales-hook'), `${secret}\n`);
  await writeFile(`${folder}-other`, 'beside the folder');
  t.teardown(() => rm(`${folder}-other`, { force: true }));
  await symlink('/etc/hostname', join(folder, 'link-out'));
  const outsiders = [
    '/etc/hostname',
    `../${basename(folder)}-other`,
    '../../etc/hostname',
    'link-out',
  ];
  for (const file of outsiders) {
    const outside = await create({ channel: 'webhook', name: 'Sales', config: { url: { file } } });
    t.match(
      outside.json(),
      {
        message: `config field url: only files in ${folder} (TANDEM_SECRETS_DIR) can be referenced`,
        params: { reason: 'outside-folder', name: folder },
      },
      `a file outside the secrets folder is refused: ${file}`,
    );
  }
  const fromFile = await create({
    channel: 'webhook',
    name: 'Sales file',
    config: { url: { file: 'sales-hook' }, internalNetworks: ['127.0.0.1'] },
  });
  t.equal(fromFile.statusCode, 201, 'a file in the secrets folder is read');
  t.notOk(fromFile.body.includes('very-secret'), 'and not echoed');
  t.equal(
    (await call('DELETE', `/api/admin/channel-instances/${fromFile.json().id}`)).statusCode,
    204,
  );
  const pigeon = await create({ channel: 'pigeon', name: 'Sales', config: {} });
  t.match(
    [pigeon.statusCode, pigeon.json().message],
    [400, 'There is no channel pigeon on this server.'],
  );

  const made = await create({
    channel: 'webhook',
    name: 'Sales',
    config: { url: { env: 'TANDEM_SECRET_TEST_SALES_HOOK' }, style: 'teams' },
  });
  t.equal(made.statusCode, 201, made.body);
  const instance = made.json();
  t.same(
    instance.config,
    { url: { env: 'TANDEM_SECRET_TEST_SALES_HOOK' }, style: 'teams' },
    'as given',
  );
  t.notOk(made.body.includes('very-secret'), 'the answer holds the reference, not the secret');
  t.equal((await create({ channel: 'webhook', name: 'Sales', config: {} })).statusCode, 409);

  const listed = await call('GET', '/api/admin/channel-instances');
  t.match(listed.json(), [{ id: instance.id, name: 'Sales', programmes: [] }]);
  t.notOk(listed.body.includes('very-secret'));

  const renamed = await call('PATCH', `/api/admin/channel-instances/${instance.id}`, {
    name: 'Vertrieb',
  });
  t.match(renamed.json(), { name: 'Vertrieb', config: { style: 'teams' } });
  const badEdit = await call('PATCH', `/api/admin/channel-instances/${instance.id}`, {
    config: { style: 'fax' },
  });
  t.match([badEdit.statusCode, badEdit.json().params], [400, { field: 'style' }]);

  const participant = await signedInAs(app, { subject: 'lena', name: 'Lena' });
  for (const [method, url] of [
    ['GET', '/api/admin/channel-instances'],
    ['POST', '/api/admin/channel-instances'],
    ['DELETE', `/api/admin/channel-instances/${instance.id}`],
  ] as const) {
    const answer = await app.inject({
      method,
      url,
      cookies: participant.cookies,
      ...(method === 'POST' ? { payload: { channel: 'webhook', name: 'Mine', config: {} } } : {}),
    });
    t.equal(answer.statusCode, 403, `${method} ${url} refused to a participant`);
  }

  t.equal((await call('DELETE', `/api/admin/channel-instances/${instance.id}`)).statusCode, 204);
  t.same((await call('GET', '/api/admin/channel-instances')).json(), []);
  const actions = (
    await app.orm.em.fork().find(AuditEvent, { targetId: instance.id }, { orderBy: { id: 'asc' } })
  ).map((event) => event.action);
  t.same(
    actions.sort(),
    ['channel-instance.created', 'channel-instance.deleted', 'channel-instance.updated'],
    'audited',
  );
});

t.test('two programmes post through two instances of the webhook channel', async (t) => {
  const app = await buildTestApp(t, {
    env: { WORKER_IN_PROCESS: 'true', PUBLIC_URL: 'https://tandem.agency.example' },
  });
  const hr = await admin(app);
  const [sales, it] = [await startChat(t), await startChat(t)];
  secretVariable(t, 'TANDEM_SECRET_TEST_SALES_HOOK', sales.url('/hooks/sales'));
  secretVariable(t, 'TANDEM_SECRET_TEST_IT_HOOK', it.url('/hooks/it'));
  secretVariable(t, 'TANDEM_SECRET_TEST_SALES_NEW_HOOK', sales.url('/hooks/sales-new'));
  const instance = async (name: string, variable: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/admin/channel-instances',
      cookies: hr.cookies,
      payload: { channel: 'webhook', name, config: loopbackWebhook(variable) },
    });
    t.equal(answer.statusCode, 201, answer.body);
    return answer.json().id as string;
  };
  const salesChat = await instance('Sales chat', 'TANDEM_SECRET_TEST_SALES_HOOK');
  const itChat = await instance('IT chat', 'TANDEM_SECRET_TEST_IT_HOOK');
  const programme = async (name: string, instanceId: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/api/admin/programmes',
      cookies: hr.cookies,
      payload: {
        curriculum: 'qa-quickstart',
        name,
        settings: { channels: ['webhook'], channelInstances: { webhook: instanceId } },
      },
    });
    t.equal(answer.statusCode, 201, answer.body);
    return answer.json().id as string;
  };
  const salesProgramme = await programme('Vertrieb digital', salesChat);
  const itProgramme = await programme('IT für alle', itChat);
  const unknown = await app.inject({
    method: 'PATCH',
    url: `/api/admin/programmes/${itProgramme}`,
    cookies: hr.cookies,
    payload: { settings: { channelInstances: { webhook: hr.userId } } },
  });
  t.match(
    [unknown.statusCode, unknown.json().message],
    [400, /channelInstances.webhook: there is no instance/],
  );

  let sequence = 0;
  const announce = async (programmeId: string, title: string) => {
    const em = app.orm.em.fork();
    const recipient = em.create(User, {
      issuer: 'https://idp.test',
      subject: `person-${++sequence}`,
      name: `Person ${sequence}`,
    });
    await em.flush();
    const programme = await em.findOneOrFail(Programme, programmeId);
    await notify(
      em,
      [
        {
          recipient,
          subject: `test:${sequence}`,
          kind: 'invitation',
          programme,
          render: () => ({ title, text: `${title}: Bitte antworten.` }),
        },
      ],
      activeChannels(app.plugins),
    );
  };
  await announce(salesProgramme, 'Kick-off Vertrieb');
  await announce(itProgramme, 'Kick-off IT');
  await delivered(app, 2);
  t.same(
    sales.posts.map((post) => post.path),
    ['/hooks/sales'],
    'one post to the sales chat',
  );
  t.same(
    it.posts.map((post) => post.path),
    ['/hooks/it'],
    'one post to the IT chat',
  );
  t.match(sales.posts[0]?.body, /Kick-off Vertrieb/);
  t.notMatch(sales.posts[0]?.body, /Kick-off IT/);
  t.match(it.posts[0]?.body, /Kick-off IT/);

  const inUse = await app.inject({
    method: 'DELETE',
    url: `/api/admin/channel-instances/${itChat}`,
    cookies: hr.cookies,
  });
  t.match([inUse.statusCode, inUse.json().message], [409, /used by IT für alle/]);

  const moved = await app.inject({
    method: 'PATCH',
    url: `/api/admin/channel-instances/${salesChat}`,
    cookies: hr.cookies,
    payload: { config: loopbackWebhook('TANDEM_SECRET_TEST_SALES_NEW_HOOK') },
  });
  t.equal(moved.statusCode, 200, moved.body);
  await announce(salesProgramme, 'Zweites Treffen');
  await delivered(app, 3);
  t.same(
    sales.posts.map((post) => post.path),
    ['/hooks/sales', '/hooks/sales-new'],
    'the next message goes to the new webhook, without a restart',
  );
  t.match(sales.posts[1]?.body, /Zweites Treffen/);
  t.equal(it.posts.length, 1, 'the IT chat got nothing more');

  delete process.env.TANDEM_SECRET_TEST_IT_HOOK;
  await announce(itProgramme, 'Ohne Geheimnis');
  const failed = await failedDelivery(app);
  t.equal(
    failed.lastError,
    'The webhook channel instance IT chat cannot be used: config field url: the environment variable TANDEM_SECRET_TEST_IT_HOOK is not set.',
    'a secret gone from the environment fails the delivery, saying where it was to come from',
  );
  t.equal(it.posts.length, 1, 'nothing posted');
});

/** Polls until a webhook delivery has failed. */
async function failedDelivery(app: FastifyInstance): Promise<Delivery> {
  for (let i = 0; i < 300; i++) {
    const [failed] = await app.orm.em
      .fork()
      .find(Delivery, { channel: 'webhook', state: 'failed' });
    if (failed) return failed;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no webhook delivery failed');
}

/** Polls until `count` webhook deliveries are delivered, or fails naming the last errors. */
async function delivered(app: FastifyInstance, count: number) {
  let rows: Delivery[] = [];
  for (let i = 0; i < 300; i++) {
    rows = await app.orm.em.fork().find(Delivery, { channel: 'webhook' });
    if (rows.length === count && rows.every((row) => row.state === 'delivered')) return;
    if (rows.some((row) => row.state === 'failed')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`webhook deliveries: ${JSON.stringify(rows.map((r) => [r.state, r.lastError]))}`);
}
