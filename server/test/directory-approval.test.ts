import t from 'tap';
import { syncDirectory } from '../src/modules/directory/directory-sync.js';
import { User } from '../src/modules/users/user.js';
import { approvalProgramme, enrolPayload } from './helpers/approval-programme.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { sessionFor } from './helpers/sessions.js';
import {
  directorySettingsOf,
  ldapEnvironment,
  personDn,
  personLdif,
  SLAPD_ISSUER,
  startSlapd,
} from './helpers/slapd.js';

const ISSUER = SLAPD_ISSUER;

t.test(
  'the line manager the directory names answers the requests; when they leave, the admins do',
  async (t) => {
    const slapd = await startSlapd(
      [
        { uid: 'maria', name: 'Maria Berger', language: 'de' },
        { uid: 'lena', name: 'Lena Koch', manager: 'maria', language: 'de' },
        { uid: 'jonas', name: 'Jonas Wolf', manager: 'maria', language: 'de' },
      ].map(personLdif),
    );
    t.teardown(() => slapd.stop());
    const app = await buildTestApp(t);
    const directory = directorySettingsOf({ NODE_ENV: 'test', ...ldapEnvironment(slapd) });
    const sync = () =>
      syncDirectory(app.meetingDependencies(), directory, ISSUER, { dryRun: false });
    await sync();

    const em = app.orm.em.fork();
    const [maria, lena, jonas] = await Promise.all(
      ['maria', 'lena', 'jonas'].map((username) =>
        em.findOneOrFail(User, { issuer: ISSUER, username }),
      ),
    );
    if (!maria || !lena || !jonas) throw new Error('the sync creates all three');
    t.equal(lena.manager?.id, maria.id, 'the directory names Lena’s manager');
    const as = async (user: User) => {
      const { cookies } = await sessionFor(app, user.id);
      return (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
        app.inject({ method, url, cookies, ...(payload ? { payload } : {}) });
    };
    const { id, admin } = await approvalProgramme(app, { managerApproval: true });
    await (await as(lena))('PUT', `/api/programmes/${id}/enrolment`, enrolPayload());
    await (await as(jonas))('PUT', `/api/programmes/${id}/enrolment`, enrolPayload('mentor'));

    const asMaria = await as(maria);
    const asked = (await asMaria('GET', '/api/approvals')).json();
    const approvalOf = (name: string) =>
      asked.find((a: { person: string }) => a.person === name)?.id;
    t.same(asked.map((a: { person: string }) => a.person).sort(), ['Jonas Wolf', 'Lena Koch']);
    t.equal(
      (await asMaria('POST', `/api/approvals/${approvalOf('Lena Koch')}/approve`)).statusCode,
      200,
    );
    t.equal(
      (await asMaria('POST', `/api/approvals/${approvalOf('Jonas Wolf')}/decline`)).statusCode,
      200,
    );
    const states = async () =>
      (await admin('GET', `/api/admin/programmes/${id}/enrolments`))
        .json()
        .items.map((row: { name: string; state: string }) => [row.name, row.state]);
    t.same(await states(), [
      ['Jonas Wolf', 'declined'],
      ['Lena Koch', 'active'],
    ]);

    // Jonas asks again; before Maria answers, she leaves the agency.
    await (await as(jonas))('PUT', `/api/programmes/${id}/enrolment`, enrolPayload('mentor'));
    await slapd.modify(`dn: ${personDn('maria')}\nchangetype: delete\n`);
    await sync();
    const waiting = (await admin('GET', `/api/admin/programmes/${id}/approvals`)).json();
    t.match(
      waiting,
      [{ person: 'Jonas Wolf', manager: null, state: 'pending' }],
      'the request Maria can no longer answer waits for the admins',
    );
    t.equal((await asMaria('GET', '/api/approvals')).statusCode, 401, 'Maria is signed out');
  },
);
