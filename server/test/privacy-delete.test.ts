import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { openRow, SEALED_TABLES, type SealedTableRow } from '../src/modules/pairs/sealed-text.js';
import { provisionUser } from '../src/modules/users/user-provisioning.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { PERSON, personWithHistory } from './helpers/privacy-fixture.js';
import { signedInAs } from './helpers/sessions.js';

/** Every table of every schema but PostgreSQL's own, read from the catalogue. */
const ALL_TABLES = `
SELECT table_schema, table_name FROM information_schema.tables
 WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
 ORDER BY table_schema, table_name`;

/**
 * A row as text with its folded lines joined again: iCalendar folds lines at 75 octets (RFC
 * 5545), a CRLF and a space that may fall inside a name, stored as such in a text column and as
 * `\r\n ` in JSON (its backslashes doubled once more in a row's text).
 */
const UNFOLDED_ROW = String.raw`regexp_replace(t::text, '(\r?\n|(\\+r)?\\+n)[ \t]', '', 'g')`;

/** Joins folded lines in a text as a calendar reads it, raw or written inside JSON. */
function unfolded(text: string): string {
  return text.replace(/(\r?\n|(\\+r)?\\+n)[ \t]/g, '');
}

/** What identifies Quirina: each part of her name, her email, her IdP subject and her id. */
function identifying(id: string): string[] {
  return [...PERSON.name.split(/\s+/), PERSON.email, PERSON.subject, id];
}

/** The tables in which any of the values appears, unfolded and in any case, row by row. */
async function tablesMentioning(databaseUrl: string, values: string[]) {
  const tables = await sql<{ table_schema: string; table_name: string }>(databaseUrl, ALL_TABLES);
  const found: string[] = [];
  for (const { table_schema, table_name } of tables)
    for (const value of values) {
      const [row] = await sql(
        databaseUrl,
        `SELECT count(*)::int AS n FROM "${table_schema}"."${table_name}" t
          WHERE strpos(lower(${UNFOLDED_ROW}), lower($1)) > 0`,
        [value],
      );
      if (row?.n) found.push(`${table_schema}.${table_name}: ${value}`);
    }
  return { searched: tables.length, found };
}

/** The values found in a text, unfolded and in any case. */
function mentioned(text: string, values: string[]): string[] {
  const haystack = unfolded(text).toLowerCase();
  return values.filter((value) => haystack.includes(value.toLowerCase()));
}

/** Every pair note and question in the database, decrypted. */
async function sealedTexts(app: FastifyInstance): Promise<string[]> {
  const keyring = loadConfig({}).noteKeyring;
  const texts: string[] = [];
  for (const table of SEALED_TABLES)
    for (const row of await app.orm.em.fork().find<SealedTableRow>(table.entity, {}))
      texts.push(openRow(keyring, table, row) ?? `${table.kind} ${row.id} does not open`);
  return texts;
}

