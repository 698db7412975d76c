/**
 * `pnpm bench directory`: 50,000 people (BENCH_DIRECTORY_PEOPLE) in a slapd of the
 * benchmark's own, loaded offline with slapadd, synced into a fresh database with the default
 * OpenLDAP mapping: the first sync (everyone created, managers set), then a re-sync with no
 * changes, which writes nothing. Prints both times and the process's peak memory; targets
 * (issue 18): first sync ≤ 60 s, re-sync ≤ 15 s. No assertion: the figures are for a person.
 */
import { pino } from 'pino';
import { openOrm } from '../src/db/orm.js';
import { syncDirectory } from '../src/modules/directory/directory-sync.js';
import { holidayCalendar } from '../src/modules/meetings/holiday-calendar.js';
import { loadPlugins } from '../src/plugin-host/plugin-registry.js';
import { version } from '../src/version.js';
import {
  directorySettingsOf,
  ldapEnvironment,
  personLdif,
  startSlapd,
} from '../test/helpers/slapd.js';
import { createBenchDatabase, DEFAULT_DATABASE_URL, reachableOrExit } from './bench-database.js';
import { countSetting } from './bench-setting.js';

const PEOPLE = countSetting('BENCH_DIRECTORY_PEOPLE', 50_000);
const ISSUER = 'https://idp.bench';
const DEPARTMENTS = ['Bürgerservice', 'IT', 'Personal', 'Haushalt', 'Bauamt', 'Ordnungsamt'];

/** Person i reports to person ⌊i/10⌋: a tree five levels deep for 50,000 people. */
function* people(): Generator<string> {
  for (let i = 0; i < PEOPLE; i++)
    yield personLdif({
      uid: `p${i}`,
      name: `Person ${i}`,
      mail: `p${i}@agency.test`,
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      title: i % 10 ? 'Sachbearbeitung' : 'Leitung',
      manager: i ? `p${Math.floor(i / 10)}` : undefined,
      language: i % 3 ? 'de-DE' : 'en',
    });
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

const log = pino({ level: 'warn' });
const adminUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
await reachableOrExit('directory', adminUrl);
const loading = process.hrtime.bigint();
const slapd = await startSlapd(people());
console.log(`slapd: ${PEOPLE} people loaded with slapadd in ${seconds(loading).toFixed(1)} s`);
const database = await createBenchDatabase(adminUrl, log);
const orm = await openOrm(database.url);
try {
  const settings = directorySettingsOf(ldapEnvironment(slapd));
  const plugins = await loadPlugins({
    specifiers: [],
    required: [],
    serverVersion: version,
    env: {},
    log,
  });
  const deps = {
    em: orm.em,
    plugins,
    log,
    publicUrl: 'https://tandem.agency.test',
    holidays: holidayCalendar('DE'),
    now: () => new Date(),
  };
  for (const label of ['first sync', 're-sync, no changes']) {
    const started = process.hrtime.bigint();
    const { counts } = await syncDirectory(deps, settings, ISSUER, { dryRun: false });
    console.log(
      `${label}: ${seconds(started).toFixed(1)} s, peak memory ${peakMiB()} MiB so far — ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`,
    );
  }
} finally {
  await orm.close();
  await database.drop();
  await slapd.stop();
}
