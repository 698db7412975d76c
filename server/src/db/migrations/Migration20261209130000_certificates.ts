import { Migration } from '@mikro-orm/migrations';

/**
 * Participation certificates: one per person and programme, with what it states copied at
 * issue (names, period, sessions, minutes, topics, language), so that verifying its number shows
 * the certificate as issued. It goes with the holder's account and with the programme.
 */
export class Migration20261209130000_certificates extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "certificate" ("id" uuid not null, "number" varchar(18) not null, "programme_id" uuid not null, "user_id" uuid not null, "holder_name" varchar(255) not null, "programme_name" varchar(255) not null, "organisation_name" varchar(255) null, "period_start" varchar(10) not null, "period_end" varchar(10) not null, "sessions_held" int not null, "minutes" int not null, "topics" jsonb not null default '[]', "locale" text check ("locale" in ('de', 'en')) not null, "issued_at" timestamptz not null, "issued_by_id" uuid null, constraint "certificate_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_number_unique" unique ("number");`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_programme_id_user_id_unique" unique ("programme_id", "user_id");`,
    );
    this.addSql(`create index "certificate_user_id_index" on "certificate" ("user_id");`);
    this.addSql(
      `alter table "certificate" add constraint "certificate_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "certificate" add constraint "certificate_issued_by_id_foreign" foreign key ("issued_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate" cascade;`);
  }
}
