import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { openOrm } from '../src/db/orm.js';
import { rotateNotes } from '../src/modules/pairs/note-rotation.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { signedInAs } from './helpers/sessions.js';
import { spawnTandem } from './helpers/tandem-process.js';
import { twoPairs } from './helpers/two-pairs.js';

const OLD = `old:${randomBytes(32).toString('base64')}`;
const NEW = `new:${randomBytes(32).toString('base64')}`;
const SECRET = 'Darf ich fragen, warum meine Beförderung abgelehnt wurde?';
const MIGRATION = 'Migration20261128090000_questions_encryption';

interface QuestionRow {
  id: string;
  key_id: string | null;
  iv: Buffer | null;
  legacy_text: string | null;
}

function questions(app: FastifyInstance, pairId: string, cookies: Record<string, string>) {
  const url = `/api/pairs/${pairId}/questions`;
  return {
    list: async () => (await app.inject({ url, cookies })).json(),
    add: async (text: string) =>
      (await app.inject({ method: 'POST', url, cookies, payload: { text } })).json(),
    change: async (id: string, payload: object) =>
      (await app.inject({ method: 'PATCH', url: `${url}/${id}`, cookies, payload })).json(),
  };
}

const rows = (url: string) =>
  sql<QuestionRow>(url, 'SELECT * FROM pair_question ORDER BY created_at, id');

/** Every column of every question as text, to search for plaintext. */
async function wholeTable(url: string): Promise<string> {
  const all = await sql<{ text: string }>(url, 'SELECT q::text AS text FROM pair_question q');
  return all.map((row) => row.text).join('\n');
}

t.test('a question is stored encrypted and reads back for both partners', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: NEW } });
  const { pairs, cookies } = await twoPairs(app);
  const brigitte = questions(app, pairs[0] ?? '', cookies[1] ?? {});
  const lena = questions(app, pairs[0] ?? '', cookies[0] ?? {});
  const asked = await brigitte.add(SECRET);
  t.match(asked, { text: SECRET, readable: true, mine: true, answered: false });
  const [row] = await rows(databaseUrl);
  t.match(row, { key_id: 'new', legacy_text: null });
  t.equal(row?.iv?.length, 12, 'a 96-bit IV');
  t.notOk((await wholeTable(databaseUrl)).includes('Beförderung'), 'no plaintext in the table');
  t.match(await lena.list(), [{ text: SECRET, readable: true, mine: false }]);

  t.match(await brigitte.change(asked.id, { text: 'Wie bewerbe ich mich intern?' }), {
    text: 'Wie bewerbe ich mich intern?',
  });
  t.notOk((await wholeTable(databaseUrl)).includes('bewerbe'), 'nor after rewording');
  t.match(await lena.change(asked.id, { answered: true }), {
    text: 'Wie bewerbe ich mich intern?',
    readable: true,
    answered: true,
  });
});

t.test('a tampered question, or one moved onto a note, shows as unreadable', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { pairs, cookies } = await twoPairs(app);
  const brigitte = questions(app, pairs[0] ?? '', cookies[1] ?? {});
  const tampered = await brigitte.add('eins');
  const copied = await brigitte.add('zwei');
  await sql(
    databaseUrl,
    `UPDATE pair_question SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE id = $1`,
    [tampered.id],
  );
  await sql(
    databaseUrl,
    `INSERT INTO pair_note (id, match_id, author_id, key_id, iv, ciphertext, created_at, updated_at)
     SELECT id, match_id, author_id, key_id, iv, ciphertext, now(), now() FROM pair_question WHERE id = $1`,
    [copied.id],
  );
  t.match(await brigitte.list(), [
    { id: tampered.id, text: '', readable: false },
    { id: copied.id, text: 'zwei', readable: true },
  ]);
  const notes = await app.inject({ url: `/api/pairs/${pairs[0]}/notes`, cookies: cookies[1] });
  t.match(notes.json(), [{ id: copied.id, body: '', readable: false }], 'not as a note');
});

