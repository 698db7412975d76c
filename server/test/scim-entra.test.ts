import t from 'tap';
import { Session } from '../src/auth/session.js';
import { User } from '../src/modules/users/user.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { idOf, resourcesOf, scimClient } from './helpers/scim-client.js';
import { sessionFor } from './helpers/sessions.js';

/**
 * Provisioning sequences replayed as the clients send them: Microsoft Entra ID's provisioning
 * service (the requests of Microsoft's "Develop and plan provisioning for a SCIM endpoint"
 * tutorial, and the forms its known-issues page lists for jobs with and without the
 * aadOptscim062020 flag), and a generic IdM connector (Keycloak's SCIM plugins) that creates
 * with POST, updates with PUT and removes with DELETE.
 */
const PUBLIC_URL = 'https://tandem.amt.example';
/** Entra ID puts the group's object id into the groups claim, and sends it as externalId. */
const ADMIN_GROUP_OBJECT_ID = '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159';
const env = { PUBLIC_URL, OIDC_ADMIN_ROLES: `tandem-admins,${ADMIN_GROUP_OBJECT_ID}` };

const filter = (expression: string) => encodeURIComponent(expression);

t.test('Microsoft Entra ID: a user from the first cycle to the hard delete', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);

  // Does the user exist? Entra ID asks before it creates.
  // The Tenant URL carries ?aadOptscim062020 when the flag is on; Entra ID keeps it on requests.
  const absent = await call(
    'GET',
    `/Users?aadOptscim062020&filter=${filter('userName eq "Test_User_dfeef4c5-5681-4387-b016-bdf221e82081"')}`,
  );
  t.equal(absent.statusCode, 200);
  t.same(absent.body, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
    totalResults: 0,
    startIndex: 1,
    itemsPerPage: 0,
    Resources: [],
  });

  const created = await call('POST', '/Users', {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
    externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
    userName: 'Test_User_dfeef4c5-5681-4387-b016-bdf221e82081',
    active: true,
    emails: [
      {
        primary: true,
        type: 'work',
        value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com',
      },
    ],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  });
  t.equal(created.statusCode, 201);
  const id = idOf(created);
  t.match(created.body, {
    externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
    userName: 'Test_User_dfeef4c5-5681-4387-b016-bdf221e82081',
    active: true,
    meta: { resourceType: 'User', location: `${PUBLIC_URL}/scim/v2/Users/${id}` },
  });

  t.match((await call('GET', `/Users/${id}`)).body, { id, displayName: 'givenName familyName' });
  const byName = await call(
    'GET',
    `/Users?filter=${filter('userName eq "Test_User_dfeef4c5-5681-4387-b016-bdf221e82081"')}`,
  );
  t.same(
    resourcesOf(byName).map((r) => r.id),
    [id],
    'found by userName',
  );

  // Update user [multi-valued properties]: the work address and the family name.
  const multi = await call('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ],
  });
  t.equal(multi.statusCode, 200);
  t.match(multi.body, { emails: [{ value: 'updatedEmail@microsoft.com', type: 'work' }] });
  t.equal(
    (await app.orm.em.fork().findOneOrFail(User, id)).email,
    'updatedEmail@microsoft.com',
    'the new address is kept',
  );

  // Update user [single-valued properties]: a new userName.
  const renamed = await call('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      {
        op: 'Replace',
        path: 'userName',
        value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com',
      },
    ],
  });
  t.match(renamed.body, { userName: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' });

  // With aadOptscim062020: several attributes in one replace, a value object without path
  // whose keys are paths, the enterprise extension's among them.
  const manager = idOf(
    await call('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: 'f8d1f33c-21a7-4e83-a1ae-7d9f6f2a1b0e',
      userName: 'manager@testuser.com',
      active: true,
      displayName: 'Manager Person',
    }),
  );
  const several = await call('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      {
        op: 'replace',
        value: {
          displayName: 'Babs Jensen',
          'name.givenName': 'Babs',
          'name.familyName': 'Jensen',
          title: 'Sachbearbeiterin',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Bürgeramt',
        },
      },
      {
        op: 'Add',
        path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
        value: manager,
      },
    ],
  });
  t.equal(several.statusCode, 200);
  const changed = await app.orm.em.fork().findOneOrFail(User, id);
  t.match(changed, { name: 'Babs Jensen', title: 'Sachbearbeiterin', department: 'Bürgeramt' });
  t.equal(changed.manager?.id, manager, 'the manager, named by the id Tandem gave them');

  const noManager = await call('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      {
        op: 'Remove',
        path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
      },
    ],
  });
  t.equal(noManager.statusCode, 200);
  t.equal((await app.orm.em.fork().findOneOrFail(User, id)).manager, null, 'manager removed');

  // Without the flag, Entra ID soft-deletes with a capitalised op, no path and "False".
  await sessionFor(app, id);
  const legacy = await call('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', value: { active: 'False' } }],
  });
  t.equal(legacy.statusCode, 200);
  t.match(legacy.body, { active: false });
  t.ok((await app.orm.em.fork().findOneOrFail(User, id)).deactivatedAt, 'deactivated');
  t.equal(await app.orm.em.fork().count(Session, { user: id }), 0, 'signed out');
  const back = await call('PATCH', `/Users/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
  });
  t.match(back.body, { active: true }, 'reassigned: active again');

  // Disable user, as the tutorial has it; then, 30 days on, the hard delete.
  const disabled = await call('PATCH', `/Users/${id}`, {
    Operations: [{ op: 'Replace', path: 'active', value: false }],
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  });
  t.match(disabled.body, { active: false });
  const deleted = await call('DELETE', `/Users/${id}`);
  t.equal(deleted.statusCode, 204);
  t.equal((await call('GET', `/Users/${id}`)).statusCode, 404, 'gone for Entra ID');
});

t.test('Microsoft Entra ID: a group and its members, who become admins', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  const member = idOf(
    await call('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'member@testuser.com',
      active: true,
    }),
  );
  const rolesOf = async () => (await app.orm.em.fork().findOneOrFail(User, member)).roles;

  const absent = await call(
    'GET',
    `/Groups?excludedAttributes=members&filter=${filter('displayName eq "displayName"')}`,
  );
  t.match(absent.body, { totalResults: 0, Resources: [] });

  const created = await call('POST', '/Groups', {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group',
    ],
    externalId: ADMIN_GROUP_OBJECT_ID,
    displayName: 'displayName',
    meta: { resourceType: 'Group' },
  });
  t.equal(created.statusCode, 201);
  const id = idOf(created);
  t.match(created.body, {
    displayName: 'displayName',
    externalId: ADMIN_GROUP_OBJECT_ID,
    members: [],
    meta: { resourceType: 'Group' },
  });

  const fetched = await call('GET', `/Groups/${id}?excludedAttributes=members`);
  t.equal(fetched.statusCode, 200);
  t.notOk((fetched.body as { members?: unknown }).members, 'no members when excluded');
  const byName = await call(
    'GET',
    `/Groups?excludedAttributes=members&filter=${filter('displayName eq "displayName"')}`,
  );
  t.same(
    resourcesOf(byName).map((g) => g.id),
    [id],
  );

  const renamed = await call('PATCH', `/Groups/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      {
        op: 'Replace',
        path: 'displayName',
        value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName',
      },
    ],
  });
  t.equal(renamed.statusCode, 204);

  const added = await call('PATCH', `/Groups/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: member }] }],
  });
  t.equal(added.statusCode, 204);
  t.same(await rolesOf(), ['admin'], 'the group’s object id is an admin role value');
  t.match((await call('GET', `/Groups/${id}`)).body, { members: [{ value: member }] });
  const byMember = await call(
    'GET',
    `/Groups?excludedAttributes=members&filter=${filter(`id eq "${id}" and members[value eq "${member}"]`)}`,
  );
  t.equal(resourcesOf(byMember).length, 1, 'membership checked by filter');

  const removed = await call('PATCH', `/Groups/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: member }] }],
  });
  t.equal(removed.statusCode, 204);
  t.same(await rolesOf(), [], 'removed: no longer an admin');

  // With aadOptscim062020, a member leaves through a filtered path.
  await call('PATCH', `/Groups/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'add', path: 'members', value: [{ value: member }] }],
  });
  t.same(await rolesOf(), ['admin']);
  await call('PATCH', `/Groups/${id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'remove', path: `members[value eq "${member}"]` }],
  });
  t.same(await rolesOf(), []);

  t.equal((await call('DELETE', `/Groups/${id}`)).statusCode, 204);
  t.equal((await call('GET', `/Groups/${id}`)).statusCode, 404);
});