t.test('after "delete my account" no table holds who she was; her partner goes on', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { quirina, pairs, cookies, partnerCookies } = await personWithHistory(app);
  const values = identifying(quirina.id);
  t.ok((await tablesMentioning(databaseUrl, values)).found.length > 10, 'she is everywhere first');
  const calendars = await sql<{ calendar: string }>(
    databaseUrl,
    `SELECT n.calendar FROM notification n JOIN app_user u ON u.id = n.recipient_id
      WHERE u.subject = 'paul' AND n.calendar IS NOT NULL`,
  );
  t.ok(calendars.length >= 2, "Paul's invitation and its updates carry the calendar object");
  t.ok(
    calendars.some(
      ({ calendar }) => !calendar.includes(PERSON.name) && unfolded(calendar).includes(PERSON.name),
    ),
    'a calendar names her only across a folded line, as the outside review found',
  );

  const unconfirmed = await app.inject({
    method: 'POST',
    url: '/api/me/delete',
    cookies,
    payload: {},
  });
  t.equal(unconfirmed.statusCode, 400, 'not without typing the confirmation');
  const response = await app.inject({
    method: 'POST',
    url: '/api/me/delete',
    cookies,
    payload: { confirm: 'DELETE' },
  });
  t.equal(response.statusCode, 200);
  const { tombstoneId, pairsDissolved } = response.json();
  t.equal(pairsDissolved, 1, 'her pair in the running programme ended');
  t.match(response.headers['set-cookie'], /Expires=Thu, 01 Jan 1970/, 'the cookie is cleared');

  const { searched, found } = await tablesMentioning(databaseUrl, values);
  t.comment(`searched ${searched} tables in every schema for ${values.length} values`);
  t.ok(searched >= 25, 'graphile_worker tables included');
  t.same(found, [], 'no table names her, in any schema');
  const scrubbed = await sql<{ calendar: string }>(
    databaseUrl,
    `SELECT n.calendar FROM notification n JOIN app_user u ON u.id = n.recipient_id
      WHERE u.subject = 'paul' AND n.calendar IS NOT NULL`,
  );
  t.same(
    scrubbed.map(({ calendar }) =>
      new ICAL.Component(ICAL.parse(calendar))
        .getFirstSubcomponent('vevent')
        ?.getAllProperties('attendee')
        .map((attendee) => attendee.getParameter('cn'))
        .sort(),
    ),
    scrubbed.map(() => ['Ehemalige Person', 'Paul Partner']),
    "Paul's calendars still read, with a former participant beside him",
  );
  t.equal(scrubbed.length, calendars.length + 1, 'and the cancellation of the ended pair');
  const startOf = (calendar: string) => {
    const parsed = new ICAL.Component(ICAL.parse(calendar));
    const start = parsed.getFirstSubcomponent('vevent')?.getFirstProperty('dtstart');
    return {
      vtimezone: parsed.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid'),
      tzid: start?.getParameter('tzid'),
      local: start?.getFirstValue()?.toString(),
    };
  };
  const after = scrubbed.map(({ calendar }) => startOf(calendar));
  t.same(
    calendars
      .map(({ calendar }) => startOf(calendar))
      .filter(
        (start) =>
          !after.some(
            (a) =>
              a.local === start.local && a.tzid === start.tzid && a.vtimezone === start.vtimezone,
          ),
      ),
    [],
    'each keeps its VTIMEZONE and its local times',
  );
  t.ok(
    after.every(({ vtimezone, tzid }) => vtimezone === 'Europe/Berlin' && tzid === 'Europe/Berlin'),
    'every one names Berlin time and defines it',
  );
  const partnerExport = await app.inject({ url: '/api/me/export', cookies: partnerCookies });
  t.equal(partnerExport.statusCode, 200);
  t.match(partnerExport.body, /BEGIN:VCALENDAR/, "Paul's export keeps his invitations");
  t.same(mentioned(partnerExport.body, values), [], "nor does her partner's export");

  t.equal((await app.inject({ url: '/api/pairs', cookies })).statusCode, 401, 'signed out');
  const partnerPairs = await app.inject({ url: '/api/pairs', cookies: partnerCookies });
  t.equal(partnerPairs.statusCode, 200);
  t.same(
    partnerPairs
      .json()
      .map((pair: { id: string; partners: { name: string }[] }) => [
        pair.id,
        pair.partners.map((p) => p.name),
      ]),
    [[pairs.closed, ['Ehemalige Person']]],
    "the closed programme's pair shows a former participant (the organisation speaks German)",
  );
  const pairPage = await app.inject({ url: `/api/pairs/${pairs.closed}`, cookies: partnerCookies });
  t.equal(pairPage.statusCode, 200);
  t.same(pairPage.json().partners[0], {
    name: 'Ehemalige Person',
    department: null,
    title: null,
    role: 'mentee',
  });
  const [dissolved] = await sql(databaseUrl, 'SELECT state FROM match WHERE id = $1', [
    pairs.running,
  ]);
  t.equal(dissolved?.state, 'dissolved');
  const inbox = (await app.inject({ url: '/api/me/inbox', cookies: partnerCookies })).json();
  t.ok(
    inbox.entries.some((entry: { text: string }) => entry.text.includes('Ehemalige Person')),
    "the partner's inbox keeps its messages, with her name replaced",
  );
  const [notes] = await sql(
    databaseUrl,
    'SELECT count(*)::int AS n FROM pair_note WHERE author_id = $1',
    [tombstoneId],
  );
  t.equal(notes?.n, 0, 'her notes are gone');
  const texts = await sealedTexts(app);
  t.equal(texts.length, 4, "Paul's notes and questions stay, one of each in each pair");
  t.same(
    texts.flatMap((text) => mentioned(text, values)),
    [],
    'decrypted, none of them names her',
  );
  t.ok(
    texts.every((text) => text.includes('Ehemalige Person')),
    'each names a former participant instead',
  );
  const [audit] = await sql(
    databaseUrl,
    `SELECT actor_id, target_id, data FROM audit_event WHERE action = 'user.deleted'`,
  );
  t.same(audit, {
    actor_id: null,
    target_id: tombstoneId,
    data: { by: 'self', pairsDissolved: 1 },
  });

  const again = await provisionUser(
    app.orm.em.fork(),
    'https://idp.test',
    { sub: PERSON.subject, name: PERSON.name },
    {
      roles: 'roles',
      adminRoles: [],
      department: 'department',
      title: 'title',
      username: 'preferred_username',
    },
  );
  t.ok(again.created, 'signing in again makes a new person');
  t.not(again.user.id, tombstoneId);
  const fresh = await signedInAs(app, { subject: 'other', name: 'x' });
  t.ok(fresh.userId);
});

