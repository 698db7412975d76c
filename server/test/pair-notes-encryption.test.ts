import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { EXIT_CONFIG } from '../src/errors.js';
import { rotateNotes } from '../src/modules/pairs/note-rotation.js';
import { buildTestApp } from './helpers/build-test-app.js';
import { createTestDatabase, sql } from './helpers/database.js';
import { spawnTandem } from './helpers/tandem-process.js';
import { twoPairs } from './helpers/two-pairs.js';

const OLD = `old:${randomBytes(32).toString('base64')}`;
const NEW = `new:${randomBytes(32).toString('base64')}`;
const SECRET = 'Brigitte möchte über ihre Kündigung sprechen.';

interface NoteRow {
  id: string;
  match_id: string;
  key_id: string | null;
  iv: Buffer | null;
  ciphertext: Buffer | null;
  legacy_body: string | null;
}

function notes(app: FastifyInstance, pairId: string, cookies: Record<string, string>) {
  return {
    list: async () => (await app.inject({ url: `/api/pairs/${pairId}/notes`, cookies })).json(),
    add: async (body: string) =>
      (
        await app.inject({
          method: 'POST',
          url: `/api/pairs/${pairId}/notes`,
          cookies,
          payload: { body },
        })
      ).json(),
  };
}

const rows = (url: string) => sql<NoteRow>(url, 'SELECT * FROM pair_note ORDER BY created_at');

t.test('the database row holds no plaintext, only key id, IV and ciphertext', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: NEW } });
  const { pairs, cookies } = await twoPairs(app);
  const lena = notes(app, pairs[0] ?? '', cookies[0] ?? {});
  const note = await lena.add(SECRET);
  t.match(note, { body: SECRET, readable: true, mine: true });
  const [row] = await rows(databaseUrl);
  t.equal(row?.key_id, 'new');
  t.equal(row?.iv?.length, 12, 'a 96-bit IV');
  t.equal(row?.legacy_body, null);
  const [whole] = await sql<{ text: string }>(
    databaseUrl,
    'SELECT p::text AS text FROM pair_note p',
  );
  t.notOk(whole?.text.includes('Kündigung'), 'the plaintext appears nowhere in the row');
  t.notOk(row?.ciphertext?.includes(Buffer.from('Kündigung')), 'nor in the ciphertext bytes');
  await lena.add(SECRET);
  const [, second] = await rows(databaseUrl);
  t.not(second?.iv?.toString('hex'), row?.iv?.toString('hex'), 'each note has its own IV');
  t.match(await notes(app, pairs[0] ?? '', cookies[1] ?? {}).list(), [
    { body: SECRET, readable: true, mine: false },
    { body: SECRET, readable: true },
  ]);
});

t.test(
  'a new first key: old notes still read, rotation moves them, the old key retires',
  async (t) => {
    const databaseUrl = await createTestDatabase(t);
    const before = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: OLD } });
    const { pairs, cookies } = await twoPairs(before);
    await notes(before, pairs[0] ?? '', cookies[0] ?? {}).add('unter dem alten Schlüssel');
    await notes(before, pairs[1] ?? '', cookies[2] ?? {}).add('auch alt');

    const both = await buildTestApp(t, {
      databaseUrl,
      env: { NOTES_ENCRYPTION_KEYS: `${NEW},${OLD}` },
    });
    const lena = notes(both, pairs[0] ?? '', cookies[0] ?? {});
    await lena.add('unter dem neuen Schlüssel');
    t.match(await lena.list(), [
      { body: 'unter dem alten Schlüssel', readable: true },
      { body: 'unter dem neuen Schlüssel', readable: true },
    ]);
    t.same(
      (await rows(databaseUrl)).map((row) => row.key_id),
      ['old', 'old', 'new'],
    );

    const onlyNew = loadConfig({ NOTES_ENCRYPTION_KEYS: NEW }).noteKeyring;
    const tooEarly = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: NEW } });
    t.match(
      await notes(tooEarly, pairs[0] ?? '', cookies[0] ?? {}).list(),
      [{ body: '', readable: false }, { readable: true }],
      'before rotation, dropping the old key loses its notes (and says so)',
    );

    const seen: number[] = [];
    const keyring = loadConfig({ NOTES_ENCRYPTION_KEYS: `${NEW},${OLD}` }).noteKeyring;
    const result = await rotateNotes(both.orm.em, keyring, {
      batchSize: 1,
      onProgress: (progress) => seen.push(progress.rotated),
    });
    t.same(result, { seen: 2, rotated: 2, unreadable: 0 });
    t.same(seen, [1, 2], 'progress after each batch');
    t.same(
      (await rows(databaseUrl)).map((row) => row.key_id),
      ['new', 'new', 'new'],
    );
    t.same(await rotateNotes(both.orm.em, onlyNew), { seen: 0, rotated: 0, unreadable: 0 });

    const after = await buildTestApp(t, { databaseUrl, env: { NOTES_ENCRYPTION_KEYS: NEW } });
    t.match(await notes(after, pairs[0] ?? '', cookies[0] ?? {}).list(), [
      { body: 'unter dem alten Schlüssel', readable: true },
      { body: 'unter dem neuen Schlüssel', readable: true },
    ]);
    t.match(await notes(after, pairs[1] ?? '', cookies[3] ?? {}).list(), [{ body: 'auch alt' }]);
    const [audit] = await sql(
      databaseUrl,
      "SELECT data FROM audit_event WHERE action = 'notes.rotated'",
    );
    t.match(audit?.data, { keyId: 'new', rotated: 2 });
  },
);