t.test('a generic IdM connector (Keycloak SCIM): POST, PUT full replace, DELETE', async (t) => {
  const app = await buildTestApp(t, { env });
  const { call } = await scimClient(app);
  const json = { 'content-type': 'application/json' };
  const user = {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: 'jdoe',
    externalId: 'kc-4f1b',
    name: { givenName: 'Jane', familyName: 'Doe' },
    emails: [{ value: 'jane.doe@amt.example', primary: true }],
    active: true,
  };
  const created = await call('POST', '/Users', user, json);
  t.equal(created.statusCode, 201, 'application/json bodies are taken too');
  const id = idOf(created);
  t.match(created.body, { displayName: 'Jane Doe' }, 'the name from its parts');
  t.equal(
    (await call('POST', '/Users', { ...user, externalId: 'kc-other' }, json)).statusCode,
    409,
    'a second create of the same userName is refused',
  );

  const replaced = await call(
    'PUT',
    `/Users/${id}`,
    {
      ...user,
      id,
      name: { givenName: 'Jane', familyName: 'Roe' },
      emails: [{ value: 'jane.roe@amt.example', primary: true }],
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Ordnungsamt' },
    },
    json,
  );
  t.equal(replaced.statusCode, 200);
  t.match(await app.orm.em.fork().findOneOrFail(User, id), {
    name: 'Jane Roe',
    email: 'jane.roe@amt.example',
    department: 'Ordnungsamt',
  });

  const group = await call(
    'POST',
    '/Groups',
    { displayName: 'tandem-admins', members: [{ value: id, display: 'jdoe' }] },
    json,
  );
  t.equal(group.statusCode, 201);
  t.same((await app.orm.em.fork().findOneOrFail(User, id)).roles, ['admin']);
  const emptied = await call(
    'PUT',
    `/Groups/${idOf(group)}`,
    { displayName: 'tandem-admins', members: [] },
    json,
  );
  t.match(emptied.body, { members: [] });
  t.same((await app.orm.em.fork().findOneOrFail(User, id)).roles, [], 'a PUT without members');

  t.equal((await call('DELETE', `/Users/${id}`)).statusCode, 204);
  t.equal((await call('DELETE', `/Users/${id}`)).statusCode, 404, 'a second DELETE finds nothing');
});
