import { Migration } from '@mikro-orm/migrations';

export class Migration20261127092814_plugins_and_matching_runs extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "plugin_store_entry" ("plugin" varchar(255) not null, "key" varchar(255) not null, "value" jsonb not null, "expires_at" timestamptz null, "updated_at" timestamptz not null, constraint "plugin_store_entry_pkey" primary key ("plugin", "key"));`,
    );
    this.addSql(
      `create index "plugin_store_entry_expires_at_index" on "plugin_store_entry" ("expires_at");`,
    );

    this.addSql(
      `create table "matching_run" ("id" uuid not null, "programme_id" uuid not null, "strategy" varchar(255) not null, "state" text check ("state" in ('queued', 'running', 'succeeded', 'failed')) not null default 'queued', "seed" int not null, "error" text null, "group_count" int null, "unmatched" jsonb not null default '[]', "requested_by_id" uuid null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "matching_run_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "matching_run_programme_id_created_at_index" on "matching_run" ("programme_id", "created_at");`,
    );

    this.addSql(
      `alter table "matching_run" add constraint "matching_run_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "matching_run" add constraint "matching_run_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "plugin_store_entry" cascade;`);

    this.addSql(`drop table if exists "matching_run" cascade;`);
  }
}
