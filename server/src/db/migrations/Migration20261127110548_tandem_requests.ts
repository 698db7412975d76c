import { Migration } from '@mikro-orm/migrations';

export class Migration20261127110548_tandem_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "tandem_request" ("id" uuid not null, "programme_id" uuid not null, "from_id" uuid not null, "to_id" uuid not null, "state" text check ("state" in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')) not null default 'pending', "created_at" timestamptz not null, "expires_at" timestamptz not null, "answered_at" timestamptz null, constraint "tandem_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "tandem_request_programme_id_state_index" on "tandem_request" ("programme_id", "state");`,
    );
    this.addSql(
      `create index "tandem_request_to_id_state_index" on "tandem_request" ("to_id", "state");`,
    );

    this.addSql(
      `alter table "tandem_request" add constraint "tandem_request_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "tandem_request" add constraint "tandem_request_from_id_foreign" foreign key ("from_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "tandem_request" add constraint "tandem_request_to_id_foreign" foreign key ("to_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "tandem_request" cascade;`);
  }
}