t.test('tandem notes rotate moves questions to the new key too', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const before = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: OLD } });
  const { pairs, cookies } = await twoPairs(before);
  await questions(before, pairs[0] ?? '', cookies[1] ?? {}).add('unter dem alten Schlüssel');
  await questions(before, pairs[1] ?? '', cookies[3] ?? {}).add('auch alt');
  await before.inject({
    method: 'POST',
    url: `/api/pairs/${pairs[0]}/notes`,
    cookies: cookies[0],
    payload: { body: 'eine Notiz' },
  });

  const rotate = spawnTandem(t, ['notes', 'rotate'], {
    DATABASE_URL: databaseUrl,
    NOTES_ENCRYPTION_KEYS: `${NEW},${OLD}`,
  });
  t.equal((await rotate.exit).code, 0, 'exits 0');
  t.match(rotate.stdout(), /\(3 in all\)/);
  t.match(rotate.stdout(), /Done: 3 notes and questions re-encrypted with new, 0 already were/);
  t.same(
    (await rows(databaseUrl)).map((row) => row.key_id),
    ['new', 'new'],
  );

  const after = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: NEW } });
  t.match(await questions(after, pairs[0] ?? '', cookies[0] ?? {}).list(), [
    { text: 'unter dem alten Schlüssel', readable: true },
  ]);
  t.match(await questions(after, pairs[1] ?? '', cookies[2] ?? {}).list(), [
    { text: 'auch alt', readable: true },
  ]);
});

t.test(
  'questions from before encryption: the migration sets them aside, they read, start encrypts them',
  async (t) => {
    const databaseUrl = await createTestDatabase(t);
    const app = await buildTestApp(t, { databaseUrl });
    const { pairs, cookies, users } = await twoPairs(app);
    await questions(app, pairs[0] ?? '', cookies[1] ?? {}).add('verschlüsselt');
    const orm = await openOrm(databaseUrl);
    t.teardown(() => orm.close());
    await orm.getMigrator().down({ to: MIGRATION });
    t.same(
      await sql(databaseUrl, 'SELECT count(*)::int AS n FROM pair_question'),
      [{ n: 0 }],
      'going back drops what only the key could read',
    );
    await sql(
      databaseUrl,
      `INSERT INTO pair_question (id, match_id, author_id, text, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'aus alter Zeit', now(), now())`,
      [pairs[0], users[1]],
    );
    await orm.getMigrator().up();
    t.match(await rows(databaseUrl), [{ legacy_text: 'aus alter Zeit', key_id: null }]);
    const lena = questions(app, pairs[0] ?? '', cookies[0] ?? {});
    t.match(await lena.list(), [{ text: 'aus alter Zeit', readable: true }], 'reads before');

    const keyring = loadConfig({}).noteKeyring;
    t.match(await rotateNotes(app.orm.em, keyring, { legacyOnly: true }), { rotated: 1 });
    t.match(await rows(databaseUrl), [{ legacy_text: null, key_id: 'development' }]);
    t.notOk((await wholeTable(databaseUrl)).includes('alter Zeit'), 'no plaintext remains');
    t.match(await lena.list(), [{ text: 'aus alter Zeit', readable: true }], 'and after');
  },
);

t.test('the author exports their questions decrypted; the partner and admins do not', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: NEW } });
  const { pairs, cookies, users } = await twoPairs(app);
  await questions(app, pairs[0] ?? '', cookies[1] ?? {}).add(SECRET);
  const exported = async (url: string, as: Record<string, string>) =>
    (await app.inject({ url, cookies: as })).json().tables.pair_question;

  const own = await exported('/api/me/export', cookies[1] ?? {});
  t.match(own, [{ text: SECRET, answered: false }]);
  t.notOk('ciphertext' in own[0] || 'keyId' in own[0] || 'iv' in own[0], 'no ciphertext');
  t.same(await exported('/api/me/export', cookies[0] ?? {}), [], "not in the partner's");
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const byAdmin = await exported(`/api/admin/users/${users[1]}/export`, hr.cookies);
  t.match(byAdmin, [{ text: null, textWithheld: /only to their author/ }]);
  t.notMatch(JSON.stringify(byAdmin), /Beförderung/, 'no admin route returns a question');
});
