import { Migration } from '@mikro-orm/migrations';

export class Migration20261127070132_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "organisation" ("id" int not null, "name" varchar(255) not null, "time_zone" varchar(255) not null default 'Europe/Berlin', "default_locale" text check ("default_locale" in ('de', 'en')) not null default 'de', "demo" boolean not null default false, "created_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "issuer" varchar(255) not null, "subject" varchar(255) not null, "name" varchar(255) not null, "email" varchar(255) null, "department" varchar(255) null, "title" varchar(255) null, "roles" text[] not null default '{}', "locale" text check ("locale" in ('de', 'en')) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_issuer_subject_unique" unique ("issuer", "subject");`,
    );

    this.addSql(
      `create table "programme" ("id" uuid not null, "name" varchar(255) not null, "description" text not null default '', "kind" text check ("kind" in ('reverse-mentoring', 'classic-mentoring', 'peer-lunch')) not null, "state" text check ("state" in ('draft', 'enrolment', 'matching', 'running', 'closed')) not null default 'draft', "curriculum" varchar(255) not null, "matching_strategy" varchar(255) not null, "settings" jsonb not null default '{}', "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "programme_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "match" ("id" uuid not null, "programme_id" uuid not null, "state" text check ("state" in ('proposed', 'pinned', 'published', 'dissolved')) not null default 'proposed', "score" double precision null, "criteria" jsonb not null default '[]', "dissolved_reason" text null, "created_at" timestamptz not null, "published_at" timestamptz null, "dissolved_at" timestamptz null, constraint "match_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "match_programme_id_index" on "match" ("programme_id");`);

    this.addSql(
      `create table "meeting" ("id" uuid not null, "match_id" uuid not null, "session_index" int not null, "title" varchar(255) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "location" varchar(255) null, "link" varchar(255) null, "state" text check ("state" in ('planned', 'confirmed', 'held', 'missed', 'cancelled')) not null default 'planned', "calendar_sequence" int not null default 0, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "meeting_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "meeting_starts_at_index" on "meeting" ("starts_at");`);
    this.addSql(`create index "meeting_match_id_index" on "meeting" ("match_id");`);

    this.addSql(
      `create table "enrolment" ("id" uuid not null, "programme_id" uuid not null, "user_id" uuid not null, "role" text check ("role" in ('mentor', 'mentee', 'either')) not null, "state" text check ("state" in ('active', 'withdrawn')) not null default 'active', "experience_years" int null, "profile" jsonb not null default '{}', "created_at" timestamptz not null, "updated_at" timestamptz not null, "withdrawn_at" timestamptz null, constraint "enrolment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "enrolment_user_id_index" on "enrolment" ("user_id");`);
    this.addSql(
      `alter table "enrolment" add constraint "enrolment_programme_id_user_id_unique" unique ("programme_id", "user_id");`,
    );

    this.addSql(
      `create table "match_member" ("id" uuid not null, "match_id" uuid not null, "enrolment_id" uuid not null, "role" text check ("role" in ('mentor', 'mentee', 'peer')) not null, constraint "match_member_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "match_member_enrolment_id_index" on "match_member" ("enrolment_id");`,
    );
    this.addSql(
      `alter table "match_member" add constraint "match_member_match_id_enrolment_id_unique" unique ("match_id", "enrolment_id");`,
    );

    this.addSql(
      `create table "delivery" ("id" uuid not null, "subject" varchar(255) not null, "meeting_id" uuid null, "recipient_id" uuid not null, "channel" varchar(255) not null, "kind" varchar(255) not null, "sequence" int not null default 0, "state" text check ("state" in ('pending', 'delivered', 'retry-later', 'failed')) not null default 'pending', "attempts" int not null default 0, "last_error" text null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "delivery_recipient_id_index" on "delivery" ("recipient_id");`);
    this.addSql(`create index "delivery_meeting_id_index" on "delivery" ("meeting_id");`);
    this.addSql(
      `alter table "delivery" add constraint "delivery_subject_recipient_id_channel_sequence_unique" unique ("subject", "recipient_id", "channel", "sequence");`,
    );

    this.addSql(
      `create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "action" varchar(255) not null, "target_type" varchar(255) null, "target_id" varchar(255) null, "data" jsonb not null default '{}');`,
    );
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(
      `create index "audit_event_target_type_target_id_index" on "audit_event" ("target_type", "target_id");`,
    );

    this.addSql(
      `alter table "programme" add constraint "programme_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "match" add constraint "match_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "meeting" add constraint "meeting_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "enrolment" add constraint "enrolment_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "enrolment" add constraint "enrolment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "match_member" add constraint "match_member_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "match_member" add constraint "match_member_enrolment_id_foreign" foreign key ("enrolment_id") references "enrolment" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "delivery" add constraint "delivery_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "delivery" add constraint "delivery_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "audit_event" add constraint "audit_event_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "programme" drop constraint "programme_created_by_id_foreign";`);

    this.addSql(`alter table "enrolment" drop constraint "enrolment_user_id_foreign";`);

    this.addSql(`alter table "delivery" drop constraint "delivery_recipient_id_foreign";`);

    this.addSql(`alter table "audit_event" drop constraint "audit_event_actor_id_foreign";`);

    this.addSql(`alter table "match" drop constraint "match_programme_id_foreign";`);

    this.addSql(`alter table "enrolment" drop constraint "enrolment_programme_id_foreign";`);

    this.addSql(`alter table "meeting" drop constraint "meeting_match_id_foreign";`);

    this.addSql(`alter table "match_member" drop constraint "match_member_match_id_foreign";`);

    this.addSql(`alter table "delivery" drop constraint "delivery_meeting_id_foreign";`);

    this.addSql(`alter table "match_member" drop constraint "match_member_enrolment_id_foreign";`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "programme" cascade;`);

    this.addSql(`drop table if exists "match" cascade;`);

    this.addSql(`drop table if exists "meeting" cascade;`);

    this.addSql(`drop table if exists "enrolment" cascade;`);

    this.addSql(`drop table if exists "match_member" cascade;`);

    this.addSql(`drop table if exists "delivery" cascade;`);

    this.addSql(`drop table if exists "audit_event" cascade;`);
  }
}
