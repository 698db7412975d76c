import t from 'tap';
import { remindApprovals } from '../src/modules/approvals/approval-reminders.js';
import { expireApprovals } from '../src/modules/approvals/expire-approvals.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { matchInput } from '../src/modules/matching/match-input.js';
import { activeChannels } from '../src/modules/notifications/active-channels.js';
import { Notification } from '../src/modules/notifications/notification.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import {
  approvalProgramme,
  enrolPayload,
  latestInbox,
  person,
} from './helpers/approval-programme.js';
import { buildTestApp } from './helpers/build-test-app.js';

const DAY_MS = 86_400_000;
const SETTINGS = { managerApproval: true, approvalExpiryDays: 4 };

t.test('a manager from the directory approves one enrolment and declines another', async (t) => {
  const app = await buildTestApp(t);
  const { id, admin } = await approvalProgramme(app, SETTINGS);
  const maria = await person(app, 'Maria');
  const lena = await person(app, 'Lena', maria.userId);
  const jonas = await person(app, 'Jonas', maria.userId);
  const klaus = await person(app, 'Klaus');

  const waiting = await lena.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  t.match(waiting.json(), { state: 'awaiting-approval', waitlistPosition: null });
  await jonas.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload('mentor'));

  const asked = await latestInbox(maria.as);
  t.match(asked, {
    title: 'Jonas möchte an „KI im Arbeitsalltag“ teilnehmen',
    text: /bittet Sie als Führungskraft um Ihre Zustimmung/,
    link: /^\/approvals\/[0-9a-f-]{36}$/,
  });
  const mine = (await maria.as('GET', '/api/approvals')).json();
  t.same(
    mine.map((a: { person: string; state: string }) => [a.person, a.state]).sort(),
    [
      ['Jonas', 'pending'],
      ['Lena', 'pending'],
    ],
    'the manager sees both requests',
  );
  t.same(
    Object.keys(mine[0]).sort(),
    ['answeredAt', 'expiresAt', 'id', 'person', 'programme', 'requestedAt', 'state'],
    'and only who wants to join which programme: nothing of their profile',
  );
  const approvalOf = (name: string) => mine.find((a: { person: string }) => a.person === name).id;

  const input = await matchInput(
    app.orm.em.fork(),
    await app.orm.em.fork().findOneOrFail(Programme, id),
    1,
  );
  t.same(input.candidates, [], 'nobody waiting for approval is matched');

  for (const verb of ['approve', 'decline'])
    t.equal(
      (await klaus.as('POST', `/api/approvals/${approvalOf('Lena')}/${verb}`)).statusCode,
      404,
      `someone else cannot ${verb}`,
    );
  t.equal((await klaus.as('GET', `/api/approvals/${approvalOf('Lena')}`)).statusCode, 404);

  const approved = await maria.as('POST', `/api/approvals/${approvalOf('Lena')}/approve`);
  t.match(approved.json(), { state: 'approved', person: 'Lena', answeredAt: /^\d{4}-/ });
  t.match((await lena.as('GET', `/api/programmes/${id}`)).json().enrolment, { state: 'active' });
  t.match(await latestInbox(lena.as), {
    title: 'Ihre Führungskraft hat zugestimmt: Sie nehmen an „KI im Arbeitsalltag“ teil',
    link: `/programmes/${id}/enrol`,
  });

  const declined = await maria.as('POST', `/api/approvals/${approvalOf('Jonas')}/decline`);
  t.match(declined.json(), { state: 'declined' });
  t.match((await jonas.as('GET', `/api/programmes/${id}`)).json().enrolment, {
    state: 'declined',
  });
  t.match(await latestInbox(jonas.as), {
    title: 'Ihre Anmeldung zu „KI im Arbeitsalltag“ wurde nicht genehmigt',
  });
  t.match((await maria.as('POST', `/api/approvals/${approvalOf('Lena')}/decline`)).json(), {
    statusCode: 409,
    code: 'approval.not-pending',
    params: { state: 'approved' },
  });

  const table = (await admin('GET', `/api/admin/programmes/${id}/enrolments`)).json();
  t.same(
    table.items.map((row: { name: string; state: string }) => [row.name, row.state]),
    [
      ['Jonas', 'declined'],
      ['Lena', 'active'],
    ],
    'admins see how each enrolment stands',
  );
  const audit = await app.orm.em
    .fork()
    .find(AuditEvent, { action: { $like: 'enrolment.%' } }, { orderBy: { id: 'asc' } });
  t.same(
    audit.map((event) => [event.action, event.data.onBehalfOfManager]),
    [
      ['enrolment.approved', false],
      ['enrolment.declined', false],
    ],
  );

  const again = await jonas.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload('mentor'));
  t.match(again.json(), { state: 'awaiting-approval' }, 'after a no, one may ask anew');
});

