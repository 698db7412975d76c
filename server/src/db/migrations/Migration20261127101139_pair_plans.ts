import { Migration } from '@mikro-orm/migrations';

export class Migration20261127101139_pair_plans extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pair_session" ("id" uuid not null, "match_id" uuid not null, "position" int not null, "title" varchar(255) not null, "goal" text not null default '', "agenda" jsonb not null default '[]', "tutorials" jsonb not null default '[]', "homework" jsonb not null, "duration_minutes" int not null, "offset_weeks" double precision not null, "milestone" text check ("milestone" in ('kick-off', 'mid-term-review', 'closing')) null, "status" text check ("status" in ('planned', 'done', 'skipped')) not null default 'planned', "added_by_pair" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "pair_session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "pair_session_match_id_position_index" on "pair_session" ("match_id", "position");`,
    );

    this.addSql(
      `create table "session_feedback" ("id" uuid not null, "session_id" uuid not null, "author_id" uuid not null, "rating" int not null, "comment" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "session_feedback_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "session_feedback" add constraint "session_feedback_session_id_author_id_unique" unique ("session_id", "author_id");`,
    );

    this.addSql(
      `create table "pair_question" ("id" uuid not null, "match_id" uuid not null, "author_id" uuid not null, "text" text not null, "answered" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "pair_question_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pair_question_match_id_index" on "pair_question" ("match_id");`);

    this.addSql(
      `create table "pair_note" ("id" uuid not null, "match_id" uuid not null, "author_id" uuid not null, "body" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "pair_note_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pair_note_match_id_index" on "pair_note" ("match_id");`);

    this.addSql(
      `alter table "pair_session" add constraint "pair_session_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "session_feedback" add constraint "session_feedback_session_id_foreign" foreign key ("session_id") references "pair_session" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "session_feedback" add constraint "session_feedback_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "pair_question" add constraint "pair_question_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pair_question" add constraint "pair_question_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "pair_note" add constraint "pair_note_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pair_note" add constraint "pair_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "session_feedback" drop constraint "session_feedback_session_id_foreign";`,
    );

    this.addSql(`drop table if exists "pair_session" cascade;`);

    this.addSql(`drop table if exists "session_feedback" cascade;`);

    this.addSql(`drop table if exists "pair_question" cascade;`);

    this.addSql(`drop table if exists "pair_note" cascade;`);
  }
}
