import t from 'tap';
import { adminCommand } from '../src/cli/admin-command.js';
import { loadConfig } from '../src/config.js';
import { openOrm } from '../src/db/orm.js';
import { EXIT_USAGE } from '../src/errors.js';
import { AuditEvent } from '../src/modules/audit/audit-event.js';
import { setAdmin } from '../src/modules/users/admin-grant.js';
import { User } from '../src/modules/users/user.js';
import { provisionUser } from '../src/modules/users/user-provisioning.js';
import { createTestDatabase } from './helpers/database.js';
import { spawnTandem } from './helpers/tandem-process.js';

const ISSUER = 'https://idp.agency.example';
const CLAIMS = {
  roles: 'groups',
  adminRoles: ['tandem-admin'],
  department: 'd',
  title: 't',
  username: 'preferred_username',
};

t.test('a granted admin role is audited and outlives sign-in; revoke takes it away', async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  const signIn = (groups: string[]) =>
    provisionUser(
      orm.em.fork(),
      ISSUER,
      { sub: 'ada', name: 'Ada', email: 'ada@amt.example', groups },
      CLAIMS,
    );
  const roles = async () => (await orm.em.fork().findOneOrFail(User, { subject: 'ada' })).roles;
  await signIn([]);

  const granted = await setAdmin(orm.em, 'ADA@amt.example', true, 'cli');
  t.equal(granted.changed, true);
  t.ok((await roles()).includes('admin'));
  t.equal((await setAdmin(orm.em, 'ada', true, 'cli')).changed, false, 'by subject; already admin');
  await signIn([]);
  t.ok((await roles()).includes('admin'), 'sign-in without the admin group keeps the granted role');

  const revoked = await setAdmin(orm.em, 'ada', false, 'cli');
  t.match(revoked, { changed: true, adminByClaim: false });
  t.same(await roles(), []);
  await signIn([]);
  t.same(await roles(), [], 'and sign-in does not bring it back');

  const audits = await orm.em
    .fork()
    .find(AuditEvent, { action: { $like: 'user.admin-%' } }, { orderBy: { at: 'asc' } });
  t.same(
    audits.map((a) => [a.action, a.targetId, a.data.via]),
    [
      ['user.admin-granted', granted.user.id, 'cli'],
      ['user.admin-revoked', granted.user.id, 'cli'],
    ],
  );

  await signIn(['tandem-admin']);
  t.match(
    await setAdmin(orm.em, 'ada', false, 'cli'),
    { changed: true, adminByClaim: true },
    'the operator learns the claim brings it back',
  );
  await t.rejects(setAdmin(orm.em, 'nobody@amt.example', true, 'cli'), {
    kind: 'not-found',
    message: 'Nobody known to Tandem has nobody@amt.example.',
  });
});

t.test('`tandem admin grant` says what it did; a wrong argument prints the usage', async (t) => {
  const url = await createTestDatabase(t);
  const orm = await openOrm(url);
  t.teardown(() => orm.close());
  await provisionUser(
    orm.em.fork(),
    ISSUER,
    { sub: 'bernd', name: 'Bernd Leitung', email: 'bernd@amt.example' },
    CLAIMS,
  );
  const grant = spawnTandem(t, ['admin', 'grant', 'bernd@amt.example'], { DATABASE_URL: url });
  t.equal((await grant.exit).code, 0, grant.output());
  t.equal(grant.stdout(), 'Bernd Leitung (bernd@amt.example) is now an admin.\n');
  await t.rejects(adminCommand(loadConfig({ DATABASE_URL: url }), ['promote', 'bernd']), {
    message: 'Usage: tandem admin grant|revoke <email or subject>',
    exitCode: EXIT_USAGE,
  });
});
