import { Migration } from '@mikro-orm/migrations';

export class Migration20261127161342_api_tokens extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_token" ("id" uuid not null, "owner_id" uuid not null, "name" varchar(255) not null, "scopes" text[] not null, "token_hash" varchar(255) not null, "prefix" varchar(255) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "expires_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_token_owner_id_index" on "api_token" ("owner_id");`);
    this.addSql(
      `alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `alter table "api_token" add constraint "api_token_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_token" cascade;`);
  }
}
