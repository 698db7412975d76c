import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { directoryCheck } from '../src/cli/directory-check.js';
import { directoryCommand, syncReport } from '../src/cli/directory-command.js';
import { loadConfig } from '../src/config.js';
import { OperatorError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { addDatabaseGauges } from '../src/metrics/database-gauges.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { syncDirectory } from '../src/modules/directory/directory-sync.js';
import { Enrolment } from '../src/modules/enrolment/enrolment.js';
import { Match } from '../src/modules/matching/match.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { mailTestApp, proposedPairs } from './helpers/proposed-pairs.js';
import { receivedInvitation } from './helpers/received-invitation.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';
import {
  BASE_DN,
  type DirectoryPerson,
  directorySettingsOf,
  ldapEnvironment,
  PEOPLE_DN,
  personDn,
  personLdif,
  SLAPD_ISSUER,
  type Slapd,
  startSlapd,
} from './helpers/slapd.js';

const ISSUER = SLAPD_ISSUER;

/** Active Directory's mapping, on slapd: the same code path as against a domain controller. */
function adEnvironment(slapd: Slapd, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    ...ldapEnvironment(slapd),
    LDAP_FILTER: '(objectClass=inetOrgPerson)',
    LDAP_ATTR_USERNAME: 'sAMAccountName',
    LDAP_ATTR_DEPARTMENT: 'department',
    LDAP_ATTR_DISABLED: 'userAccountControl',
    LDAP_PAGE_SIZE: '200',
    ...extra,
  };
}

async function slapdWith(t: Test, people: DirectoryPerson[]): Promise<Slapd> {
  const slapd = await startSlapd(people.map(personLdif));
  t.teardown(() => slapd.stop());
  return slapd;
}

function sync(app: FastifyInstance, env: Record<string, string>, dryRun = false) {
  return syncDirectory(app.meetingDependencies(), directorySettingsOf(env), ISSUER, { dryRun });
}

async function person(app: FastifyInstance, username: string) {
  return app.orm.em
    .fork()
    .findOneOrFail(User, { issuer: ISSUER, username }, { populate: ['manager'] });
}

/** The newest change to anyone, and how many audit events there are: a write moves either. */
async function lastWrite(app: FastifyInstance) {
  const [row] = await app.orm.em
    .fork()
    .execute<{ changed: Date; audits: string }[]>(
      'SELECT (SELECT max(updated_at) FROM app_user) AS changed, (SELECT count(*) FROM audit_event) AS audits',
    );
  return row;
}

/** Six hundred more people than one unpaged search of slapd returns (its size limit is 500). */
const staff: DirectoryPerson[] = Array.from({ length: 600 }, (_, i) => ({
  uid: `staff${i}`,
  name: `Staff ${i}`,
  mail: `staff${i}@agency.test`,
  department: 'Bürgerservice',
  manager: 'boss',
}));

const team: DirectoryPerson[] = [
  {
    uid: 'boss',
    name: 'Berta Boss',
    mail: 'boss@agency.test',
    department: 'Leitung',
    title: 'Amtsleiterin',
    language: 'de',
  },
  {
    uid: 'Anna',
    name: 'Anna Arnold',
    mail: 'anna@agency.test',
    department: 'IT',
    title: 'Referentin',
    manager: 'boss',
    language: 'de-DE',
  },
  {
    uid: 'ben',
    name: 'Ben Becker',
    mail: 'ben@agency.test',
    department: 'IT',
    title: 'Sachbearbeiter',
    manager: 'Anna',
    language: 'en-GB',
  },
  // Managers in a circle, and one outside the base DN: neither may trouble the sync.
  { uid: 'c1', name: 'Circle One', manager: 'c2' },
  { uid: 'c2', name: 'Circle Two', manager: 'c1' },
];

