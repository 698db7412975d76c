import fc from 'fast-check';
import t from 'tap';
import { LoginError } from '../src/auth/login-error.js';
import { safeReturnTo } from '../src/auth/return-to.js';
import { refreshedRoles, rolesFrom } from '../src/modules/users/tandem-roles.js';
import { claimAt, claimedRoles } from '../src/modules/users/user-provisioning.js';
import { REVIEWED_TRICKS, returnToTricks } from './helpers/return-to-tricks.js';

const PUBLIC_URL = 'https://tandem.example.org';

t.test('returnTo stays on this site', async (t) => {
  t.equal(safeReturnTo(undefined, PUBLIC_URL), '/');
  t.equal(safeReturnTo('', PUBLIC_URL), '/');
  t.equal(safeReturnTo('/programmes?tab=mine#top', PUBLIC_URL), '/programmes?tab=mine#top');
  t.equal(safeReturnTo('/a/../b', PUBLIC_URL), '/b');
  for (const offSite of [
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'evil.example',
    'javascript:alert(1)',
    '/\tx',
    ...REVIEWED_TRICKS,
  ]) {
    const error = t.throws(() => safeReturnTo(offSite, PUBLIC_URL), offSite) as LoginError;
    t.equal(error.reason, 'return-to-off-site');
    t.equal(error.statusCode, 400);
  }
});

t.test('no path trick gets a Location that a browser reads as another origin', async (t) => {
  const bases = fc.constantFrom(PUBLIC_URL, 'http://127.0.0.1:8080');
  let accepted = 0;
  fc.assert(
    fc.property(returnToTricks, bases, (value, publicUrl) => {
      let location: string;
      try {
        location = safeReturnTo(value, publicUrl);
      } catch (error) {
        return error instanceof LoginError && error.reason === 'return-to-off-site';
      }
      accepted++;
      const origin = new URL(publicUrl).origin;
      // A browser resolves Location against the URL it asked for: the sign-in callback.
      const landing = new URL(location, `${publicUrl}/auth/callback?code=c&state=s`);
      return landing.origin === origin && !location.startsWith('//') && !location.startsWith('/\\');
    }),
    { numRuns: 5000 },
  );
  t.ok(accepted > 0, `paths on this site still pass (${accepted} of 5000)`);
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

t.test('roles come from the configured roles claim values only', async (t) => {
  const mapping = {
    roles: 'realm_access.roles',
    adminRoles: ['tandem-admin', 'hr'],
    programmeManagerRoles: ['pm'],
    reportReaderRoles: ['council', 'dpo'],
  };
  t.same(claimedRoles({ realm_access: { roles: ['user', 'hr'] } }, mapping), ['admin']);
  t.same(claimedRoles({ realm_access: { roles: ['user'] } }, mapping), []);
  t.same(
    claimedRoles({ realm_access: { roles: 'hr' } }, mapping),
    ['admin'],
    'a single string counts',
  );
  t.same(claimedRoles({ groups: ['tandem-admin'] }, mapping), [], 'another claim does not count');
  t.same(claimedRoles({}, mapping), []);
  t.same(
    claimedRoles({ realm_access: { roles: ['dpo', 'pm', 'user'] } }, mapping),
    ['programme-manager', 'report-reader'],
    'every role the values give',
  );
  t.same(rolesFrom(['council'], mapping), ['report-reader'], 'group names map alike (SCIM)');
  t.same(rolesFrom(['hr', 'pm', 'dpo'], mapping), ['admin', 'programme-manager', 'report-reader']);
});

t.test('roles granted in Tandem outlive a sign-in whose claims lack them', async (t) => {
  const stored = ['report-reader', 'programme-manager', 'granted:programme-manager'];
  t.same(refreshedRoles(stored, []), ['programme-manager', 'granted:programme-manager']);
  t.same(refreshedRoles(stored, ['admin']), [
    'admin',
    'programme-manager',
    'granted:programme-manager',
  ]);
  t.same(refreshedRoles(['admin'], []), [], 'a role from the claims goes with the claims');
});
