import { Migration } from '@mikro-orm/migrations';

export class Migration20261127110007_pair_activity_and_run_progress extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "match" add column "active_at" timestamptz null, add column "stale_since" timestamptz null;`,
    );

    this.addSql(`alter table "matching_run" add column "progress" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "match" drop column "active_at", drop column "stale_since";`);

    this.addSql(`alter table "matching_run" drop column "progress";`);
  }
}
