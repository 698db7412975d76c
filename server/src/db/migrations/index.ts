import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127070132_initial } from './Migration20261127070132_initial.js';

/** Every migration, oldest first. `pnpm --filter @tandem/server migration:create` appends here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127070132_initial', class: Migration20261127070132_initial },
];
