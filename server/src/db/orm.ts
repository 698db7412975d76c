import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM } from '@mikro-orm/postgresql';
import { entities } from './entities.js';
import { migrationsList } from './migrations/index.js';

/** ORM options for a database URL; shared by the app, migrations and the migration generator. */
export function ormOptions(url: string) {
  return defineConfig({
    clientUrl: url,
    entities,
    extensions: [Migrator],
    migrations: {
      // Listed in code, not discovered on disk: the same list works from TypeScript sources,
      // compiled JavaScript and a bundled image.
      migrationsList,
      path: 'server/src/db/migrations',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts',
    },
    // Tandem writes through services that fork the entity manager per request or job.
    allowGlobalContext: false,
    pool: { min: 0, max: 10 },
    debug: false,
  });
}

export function openOrm(url: string): Promise<MikroORM> {
  return MikroORM.init(ormOptions(url));
}

export type { MikroORM };