t.test(
  'a tampered note or one moved to another pair shows as unreadable, not as an error',
  async (t) => {
    const databaseUrl = await createTestDatabase(t);
    const app = await buildTestApp(t, { databaseUrl });
    const { pairs, cookies } = await twoPairs(app);
    const lena = notes(app, pairs[0] ?? '', cookies[0] ?? {});
    const jonas = notes(app, pairs[1] ?? '', cookies[2] ?? {});
    const tampered = await lena.add('eins');
    const moved = await lena.add('zwei');
    await sql(
      databaseUrl,
      `UPDATE pair_note SET ciphertext = set_byte(ciphertext, 0, get_byte(ciphertext, 0) # 1) WHERE id = $1`,
      [tampered.id],
    );
    await sql(databaseUrl, 'UPDATE pair_note SET match_id = $1 WHERE id = $2', [
      pairs[1],
      moved.id,
    ]);
    const response = await app.inject({ url: `/api/pairs/${pairs[0]}/notes`, cookies: cookies[0] });
    t.equal(response.statusCode, 200);
    t.match(response.json(), [{ id: tampered.id, body: '', readable: false }]);
    t.match(await jonas.list(), [{ id: moved.id, body: '', readable: false, mine: false }]);
    const other = await jonas.add('drei');
    t.match(await jonas.list(), [
      { readable: false },
      { id: other.id, body: 'drei', readable: true },
    ]);
  },
);

t.test('notes written before encryption are encrypted at start', async (t) => {
  const databaseUrl = await createTestDatabase(t);
  const app = await buildTestApp(t, { databaseUrl });
  const { pairs, cookies, users } = await twoPairs(app);
  await sql(
    databaseUrl,
    `INSERT INTO pair_note (id, match_id, author_id, legacy_body, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'aus alter Zeit', now(), now())`,
    [pairs[0], users[0]],
  );
  const keyring = loadConfig({}).noteKeyring;
  t.match(await rotateNotes(app.orm.em, keyring, { legacyOnly: true }), { rotated: 1 });
  const [row] = await rows(databaseUrl);
  t.match(row, { legacy_body: null, key_id: 'development' });
  t.match(await notes(app, pairs[0] ?? '', cookies[1] ?? {}).list(), [
    { body: 'aus alter Zeit', readable: true },
  ]);
});

t.test('NOTES_ENCRYPTION_KEYS is checked at boot, one clear line', async (t) => {
  const key = randomBytes(32).toString('base64');
  for (const [value, message] of [
    [`a:${randomBytes(16).toString('base64')}`, /the key a must be 32 bytes .* it has 16/],
    ['a:not*base64', /the key a is not valid base64/],
    [`a:${key},a:${key}`, /the key id a appears twice/],
    [key, /each entry must be keyId:base64key/],
  ] as const)
    t.throws(
      () => loadConfig({ NOTES_ENCRYPTION_KEYS: value }),
      { message: message, exitCode: EXIT_CONFIG },
      value,
    );
  t.throws(() => loadConfig({ NOTES_ENCRYPTION_KEYS: `a:${randomBytes(16).toString('base64')}` }), {
    message: /^Invalid configuration: NOTES_ENCRYPTION_KEYS: /,
  });
  t.same(
    loadConfig({ NOTES_ENCRYPTION_KEYS: `b:${key}, a:${key}` }).noteKeyring.keys.map((k) => k.id),
    ['b', 'a'],
  );
});

t.test('production without NOTES_ENCRYPTION_KEYS refuses to start', async (t) => {
  const url = await createTestDatabase(t);
  const tandem = spawnTandem(t, ['start'], {
    NODE_ENV: 'production',
    DATABASE_URL: url,
    OIDC_ISSUER: 'http://127.0.0.1:9/realms/tandem',
    OIDC_CLIENT_ID: 'tandem',
    OIDC_CLIENT_SECRET: 'secret',
  });
  t.equal((await tandem.exit).code, EXIT_CONFIG);
  t.match(tandem.stderr(), /^tandem: Set NOTES_ENCRYPTION_KEYS .*\n$/);
  t.equal(tandem.stderr().split('\n').length, 2, 'one line');
});
