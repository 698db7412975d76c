import t from 'tap';
import type { LoginError } from '../src/auth/login-error.js';
import { safeReturnTo } from '../src/auth/return-to.js';
import { claimAt, rolesFrom } from '../src/modules/users/user-provisioning.js';

t.test('returnTo stays on this site', async (t) => {
  t.equal(safeReturnTo(undefined), '/');
  t.equal(safeReturnTo(''), '/');
  t.equal(safeReturnTo('/programmes?tab=mine#top'), '/programmes?tab=mine#top');
  t.equal(safeReturnTo('/a/../b'), '/b');
  for (const offSite of [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'evil.example',
    'javascript:alert(1)',
    '/\tx',
  ]) {
    const error = t.throws(() => safeReturnTo(offSite), offSite) as LoginError;
    t.equal(error.reason, 'return-to-off-site');
    t.equal(error.statusCode, 400);
  }
});

t.test('claims are read by name or dotted path', async (t) => {
  const claims = {
    groups: ['a'],
    realm_access: { roles: ['tandem-admin', 'x'] },
    'extension.title': 'flat',
  };
  t.same(claimAt(claims, 'groups'), ['a']);
  t.same(claimAt(claims, 'realm_access.roles'), ['tandem-admin', 'x']);
  t.equal(
    claimAt(claims, 'extension.title'),
    'flat',
    'a claim whose name has a dot wins over the path',
  );
  t.equal(claimAt(claims, 'realm_access.roles.0.x'), undefined);
  t.equal(claimAt(claims, 'missing.path'), undefined);
});

t.test('admin comes from the configured roles claim values only', async (t) => {
  const mapping = { roles: 'realm_access.roles', adminRoles: ['tandem-admin', 'hr'] };
  t.same(rolesFrom({ realm_access: { roles: ['user', 'hr'] } }, mapping), ['admin']);
  t.same(rolesFrom({ realm_access: { roles: ['user'] } }, mapping), []);
  t.same(
    rolesFrom({ realm_access: { roles: 'hr' } }, mapping),
    ['admin'],
    'a single string counts',
  );
  t.same(rolesFrom({ groups: ['tandem-admin'] }, mapping), [], 'another claim does not count');
  t.same(rolesFrom({}, mapping), []);
});
