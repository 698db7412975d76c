import { Migration } from '@mikro-orm/migrations';

export class Migration20261127072714_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "login_attempt" ("id" varchar(255) not null, "state" varchar(255) not null, "nonce" varchar(255) not null, "code_verifier" varchar(255) not null, "return_to" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "login_attempt_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "session" ("id" varchar(255) not null, "user_id" uuid not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "idp_session_id" varchar(255) null, "id_token" text null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_idp_session_id_index" on "session" ("idp_session_id");`);

    this.addSql(
      `alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "login_attempt" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);
  }
}
