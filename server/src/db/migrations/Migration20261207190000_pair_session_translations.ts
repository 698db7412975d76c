import { Migration } from '@mikro-orm/migrations';

/**
 * A pair's session keeps the curriculum's texts in every language it has (title, goal, agenda,
 * tutorials), so that each member reads the plan in their own; sessions planned before have
 * none and show as they were written.
 */
export class Migration20261207190000_pair_session_translations extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "pair_session" add column "translations" jsonb not null default '{}';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pair_session" drop column "translations";`);
  }
}
