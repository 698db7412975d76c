/**
 * Writes a migration for the difference between the entities and the migrations so far:
 * `DATABASE_URL=postgres://… pnpm --filter @tandem/server migration:create [name]`.
 * It works in a scratch database it creates and drops on that server, then adds the new
 * class to src/db/migrations/index.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormOptions } from '../src/db/orm.js';

const serverDir = join(import.meta.dirname, '..');
const migrationsDir = join(serverDir, 'src/db/migrations');
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error(
    'create-migration: set DATABASE_URL to a PostgreSQL server where a scratch database may be created',
  );
  process.exit(1);
}

// The name becomes part of a class name: letters, digits and underscores only.
const name = process.argv[2]?.replace(/[^A-Za-z0-9]+/g, '_');
const scratch = `tandem_migration_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const orm = await MikroORM.init({
    ...ormOptions(url.toString()),
    migrations: { ...ormOptions(url.toString()).migrations, path: migrationsDir },
  });
  try {
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(migrationsDir, false, false, name);
    if (!result.fileName) {
      console.log('No changes: the migrations already match the entities.');
    } else {
      await register(result.fileName);
      console.log(`Wrote ${join('src/db/migrations', result.fileName)}`);
    }
  } finally {
    await orm.close();
  }
} finally {
  await admin.query(`DROP DATABASE ${scratch}`);
  await admin.end();
}

async function register(fileName: string): Promise<void> {
  const className = basename(fileName, '.ts');
  const indexFile = join(migrationsDir, 'index.ts');
  const source = await readFile(indexFile, 'utf8');
  const withImport = source.replace(
    /(import type \{ MigrationObject \} from '@mikro-orm\/core';\n)/,
    `$1import { ${className} } from './${className}.js';\n`,
  );
  const withEntry = withImport.replace(
    /(export const migrationsList: MigrationObject\[\] = \[)([^\]]*)(\];)/,
    (_all, open: string, entries: string, close: string) =>
      `${open}${entries.trim() ? `${entries.trimEnd()}\n  ` : '\n  '}{ name: '${className}', class: ${className} },\n${close}`,
  );
  await writeFile(indexFile, withEntry);
}
