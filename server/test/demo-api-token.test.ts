import t, { type Test } from 'tap';
import { freePort } from '../src/free-port.js';
import { createTestDatabase } from './helpers/database.js';
import { spawnTandem } from './helpers/tandem-process.js';

/** Starts `tandem start --demo` on the database; the token it prints and where it listens. */
async function demoStart(t: Test, url: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const tandem = spawnTandem(t, ['start', '--demo'], {
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
  });
  const line = await tandem.waitFor(/Demo API token \(HR admin\)/, 120_000);
  const token = /(tdm_[A-Za-z0-9_-]+)/.exec(line)?.[1] ?? '';
  return { tandem, base, line, token };
}

const get = (base: string, token: string) =>
  fetch(`${base}/api/admin/programmes`, { headers: { authorization: `Bearer ${token}` } });

t.test('tandem start --demo prints an admin API token that scripts can use', async (t) => {
  const url = await createTestDatabase(t);
  const first = await demoStart(t, url);
  t.match(
    first.line,
    `Demo API token (HR admin): ${first.token} — curl -H 'Authorization: Bearer ${first.token}' ${first.base}/api/admin/programmes`,
    'the token and a call to copy',
  );
  const programmes = await get(first.base, first.token);
  t.equal(programmes.status, 200, 'the token opens the admin API');
  t.equal(((await programmes.json()) as unknown[]).length, 3, "the demo's programmes");
  t.equal((await get(first.base, 'tdm_not-a-token')).status, 401);
  first.tandem.child.kill('SIGTERM');
  await first.tandem.exit;

  const second = await demoStart(t, url);
  t.not(second.token, first.token, 'a new token at every start');
  t.equal((await get(second.base, second.token)).status, 200);
  t.equal((await get(second.base, first.token)).status, 401, 'the earlier one is revoked');
  second.tandem.child.kill('SIGTERM');
  await second.tandem.exit;
});
