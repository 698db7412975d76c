import t from 'tap';
import { Session } from '../src/auth/session.js';
import { Match } from '../src/modules/matching/match.js';
import { ScimGroup } from '../src/modules/scim/scim-group.js';
import { User } from '../src/modules/users/user.js';
import { provisionUser } from '../src/modules/users/user-provisioning.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { runningPair } from './helpers/publish-pair.js';
import { idOf, resourcesOf, scimClient } from './helpers/scim-client.js';
import { sessionFor, signedInAs } from './helpers/sessions.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const PUBLIC_URL = 'http://localhost:3000';

const env = { PUBLIC_URL, OIDC_ADMIN_ROLES: 'tandem-admins' };

const ada = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
  userName: 'ada.lovelace@amt.example',
  externalId: 'e-1001',
  name: { givenName: 'Ada', familyName: 'Lovelace' },
  displayName: 'Ada Lovelace',
  emails: [{ value: 'ada@amt.example', type: 'work', primary: true }],
  title: 'Referentin',
  active: true,
  [ENTERPRISE]: { department: 'IT-Referat' },
};

t.test('a person is created, found by filter, changed by PATCH and PUT', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);

  const created = await call('POST', '/Users', ada);
  t.equal(created.statusCode, 201);
  t.match(created.contentType, /^application\/scim\+json/);
  const id = idOf(created);
  t.match(created.body, {
    userName: 'ada.lovelace@amt.example',
    externalId: 'e-1001',
    displayName: 'Ada Lovelace',
    active: true,
    emails: [{ value: 'ada@amt.example', primary: true }],
    [ENTERPRISE]: { department: 'IT-Referat' },
    meta: { resourceType: 'User', location: `${PUBLIC_URL}/scim/v2/Users/${id}` },
  });
  const person = await app.orm.em.fork().findOneOrFail(User, id);
  t.match(person, {
    name: 'Ada Lovelace',
    username: 'ada.lovelace@amt.example',
    directorySource: 'scim',
    department: 'IT-Referat',
    title: 'Referentin',
    subject: /^urn:tandem:unlinked:/,
  });

  for (const filter of [
    'userName eq "ADA.Lovelace@amt.example"',
    'externalId eq "e-1001"',
    'emails[type eq "work"].value eq "ada@amt.example"',
    'emails.value eq "ADA@amt.example"',
    `id eq "${id}" and userName eq "ada.lovelace@amt.example"`,
  ]) {
    const found = await call('GET', `/Users?filter=${encodeURIComponent(filter)}`);
    t.equal(found.statusCode, 200, filter);
    t.same(
      resourcesOf(found).map((r) => r.id),
      [id],
      `${filter} finds her`,
    );
    t.match(found.body, { totalResults: 1, startIndex: 1, itemsPerPage: 1 });
  }
  const none = await call('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody"')}`);
  t.match(none.body, { totalResults: 0, Resources: [] }, 'nobody else');

  // A manager, then PATCH: department replaced, manager set, title removed.
  const grace = await call('POST', '/Users', {
    userName: 'grace@amt.example',
    displayName: 'Grace Hopper',
  });
  const graceId = idOf(grace);
  const patched = await call('PATCH', `/Users/${id}`, {
    schemas: [PATCH],
    Operations: [
      { op: 'replace', path: `${ENTERPRISE}:department`, value: 'Personalamt' },
      { op: 'add', path: `${ENTERPRISE}:manager`, value: { value: graceId } },
      { op: 'remove', path: 'title' },
      { op: 'replace', path: 'displayName', value: 'Ada King' },
    ],
  });
  t.equal(patched.statusCode, 200);
  t.match(patched.body, {
    displayName: 'Ada King',
    [ENTERPRISE]: { department: 'Personalamt', manager: { value: graceId } },
  });
  t.notOk((patched.body as { title?: string }).title, 'title removed');
  const changed = await app.orm.em.fork().findOneOrFail(User, id);
  t.match(changed, { name: 'Ada King', department: 'Personalamt', title: null });
  t.equal(changed.manager?.id, graceId, 'her manager is Grace');

  const removed = await call('PATCH', `/Users/${id}`, {
    schemas: [PATCH],
    Operations: [{ op: 'remove', path: `${ENTERPRISE}:manager` }],
  });
  t.equal(removed.statusCode, 200);
  t.equal((await app.orm.em.fork().findOneOrFail(User, id)).manager, null, 'manager removed');

  // A generic connector replaces the whole resource: what it leaves out is cleared.
  const replaced = await call('PUT', `/Users/${id}`, {
    userName: 'ada.lovelace@amt.example',
    externalId: 'e-1001',
    displayName: 'Ada Lovelace',
    emails: [{ value: 'ada.lovelace@amt.example', type: 'work' }],
  });
  t.equal(replaced.statusCode, 200);
  t.match(await app.orm.em.fork().findOneOrFail(User, id), {
    name: 'Ada Lovelace',
    email: 'ada.lovelace@amt.example',
    department: null,
  });
});

t.test('the first sign-in under the userName takes over the person SCIM made', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  const id = idOf(await call('POST', '/Users', ada));
  const { issuer } = await app.orm.em.fork().findOneOrFail(User, id);
  const { user } = await provisionUser(
    app.orm.em.fork(),
    issuer,
    { sub: 'entra-oid-1', name: 'Ada L.', preferred_username: 'Ada.Lovelace@amt.example' },
    {
      roles: 'roles',
      adminRoles: ['tandem-admins'],
      department: 'department',
      title: 'title',
      username: 'preferred_username',
    },
  );
  t.equal(user.id, id, 'the same person');
  t.match(await app.orm.em.fork().findOneOrFail(User, id), {
    subject: 'entra-oid-1',
    name: 'Ada Lovelace',
    department: 'IT-Referat',
  });
  t.equal((await call('GET', `/Users/${id}`)).statusCode, 200, 'still provisioned');
});

t.test('active false makes the person a leaver; true brings them back', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  const id = idOf(await call('POST', '/Users', ada));
  await sessionFor(app, id);
  t.equal(await app.orm.em.fork().count(Session, { user: id }), 1, 'signed in');
  const partner = await signedInAs(app, { subject: 'partner', name: 'Paul Partner' });
  const { pairId } = await runningPair(app, {
    name: 'Reverse Mentoring',
    mentorId: partner.userId,
    menteeId: id,
  });

  const off = await call('PATCH', `/Users/${id}`, {
    schemas: [PATCH],
    Operations: [{ op: 'replace', path: 'active', value: false }],
  });
  t.equal(off.statusCode, 200);
  t.match(off.body, { active: false });
  const leaver = await app.orm.em.fork().findOneOrFail(User, id);
  t.ok(leaver.deactivatedAt, 'deactivated');
  t.equal(await app.orm.em.fork().count(Session, { user: id }), 0, 'their sessions ended');
  t.match(
    await app.orm.em.fork().findOneOrFail(Match, pairId),
    { state: 'dissolved', dissolvedReasonCode: 'left-organisation' },
    'their pair dissolved',
  );

  const inactive = await call(
    'GET',
    `/Users?filter=${encodeURIComponent('userName eq "ada.lovelace@amt.example"')}`,
  );
  t.match(resourcesOf(inactive), [{ id, active: false }], 'still found, as inactive');

  const on = await call('PATCH', `/Users/${id}`, {
    schemas: [PATCH],
    Operations: [{ op: 'replace', path: 'active', value: true }],
  });
  t.match(on.body, { active: true });
  t.equal((await app.orm.em.fork().findOneOrFail(User, id)).deactivatedAt, null, 'back');
});

t.test(
  'DELETE ends the provisioning; the userName provisioned again takes the row back',
  async (t) => {
    const app = await buildTestApp(t, { env });
    const { call } = await scimClient(app);
    const id = idOf(await call('POST', '/Users', ada));
    const deleted = await call('DELETE', `/Users/${id}`);
    t.equal(deleted.statusCode, 204);
    t.equal(deleted.body, undefined, 'no body');
    const gone = await call('GET', `/Users/${id}`);
    t.equal(gone.statusCode, 404);
    t.match(gone.body, { schemas: [ERROR], status: '404' });
    const row = await app.orm.em.fork().findOneOrFail(User, id);
    t.ok(row.deactivatedAt, 'a leaver, kept for the retention rules');
    t.equal(row.directorySource, null, 'no longer provisioned');
    const list = await call('GET', `/Users?filter=${encodeURIComponent('externalId eq "e-1001"')}`);
    t.equal(resourcesOf(list).length, 0, 'not found by filter either');

    const again = await call('POST', '/Users', ada);
    t.equal(again.statusCode, 201);
    t.equal(idOf(again), id, 'the same person');
    t.match(again.body, { active: true });
  },
);

t.test('groups give their members roles; sign-in does not take them away', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  const id = idOf(await call('POST', '/Users', ada));
  const other = idOf(await call('POST', '/Users', { userName: 'bob@amt.example' }));
  const rolesOf = async (userId: string) =>
    (await app.orm.em.fork().findOneOrFail(User, userId)).roles;

  // Before any group is provisioned, sign-in sets the roles from the roles claim.
  const mapping = {
    roles: 'roles',
    adminRoles: ['tandem-admins'],
    department: 'department',
    title: 'title',
    username: 'preferred_username',
  };
  const signIn = async (userId: string, roles: string[]) => {
    const person = await app.orm.em.fork().findOneOrFail(User, userId);
    await provisionUser(
      app.orm.em.fork(),
      person.issuer,
      { sub: person.subject, name: person.name, roles },
      mapping,
    );
  };
  await signIn(other, ['tandem-admins']);
  t.same(await rolesOf(other), ['admin'], 'no groups yet: the claim makes an admin');

  const group = await call('POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName: 'tandem-admins',
    externalId: 'g-1',
    members: [{ value: id }],
  });
  t.equal(group.statusCode, 201);
  const groupId = idOf(group);
  t.match(group.body, { displayName: 'tandem-admins', members: [{ value: id }] });
  t.same(await rolesOf(id), ['admin'], 'a member of the admin group is an admin');

  t.same(await rolesOf(other), [], 'the first group takes over: the claim no longer counts');
  // Sign-in with a roles claim without the admin role keeps the roles the groups gave.
  await signIn(id, []);
  t.same(await rolesOf(id), ['admin'], 'sign-in leaves a SCIM-managed person’s roles');
  await signIn(other, ['tandem-admins']);
  t.same(await rolesOf(other), [], 'nor does the claim give a role back');

  const swapped = await call('PATCH', `/Groups/${groupId}`, {
    schemas: [PATCH],
    Operations: [
      { op: 'remove', path: `members[value eq "${id}"]` },
      { op: 'add', path: 'members', value: [{ value: other }] },
    ],
  });
  t.equal(swapped.statusCode, 204);
  t.same(await rolesOf(id), [], 'removed from the group, no longer an admin');
  t.same(await rolesOf(other), ['admin'], 'added, now an admin');

  const byMember = await call(
    'GET',
    `/Groups?filter=${encodeURIComponent(`members[value eq "${other}"]`)}&excludedAttributes=members`,
  );
  t.same(
    resourcesOf(byMember).map((g) => [g.id, g.members]),
    [[groupId, undefined]],
    'found by member, without members',
  );

  const renamed = await call('PATCH', `/Groups/${groupId}`, {
    schemas: [PATCH],
    Operations: [{ op: 'replace', path: 'displayName', value: 'Alle Mitarbeitenden' }],
  });
  t.equal(renamed.statusCode, 204);
  t.same(await rolesOf(other), [], 'renamed away from the role value, the group gives it no more');
  const replaced = await call('PUT', `/Groups/${groupId}`, {
    displayName: 'tandem-admins',
    externalId: 'g-1',
    members: [{ value: other }],
  });
  t.equal(replaced.statusCode, 200);
  t.same(await rolesOf(other), ['admin'], 'named so again (PUT), it does');

  t.equal((await call('DELETE', `/Groups/${groupId}`)).statusCode, 204);
  t.same(await rolesOf(other), [], 'the group gone, the role gone');
  t.equal(await app.orm.em.fork().count(ScimGroup, {}), 0);
});

t.test('refusals come as SCIM error bodies', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  await call('POST', '/Users', ada);
  const refusals: [string, Awaited<ReturnType<typeof call>>, number, string | undefined][] = [
    [
      'a filter operator Tandem does not know',
      await call('GET', `/Users?filter=${encodeURIComponent('userName sw "ada"')}`),
      400,
      'invalidFilter',
    ],
    [
      'an attribute Tandem cannot filter on',
      await call('GET', `/Users?filter=${encodeURIComponent('nickName eq "ada"')}`),
      400,
      'invalidFilter',
    ],
    [
      'an unknown id',
      await call('GET', '/Users/0b5a3f5e-8b1c-4c39-9d3a-5f2f1a2b3c4d'),
      404,
      undefined,
    ],
    [
      'an id that is no uuid',
      await call('PATCH', '/Users/abc', {
        schemas: [PATCH],
        Operations: [{ op: 'remove', path: 'title' }],
      }),
      404,
      undefined,
    ],
    [
      'the same userName again',
      await call('POST', '/Users', { ...ada, externalId: 'e-2' }),
      409,
      'uniqueness',
    ],
    [
      'a User without userName',
      await call('POST', '/Users', { displayName: 'Nobody' }),
      400,
      'invalidValue',
    ],
    [
      'an unknown PATCH op',
      await call('PATCH', '/Users/0b5a3f5e-8b1c-4c39-9d3a-5f2f1a2b3c4d', {
        schemas: [PATCH],
        Operations: [{ op: 'move', path: 'title' }],
      }),
      404,
      undefined,
    ],
    [
      'a body that is no PatchOp',
      await call('POST', '/Groups', { members: [] }),
      400,
      'invalidValue',
    ],
  ];
  for (const [what, answer, status, scimType] of refusals) {
    t.equal(answer.statusCode, status, what);
    t.match(answer.contentType, /^application\/scim\+json/, `${what}: SCIM content type`);
    t.match(answer.body, { schemas: [ERROR], status: String(status), detail: String }, what);
    if (scimType) t.equal((answer.body as { scimType?: string }).scimType, scimType, what);
    t.notMatch(JSON.stringify(answer.body), /\bat \w+ \(|node_modules|\.ts:/, `${what}: no stack`);
  }
  const id = idOf(
    await call(
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "ada.lovelace@amt.example"')}`,
    ).then((a) => ({ ...a, body: resourcesOf(a)[0] })),
  );
  const badOp = await call('PATCH', `/Users/${id}`, {
    schemas: [PATCH],
    Operations: [{ op: 'move', path: 'title' }],
  });
  t.match(badOp, { statusCode: 400, body: { scimType: 'invalidSyntax' } }, 'unknown op');
  const badActive = await call('PATCH', `/Users/${id}`, {
    schemas: [PATCH],
    Operations: [{ op: 'replace', path: 'active', value: 'maybe' }],
  });
  t.match(
    badActive,
    { statusCode: 400, body: { scimType: 'invalidValue' } },
    'active is no boolean',
  );
  const broken = await app.inject({
    method: 'POST',
    url: '/scim/v2/Users',
    headers: {
      authorization: `Bearer ${(await scimClient(app, ['scim'], 'second')).token}`,
      'content-type': 'application/scim+json',
    },
    payload: '{"userName": ',
  });
  t.match(
    broken.json(),
    { schemas: [ERROR], status: '400', scimType: 'invalidSyntax' },
    'broken JSON',
  );
});

