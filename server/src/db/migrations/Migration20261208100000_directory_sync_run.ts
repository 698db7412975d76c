import { Migration } from '@mikro-orm/migrations';

/** Each directory sync's outcome, for `tandem doctor` and the metrics. */
export class Migration20261208100000_directory_sync_run extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "directory_sync_run" ("id" uuid not null, "started_at" timestamptz not null, "finished_at" timestamptz not null, "outcome" text check ("outcome" in ('ok', 'failed')) not null, "counts" jsonb not null default '{}', "error" text null, constraint "directory_sync_run_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "directory_sync_run_finished_at_index" on "directory_sync_run" ("finished_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory_sync_run" cascade;`);
  }
}
