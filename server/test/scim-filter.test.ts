import t from 'tap';
import { ScimError } from '../src/modules/scim/scim-error.js';
import { parseFilter } from '../src/modules/scim/scim-filter.js';
import { applyPatch } from '../src/modules/scim/scim-patch.js';

t.test('filters: eq joined by and; anything else is invalidFilter', async (t) => {
  t.same(parseFilter('userName eq "ada \\"the\\" countess"'), [
    { path: { extension: false, attribute: 'username' }, value: 'ada "the" countess' },
  ]);
  t.same(
    parseFilter(
      'urn:ietf:params:scim:schemas:core:2.0:User:userName EQ "a" AND emails[type eq "work"].value eq "b and c"',
    ).map((c) => [c.path.attribute, c.path.sub, c.value]),
    [
      ['username', undefined, 'a'],
      ['emails', 'value', 'b and c'],
    ],
    'schema prefix, any case, and inside a value',
  );
  for (const filter of [
    'userName eq "a" or userName eq "b"',
    'userName co "a"',
    'not (userName eq "a")',
    'userName eq',
    'userName eq "a" and',
    'urn:example:User:userName eq "a"',
  ]) {
    t.equal(
      refusal(() => parseFilter(filter)),
      '400 invalidFilter',
      filter,
    );
  }
});

t.test('PATCH: paths, filters and Entra ID’s value objects', async (t) => {
  const user = { username: 'ada', emails: [{ type: 'home', value: 'a@home' }] };
  t.same(
    applyPatch(user, [
      { op: 'Add', path: 'emails[type eq "work"].value', value: 'a@work' },
      { op: 'Replace', value: { 'name.givenName': 'Ada', Title: 'Dr' } },
      { op: 'remove', path: 'emails[type eq "home"]' },
    ]),
    {
      username: 'ada',
      emails: [{ type: 'work', value: 'a@work' }],
      name: { givenname: 'Ada' },
      title: 'Dr',
    },
  );
  t.same(user.emails, [{ type: 'home', value: 'a@home' }], 'the input is left as it was');
  t.equal(
    refusal(() => applyPatch(user, [{ op: 'remove' }])),
    '400 noTarget',
  );
  t.equal(
    refusal(() => applyPatch(user, [{ op: 'copy', path: 'title' }])),
    '400 invalidSyntax',
  );
  t.equal(
    refusal(() => applyPatch(user, [{ op: 'add', path: 'emails[type ne "x"]' }])),
    '400 invalidPath',
  );
});

/** The status and scimType a call is refused with. */
function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof ScimError) return `${error.status} ${error.scimType}`;
    throw error;
  }
  return 'no refusal';
}
