import t from 'tap';
import { recordAudit } from '../src/modules/audit/audit-log.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { Programme } from '../src/modules/programmes/programme.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { signedInAs } from './helpers/sessions.js';

t.test('the audit log names the programmes, people and pairs its events mention', async (t) => {
  const app = await buildTestApp(t);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR Admin', roles: ['admin'] });
  const em = app.orm.em.fork();
  const programme = em.create(Programme, {
    name: 'Digital fit',
    kind: 'reverse-mentoring',
    curriculum: 'qa-quickstart',
    matchingStrategy: 'weighted',
    settings: {},
  });
  const [ada, ben] = ['Ada', 'Ben'].map((name) =>
    em.create(User, { issuer: 'https://idp.test', subject: name, name }),
  ) as [User, User];
  const [first, second] = [ada, ben].map((user) =>
    em.create(Enrolment, { programme, user, role: 'either' }),
  ) as [Enrolment, Enrolment];
  const match = em.create(Match, { programme, state: 'proposed' });
  await em.flush();
  const actorId = hr.userId;
  await recordAudit(em, {
    action: 'matching.forbidden',
    actorId,
    targetType: 'programme',
    targetId: programme.id,
    data: { enrolmentIds: [first.id, second.id] },
  });
  await recordAudit(em, {
    action: 'matching.pinned',
    actorId,
    targetType: 'match',
    targetId: match.id,
    data: { programmeId: programme.id },
  });
  await recordAudit(em, { action: 'user.admin-granted', targetType: 'user', targetId: ada.id });
  await recordAudit(em, { action: 'programme.created', targetId: 'not-an-id' });

  const page = (await app.inject({ url: '/api/admin/audit', cookies: hr.cookies })).json();
  t.equal(page.events.length, 4);
  t.same(
    page.names,
    {
      [programme.id]: 'Digital fit',
      [match.id]: 'Digital fit',
      [ada.id]: 'Ada',
      [first.id]: 'Ada',
      [second.id]: 'Ben',
    },
    'each id by its name, a pair by its programme, and nothing for what is no id',
  );
});
