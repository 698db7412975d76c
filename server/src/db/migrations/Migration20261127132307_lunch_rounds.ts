import { Migration } from '@mikro-orm/migrations';

export class Migration20261127132307_lunch_rounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "match" drop constraint if exists "match_state_check";`);

    this.addSql(
      `alter table "match" add constraint "match_state_check" check("state" in ('proposed', 'pinned', 'published', 'dissolved', 'ended'));`,
    );

    this.addSql(
      `alter table "matching_run" add column "auto_publish" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "match" drop constraint if exists "match_state_check";`);

    this.addSql(
      `alter table "match" add constraint "match_state_check" check("state" in ('proposed', 'pinned', 'published', 'dissolved'));`,
    );

    this.addSql(`alter table "matching_run" drop column "auto_publish";`);
  }
}
