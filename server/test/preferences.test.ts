import t from 'tap';
import { activeChannels } from '../src/modules/notifications/active-channels.js';
import { Delivery } from '../src/modules/notifications/delivery.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { notify } from '../src/modules/notifications/notify.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

t.test('people choose their language and channels, and messages follow the choice', async (t) => {
  const app = await buildTestApp(t, {
    env: {
      TANDEM_PLUGIN_EMAIL_HOST: 'smtp.invalid',
      TANDEM_PLUGIN_EMAIL_FROM: 'tandem@agency.example',
    },
  });
  const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
  const preferences = (method: 'GET' | 'PUT', payload?: object) =>
    app.inject({
      method,
      url: '/api/me/preferences',
      cookies: lena.cookies,
      ...(payload ? { payload } : {}),
    });

  t.same((await preferences('GET')).json(), {
    locale: null,
    mutedChannels: [],
    channelAddresses: {},
  });
  const chosen = {
    locale: 'en',
    mutedChannels: ['email'],
    channelAddresses: { webhook: 'https://chat.agency.example/hooks/lena' },
  };
  t.same((await preferences('PUT', chosen)).json(), chosen);
  t.same((await preferences('GET')).json(), chosen, 'kept');

  const refused = async (payload: object, message: RegExp) => {
    const answer = await preferences('PUT', { ...chosen, ...payload });
    t.equal(answer.statusCode, 400);
    t.match(answer.json().message, message);
  };
  await refused({ mutedChannels: ['in-app'] }, /inbox cannot be turned off/);
  await refused({ mutedChannels: ['pigeon'] }, /no channel "pigeon".*email.*webhook/);
  await refused({ channelAddresses: { email: 'mailto:x@y.example' } }, /organisation account/);
  await refused({ channelAddresses: { webhook: 'not a url' } }, /uri/);

  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital im Dienst',
    kind: 'reverse-mentoring',
    state: 'running',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: { channels: ['email', 'webhook', 'in-app'] },
  });
  await em.flush();
  const user = await em.findOneOrFail(User, lena.userId);
  const sent = await em.transactional((tx) =>
    notify(
      tx,
      [
        {
          recipient: user,
          subject: 'test:1',
          kind: 'notice',
          programme,
          render: (locale) => ({ title: locale, text: `in ${locale}` }),
        },
      ],
      activeChannels(app.plugins),
    ),
  );
  t.equal(sent, 1);
  const [entry] = await em.find(Notification, { recipient: user });
  t.equal(entry?.title, 'en', 'rendered in the chosen language');
  const deliveries = await em.find(Delivery, { notification: entry?.id ?? '' });
  t.same(
    deliveries.map((delivery) => delivery.channel),
    ['webhook'],
    'no email when muted; the inbox entry is the in-app message',
  );
});

t.test(
  'a webhook on an internal address is refused when saved, unless the operator allows it',
  async (t) => {
    const app = await buildTestApp(t, {
      env: { TANDEM_PLUGIN_WEBHOOK_INTERNAL_NETWORKS: '["10.20.0.0/16"]' },
    });
    const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
    const save = (webhook: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/me/preferences',
        cookies: lena.cookies,
        payload: { locale: null, mutedChannels: [], channelAddresses: { webhook } },
      });
    const internal = [
      'http://127.0.0.1:8080/hooks/lena',
      'http://localhost:5432/',
      'https://[::1]/hooks/lena',
      'http://[::ffff:169.254.169.254]/latest/meta-data/',
      'matrix+http://192.168.1.10/webhook/x',
      'http://10.21.0.1/hooks/lena',
    ];
    for (const url of internal) {
      const answer = await save(url);
      t.equal(answer.statusCode, 400, url);
      t.match(answer.json().message, /The webhook address cannot be used: .*internal address/, url);
      t.match(answer.json(), { code: 'preferences.address', params: { channel: 'webhook' } }, url);
    }
    t.equal((await save('http://10.20.1.5/hooks/lena')).statusCode, 200, 'an allowed network');
    t.equal((await save('https://chat.agency.example/hooks/lena')).statusCode, 200, 'a name');
    t.same(
      (
        await app.inject({ method: 'GET', url: '/api/me/preferences', cookies: lena.cookies })
      ).json().channelAddresses,
      {
        webhook: 'https://chat.agency.example/hooks/lena',
      },
      'nothing internal was kept',
    );
  },
);

t.test(
  'an address saved before a channel grew stricter does not block other changes',
  async (t) => {
    const app = await buildTestApp(t);
    const lena = await signedInAs(app, { subject: 'lena', name: 'Lena Vogt' });
    const stored = 'http://192.168.1.10/hooks/lena';
    await app.orm.em
      .fork()
      .nativeUpdate(User, { id: lena.userId }, { channelAddresses: { webhook: stored } });
    const save = (locale: string, webhook: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/me/preferences',
        cookies: lena.cookies,
        payload: { locale, mutedChannels: [], channelAddresses: { webhook } },
      });
    t.equal(
      (await save('de', stored)).statusCode,
      200,
      'the language changes, the old address kept',
    );
    t.equal(
      (await save('de', 'http://192.168.1.11/hooks/lena')).statusCode,
      400,
      'a new one is judged',
    );
  },
);