t.test('following the link in the message changes nothing; the button answers', async (t) => {
  const app = await buildTestApp(t);
  const { id } = await approvalProgramme(app, SETTINGS);
  const maria = await person(app, 'Maria');
  const lena = await person(app, 'Lena', maria.userId);
  await lena.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  const { link } = await latestInbox(maria.as);
  const approvalId = link.split('/').pop();

  for (let i = 0; i < 2; i++)
    t.match((await maria.as('GET', `/api/approvals/${approvalId}`)).json(), {
      person: 'Lena',
      programme: { id, name: 'KI im Arbeitsalltag' },
      state: 'pending',
    });
  t.match((await lena.as('GET', `/api/programmes/${id}`)).json().enrolment, {
    state: 'awaiting-approval',
  });
  t.match((await maria.as('POST', `/api/approvals/${approvalId}/approve`)).json(), {
    state: 'approved',
  });
  t.match((await maria.as('POST', `/api/approvals/${approvalId}/approve`)).json(), {
    statusCode: 409,
    params: { state: 'approved' },
  });
});

t.test('an unanswered request is reminded once halfway, then runs out', async (t) => {
  const app = await buildTestApp(t);
  const { id } = await approvalProgramme(app, SETTINGS);
  const maria = await person(app, 'Maria');
  const lena = await person(app, 'Lena', maria.userId);
  await lena.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  const [approval] = (await maria.as('GET', '/api/approvals')).json();
  const start = Date.parse(approval.requestedAt);
  const at = (days: number) => new Date(start + days * DAY_MS + 60_000);
  const channels = activeChannels(app.plugins);
  const em = app.orm.em;

  t.equal(await remindApprovals(em, channels, at(1)), 0, 'not yet after a day');
  t.equal(await remindApprovals(em, channels, at(2)), 1, 'halfway the manager is reminded');
  t.equal(await remindApprovals(em, channels, at(3)), 0, 'once only');
  t.match(await latestInbox(maria.as), {
    title: 'Erinnerung: Lena wartet auf Ihre Zustimmung',
    link: `/approvals/${approval.id}`,
  });

  t.equal(await expireApprovals(em, channels, at(3)), 0, 'still time to answer');
  t.equal(await expireApprovals(em, channels, at(4)), 1, 'after approvalExpiryDays it runs out');
  t.equal(await expireApprovals(em, channels, at(5)), 0);
  t.match((await lena.as('GET', `/api/programmes/${id}`)).json().enrolment, { state: 'expired' });
  t.match(await latestInbox(lena.as), {
    title: 'Ihre Anmeldung zu „KI im Arbeitsalltag“ ist abgelaufen',
  });
  t.match((await maria.as('POST', `/api/approvals/${approval.id}/approve`)).json(), {
    statusCode: 409,
    params: { state: 'expired' },
  });
});

t.test('without a manager to ask, an admin answers on their behalf', async (t) => {
  const app = await buildTestApp(t);
  const { id, admin } = await approvalProgramme(app, SETTINGS);
  const gone = await person(app, 'Gerd');
  await app.orm.em.fork().nativeUpdate(User, { id: gone.userId }, { deactivatedAt: new Date() });
  const otto = await person(app, 'Otto');
  const ute = await person(app, 'Ute', gone.userId);
  await otto.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  await ute.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  t.equal(
    await app.orm.em.fork().count(Notification, { recipient: gone.userId }),
    0,
    'who left is not asked',
  );

  const pending = (await admin('GET', `/api/admin/programmes/${id}/approvals`)).json();
  t.match(pending, [
    { person: 'Otto', manager: null, state: 'pending' },
    { person: 'Ute', manager: null, state: 'pending' },
  ]);
  t.equal(
    (await otto.as('POST', `/api/admin/approvals/${pending[0].id}/approve`)).statusCode,
    403,
    'participants cannot answer on anybody’s behalf',
  );
  const answered = await admin('POST', `/api/admin/approvals/${pending[0].id}/approve`);
  t.match(answered.json(), { state: 'approved', person: 'Otto' });
  t.match((await otto.as('GET', `/api/programmes/${id}`)).json().enrolment, { state: 'active' });
  t.match((await admin('GET', `/api/admin/programmes/${id}/approvals?state=approved`)).json(), [
    { person: 'Otto', answeredBy: 'HR' },
  ]);
  const [event] = await app.orm.em.fork().find(AuditEvent, { action: 'enrolment.approved' });
  t.match(event, { targetId: otto.userId, data: { onBehalfOfManager: true, programmeId: id } });
});

t.test('withdrawing while waiting withdraws the request too', async (t) => {
  const app = await buildTestApp(t);
  const { id } = await approvalProgramme(app, SETTINGS);
  const maria = await person(app, 'Maria');
  const lena = await person(app, 'Lena', maria.userId);
  await lena.as('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
  t.match((await lena.as('DELETE', `/api/programmes/${id}/enrolment`)).json(), {
    state: 'withdrawn',
  });
  const [approval] = (await maria.as('GET', '/api/approvals')).json();
  t.equal(approval.state, 'withdrawn');
  t.match((await maria.as('POST', `/api/approvals/${approval.id}/approve`)).json(), {
    statusCode: 409,
  });
});
