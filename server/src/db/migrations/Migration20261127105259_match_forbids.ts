import { Migration } from '@mikro-orm/migrations';

export class Migration20261127105259_match_forbids extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "match_forbid" ("id" uuid not null, "programme_id" uuid not null, "first_id" uuid not null, "second_id" uuid not null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "match_forbid_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "match_forbid_programme_id_index" on "match_forbid" ("programme_id");`,
    );
    this.addSql(
      `alter table "match_forbid" add constraint "match_forbid_first_id_second_id_unique" unique ("first_id", "second_id");`,
    );

    this.addSql(
      `alter table "match_forbid" add constraint "match_forbid_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "match_forbid" add constraint "match_forbid_first_id_foreign" foreign key ("first_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "match_forbid" add constraint "match_forbid_second_id_foreign" foreign key ("second_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "match_forbid" add constraint "match_forbid_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "match_forbid" cascade;`);
  }
}