t.test('first sync, changes, a re-sync that writes nothing, a leaver and a returner', async (t) => {
  const slapd = await slapdWith(t, [...team, ...staff]);
  await slapd.modify(
    `dn: ${personDn('c2')}\nchangetype: modify\nadd: description\ndescription: x\n\ndn: uid=outside,${PEOPLE_DN}\nchangetype: add\nobjectClass: inetOrgPerson\nobjectClass: tandemTestAdUser\nuid: outside\nsAMAccountName: outside\ncn: Olga Outside\nsn: Outside\nmanager: uid=ghost,ou=elsewhere,${BASE_DN}\n`,
  );
  const app = await buildTestApp(t);
  // Someone who signed in before the sync: adopted, not created twice.
  const em = app.orm.em.fork();
  const early = em.create(User, {
    issuer: ISSUER,
    subject: 'sub-ben',
    username: 'BEN',
    name: 'Ben',
    email: 'ben@agency.test',
    locale: 'de',
  });
  await em.flush();
  const env = adEnvironment(slapd);

  const first = await sync(app, env);
  t.match(first.counts, { entries: 606, created: 605, updated: 1, deactivated: 0, skipped: 0 });
  const anna = await person(app, 'Anna');
  t.match(anna, {
    name: 'Anna Arnold',
    email: 'anna@agency.test',
    department: 'IT',
    title: 'Referentin',
    locale: 'de',
    directorySource: 'ldap',
    deactivatedAt: null,
  });
  t.match(anna.subject, /^urn:tandem:unlinked:/, 'linked at the first sign-in');
  t.equal(anna.manager?.username, 'boss');
  const ben = await person(app, 'ben');
  t.equal(ben.id, early.id, 'the person who signed in is adopted');
  t.equal(ben.subject, 'sub-ben');
  t.equal(ben.manager?.username, 'Anna');
  t.equal(ben.locale, 'de', 'a language of their own stays');
  t.equal((await person(app, 'c1')).manager?.username, 'c2');
  t.equal((await person(app, 'c2')).manager?.username, 'c1');
  t.equal((await person(app, 'outside')).manager, null, 'a manager outside the base DN is none');
  t.equal((await person(app, 'staff599')).manager?.username, 'boss');

  const before = await lastWrite(app);
  const again = await sync(app, env);
  t.match(again.counts, { created: 0, updated: 0, deactivated: 0, reactivated: 0, unchanged: 606 });
  t.same(await lastWrite(app), before, 'a re-sync with no changes writes nothing');

  await slapd.modify(
    `dn: ${personDn('Anna')}\nchangetype: modify\nreplace: department\ndepartment: IT-Sicherheit\n\ndn: ${personDn('ben')}\nchangetype: modify\nreplace: manager\nmanager: ${personDn('boss')}\n`,
  );
  const changed = await sync(app, env);
  t.match(changed.counts, { created: 0, updated: 2, unchanged: 604 });
  t.equal((await person(app, 'Anna')).department, 'IT-Sicherheit', 'a changed department');
  t.equal((await person(app, 'ben')).manager?.username, 'boss', 'a new manager');

  await slapd.modify(`dn: ${personDn('ben')}\nchangetype: delete\n`);
  const left = await sync(app, env);
  t.match(left.counts, { deactivated: 1 });
  t.not((await person(app, 'ben')).deactivatedAt, null, 'a deleted entry is a leaver');

  await slapd.modify(
    `dn: ${personDn('ben')}\nchangetype: add\nobjectClass: inetOrgPerson\nobjectClass: tandemTestAdUser\nuid: ben\nsAMAccountName: ben\ncn: Ben Becker\nsn: Becker\nuserAccountControl: 512\n`,
  );
  const back = await sync(app, env);
  t.match(back.counts, { reactivated: 1, created: 0 });
  const returned = await person(app, 'ben');
  t.equal(returned.deactivatedAt, null, 'the entry back: the account is back');
  t.equal(returned.id, early.id);
});

t.test('a dry run prints the plan and changes nothing', async (t) => {
  const slapd = await slapdWith(t, team);
  const app = await buildTestApp(t);
  const env = adEnvironment(slapd);
  const before = await lastWrite(app);
  const result = await sync(app, env, true);
  t.same(await lastWrite(app), before, 'nothing written');
  t.equal(await app.orm.em.fork().count(User, { username: 'boss' }), 0);
  const report = syncReport(result, true);
  t.match(report, /^Dry run, nothing saved: 5 entries read; 5 would be created/);
  t.match(report, /create {5}Anna \(Anna Arnold\)/);
});