t.test('admins delete an account, audited; nobody else does', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { quirina, partnerCookies } = await personWithHistory(app);
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const url = `/api/admin/users/${quirina.id}/delete`;
  const payload = { confirm: 'DELETE' };

  t.equal((await app.inject({ method: 'POST', url, payload })).statusCode, 401);
  t.equal(
    (await app.inject({ method: 'POST', url, payload, cookies: partnerCookies })).statusCode,
    403,
  );
  t.equal((await app.inject({ method: 'POST', url: '/api/me/delete', payload })).statusCode, 401);
  const exported = `/api/admin/users/${quirina.id}/export`;
  t.equal((await app.inject({ url: exported, cookies: hr.cookies })).statusCode, 200);
  const response = await app.inject({ method: 'POST', url, payload, cookies: hr.cookies });
  t.equal(response.statusCode, 200);
  const { found } = await tablesMentioning(databaseUrl, identifying(quirina.id));
  t.same(found, [], 'not even the audit event of her export names her');
  const [audit] = await sql(
    databaseUrl,
    `SELECT actor_id, target_id FROM audit_event WHERE action = 'user.deleted'`,
  );
  t.same(audit, { actor_id: hr.userId, target_id: response.json().tombstoneId });
  const twice = await app.inject({ method: 'POST', url, payload, cookies: hr.cookies });
  t.equal(twice.statusCode, 404, 'the old id is gone');
});

t.test('a name with a quote or a backslash goes from plain-text keys too', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const name = String.raw`Jo "JJ" O\Brien`;
  const { cookies } = await signedInAs(app, { subject: 'jo-subject-1', name });
  await sql(
    databaseUrl,
    `INSERT INTO plugin_store_entry (plugin, key, value, updated_at) VALUES ('some-plugin', $1, '{}', now())`,
    [`contact:${name}`],
  );
  const deleted = await app.inject({
    method: 'POST',
    url: '/api/me/delete',
    cookies,
    payload: { confirm: 'DELETE' },
  });
  t.equal(deleted.statusCode, 200);
  const left = await sql(databaseUrl, 'SELECT key FROM plugin_store_entry');
  t.same(left, [], 'the entry keyed by their name, unescaped, is deleted');
});
