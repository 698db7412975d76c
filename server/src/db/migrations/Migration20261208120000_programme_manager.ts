import { Migration } from '@mikro-orm/migrations';

/** Programme managers: which programmes an admin assigned to whom. */
export class Migration20261208120000_programme_manager extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "programme_manager" ("id" uuid not null, "programme_id" uuid not null, "user_id" uuid not null, "created_at" timestamptz not null, constraint "programme_manager_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "programme_manager_user_id_index" on "programme_manager" ("user_id");`,
    );
    this.addSql(
      `alter table "programme_manager" add constraint "programme_manager_programme_id_user_id_unique" unique ("programme_id", "user_id");`,
    );
    this.addSql(
      `alter table "programme_manager" add constraint "programme_manager_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "programme_manager" add constraint "programme_manager_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "programme_manager" cascade;`);
  }
}