t.test(
  'a wrong password: a clear error, nobody deactivated, doctor and metrics tell',
  async (t) => {
    const slapd = await slapdWith(t, team);
    const app = await buildTestApp(t);
    const env = adEnvironment(slapd);
    await sync(app, env);
    const wrong = { ...env, LDAP_BIND_PASSWORD: 'not-the-password' };
    await t.rejects(sync(app, wrong), {
      name: 'DirectoryUnavailable',
      message: /invalid credentials/,
    });
    t.equal(
      await app.orm.em.fork().count(User, { deactivatedAt: { $ne: null } }),
      0,
      'nobody deactivated',
    );
    const databaseUrl = app.orm.config.getClientUrl();
    const config = loadConfig({ ...wrong, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
    await t.rejects(
      directoryCommand(config, ['sync'], { dryRun: false }),
      new OperatorError(
        `directory sync failed, nobody changed: ${slapd.url} refused the bind as ${slapd.bindDn}: invalid credentials (check LDAP_BIND_DN and LDAP_BIND_PASSWORD)`,
        69,
      ),
      'the command says why in one line',
    );
    const check = await directoryCheck(config);
    t.match(check, {
      status: 'failed',
      detail: /failing since .*invalid credentials.*last sync ok at/,
    });
    const metrics = createMetrics();
    addDatabaseGauges(metrics, app.orm, createLogger({ logLevel: 'silent' }), {
      tasks: [],
      channels: () => [],
    });
    const text = await metrics.registry.metrics();
    t.match(text, /^tandem_directory_sync_failing 1$/m);
    t.match(text, /^tandem_directory_sync_failures_total 2$/m);
    t.match(text, /^tandem_directory_last_success_timestamp_seconds \d+/m);

    await slapd.stop();
    await t.rejects(sync(app, env), { message: /cannot reach/ }, 'an unreachable directory');
    t.equal(await app.orm.em.fork().count(User, { deactivatedAt: { $ne: null } }), 0);
  },
);

t.test('two syncs at once create everyone once', async (t) => {
  const slapd = await slapdWith(t, team);
  const app = await buildTestApp(t);
  const env = adEnvironment(slapd);
  const results = await Promise.all([sync(app, env), sync(app, env)]);
  t.same(results.map((r) => r.counts.created).sort(), [0, 5], 'the second waits, then finds them');
  t.equal(await app.orm.em.fork().count(User, { directorySource: 'ldap' }), 5);
});

t.test('a directory that suddenly lists nobody deactivates nobody', async (t) => {
  const slapd = await slapdWith(t, team);
  const app = await buildTestApp(t);
  await sync(app, adEnvironment(slapd));
  const empty = await sync(app, adEnvironment(slapd, { LDAP_FILTER: '(uid=nobody)' }));
  t.match(empty.refused, /listed nobody/);
  t.equal(await app.orm.em.fork().count(User, { deactivatedAt: { $ne: null } }), 0);
});

t.test(
  'a leaver in a published pair: pair dissolved, partner rematched, CANCEL sent',
  async (t) => {
    const sink = await startSmtpSink();
    t.teardown(() => sink.close());
    const app = await mailTestApp(t, sink);
    const { programme, people } = await proposedPairs(app, 1);
    const [leaver, partner] = people;
    if (!leaver || !partner) throw new Error('the fixture makes a pair');
    const em = app.orm.em.fork();
    for (const { user } of people)
      await em.nativeUpdate(User, { id: user.id }, { username: user.subject });
    // Someone free, with the leaver's hours: the partner's next mentor.
    const spare = em.create(User, {
      issuer: ISSUER,
      subject: 'spare',
      name: 'Mentorin frei',
      email: 'spare@agency.example',
      locale: 'de',
    });
    em.create(Enrolment, {
      programme: programme.id,
      user: spare,
      role: 'mentor',
      profile: { availability: leaver.windows },
    });
    await em.flush();
    const slapd = await slapdWith(
      t,
      people.map(({ user }) => ({
        uid: user.subject,
        name: user.name,
        mail: user.email ?? undefined,
      })),
    );
    const env = adEnvironment(slapd);
    t.match((await sync(app, env)).counts, { created: 0, updated: 2 }, 'both adopted');
    const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
    const published = await app.inject({
      method: 'POST',
      url: `/api/admin/programmes/${programme.id}/publish`,
      cookies: hr.cookies,
    });
    t.equal(published.statusCode, 200);
    await sink.waitFor(2, 30_000);

    await slapd.modify(
      `dn: ${personDn(leaver.user.subject)}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 514\n`,
    );
    const result = await sync(app, env);
    t.match(
      result.counts,
      { deactivated: 1, pairsDissolved: 1 },
      'the disabled bit makes a leaver',
    );
    // The new pair's invitations (rematched at once) may overtake a cancellation.
    const cancelled = () =>
      sink.messages
        .slice(2)
        .filter((m) => m.calendar)
        .map(receivedInvitation)
        .filter((c) => c.method === 'CANCEL');
    for (let i = 0; i < 300 && cancelled().length < 2; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    t.same(
      cancelled()
        .map((c) => [c.to, c.method])
        .sort(),
      [
        [partner.user.email, 'CANCEL'],
        [leaver.user.email, 'CANCEL'],
      ].sort(),
      'both calendars drop the meeting',
    );
    const dissolved = await app.orm.em.fork().findOneOrFail(Match, { id: leaver.match.id });
    t.match(dissolved, { state: 'dissolved', dissolvedReasonCode: 'left-organisation' });
    const partnerSession = await sessionFor(app, partner.user.id);
    let partners: string[] = [];
    for (let i = 0; i < 200 && partners.length === 0; i++) {
      const mine = await app.inject({ url: '/api/pairs', cookies: partnerSession.cookies });
      partners = mine.json().map((p: { partners: { name: string }[] }) => p.partners[0]?.name);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    t.same(partners, ['Mentorin frei'], 'the partner has a new mentor at once');
  },
);

t.test('bad settings stop start-up with one line', async (t) => {
  const base = {
    NODE_ENV: 'test',
    OIDC_ISSUER: ISSUER,
    OIDC_CLIENT_ID: 'tandem',
    OIDC_CLIENT_SECRET: 'secret',
    LDAP_URL: 'ldaps://dc01.agency.example',
    LDAP_BASE_DN: PEOPLE_DN,
  };
  const cases: [Record<string, string>, RegExp][] = [
    [{ LDAP_URL: 'ldap://dc01.agency.example' }, /sends the password unencrypted/],
    [
      { LDAP_URL: 'https://dc01.agency.example' },
      /LDAP_URL must be an ldaps:\/\/ or ldap:\/\/ URL/,
    ],
    [{ LDAP_BASE_DN: '' }, /LDAP_BASE_DN must be set when LDAP_URL is/],
    [{ LDAP_BIND_DN: 'cn=tandem' }, /LDAP_BIND_PASSWORD must be set when LDAP_BIND_DN is/],
    [{ LDAP_STARTTLS: 'true' }, /LDAP_STARTTLS=true goes with an ldap:\/\/ URL/],
    [{ LDAP_FILTER: 'objectClass=user' }, /LDAP_FILTER must be an LDAP filter in parentheses/],
    [{ LDAP_SYNC_CRON: '61 * * * *' }, /LDAP_SYNC_CRON/],
  ];
  for (const [change, message] of cases)
    t.throws(
      () => loadConfig({ ...base, ...change }),
      { name: 'OperatorError', message },
      JSON.stringify(change),
    );
  const ok = loadConfig({ ...base, LDAP_URL: 'ldap://dc01.agency.example', LDAP_STARTTLS: 'true' });
  t.match(ok.directory, {
    startTls: true,
    attributes: { username: 'uid', externalId: 'entryUUID' },
  });
});