t.test('only a token with the scope scim gets in, and it opens nothing else', async (t) => {
  const app = await buildTestApp(t, { env });
  const scim = await scimClient(app);
  const read = await scimClient(app, ['read'], 'reader');
  const both = await scimClient(app, ['scim', 'read'], 'both');

  const anonymous = await app.inject({ method: 'GET', url: '/scim/v2/Users' });
  t.equal(anonymous.statusCode, 401);
  t.match(anonymous.json(), { schemas: [ERROR], status: '401' });
  t.match(String(anonymous.headers['content-type']), /^application\/scim\+json/);

  const wrongScope = await read.call('GET', '/Users');
  t.match(wrongScope, { statusCode: 403, body: { schemas: [ERROR], status: '403' } }, 'read token');

  const session = await sessionFor(app, scim.adminId);
  const withCookie = await app.inject({
    method: 'GET',
    url: '/scim/v2/Users',
    cookies: session.cookies,
  });
  t.match(withCookie.json(), { schemas: [ERROR], status: '403' }, 'an admin’s session is refused');

  const unknown = await app.inject({
    method: 'GET',
    url: '/scim/v2/Users',
    headers: { authorization: 'Bearer tdm_forged' },
  });
  t.match(unknown.json(), { schemas: [ERROR], status: '401' }, 'an unknown token');

  t.equal((await scim.call('GET', '/Users')).statusCode, 200, 'the scim token');
  for (const caller of [scim, both]) {
    const admin = await app.inject({
      method: 'GET',
      url: '/api/admin/programmes',
      headers: { authorization: `Bearer ${caller.token}` },
    });
    t.equal(admin.statusCode, 403, 'a scim token opens no admin route');
  }
});

t.test('discovery: ServiceProviderConfig, ResourceTypes and Schemas', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  const config = await call('GET', '/ServiceProviderConfig');
  t.match(config, {
    statusCode: 200,
    contentType: /^application\/scim\+json/,
    body: {
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
      etag: { supported: false },
      authenticationSchemes: [{ type: 'oauthbearertoken' }],
    },
  });
  const types = await call('GET', '/ResourceTypes');
  t.same(
    resourcesOf(types).map((r) => r.id),
    ['User', 'Group'],
  );
  t.match((await call('GET', '/ResourceTypes/User')).body, {
    schemaExtensions: [{ schema: ENTERPRISE }],
  });
  const schemas = await call('GET', '/Schemas');
  t.same(
    resourcesOf(schemas).map((r) => r.id),
    [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      ENTERPRISE,
      'urn:ietf:params:scim:schemas:core:2.0:Group',
    ],
  );
  t.equal((await call('GET', `/Schemas/${ENTERPRISE}`)).statusCode, 200);
  t.equal((await call('GET', '/Schemas/urn:nothing')).statusCode, 404);
});
