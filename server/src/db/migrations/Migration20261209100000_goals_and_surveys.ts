import { Migration } from '@mikro-orm/migrations';

/**
 * A pair's goals with their progress, and the programme surveys.
 *
 * - `pair_goal`: a goal of one pair, seeded from the mentee's enrolment goals (`origin`
 *   'enrolment') or added by the pair ('pair'); `removed_at` keeps a removed goal out of view
 *   without rewriting the history of its progress.
 * - `pair_goal_progress`: one mark per goal and occasion (usually a session): a level from 0
 *   (not started) to 4 (reached) and an optional note. The latest mark is the goal's state.
 * - `survey_invitation`: who is asked which survey of a programme and whether they answered —
 *   never what, and never when (a time would match the response's place in the table).
 * - `survey_response`: the answers, by question id, with nothing that leads back to a person:
 *   no user, no time, a random id.
 */
export class Migration20261209100000_goals_and_surveys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pair_goal" ("id" uuid not null, "match_id" uuid not null, "text" varchar(300) not null, "origin" text check ("origin" in ('enrolment', 'pair')) not null, "position" int not null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "removed_at" timestamptz null, constraint "pair_goal_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pair_goal_match_id_index" on "pair_goal" ("match_id");`);
    this.addSql(
      `alter table "pair_goal" add constraint "pair_goal_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pair_goal" add constraint "pair_goal_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create table "pair_goal_progress" ("id" uuid not null, "goal_id" uuid not null, "session_id" uuid null, "level" smallint not null check ("level" between 0 and 4), "note" varchar(1000) null, "author_id" uuid null, "created_at" timestamptz not null, constraint "pair_goal_progress_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "pair_goal_progress_goal_id_created_at_index" on "pair_goal_progress" ("goal_id", "created_at");`,
    );
    this.addSql(
      `alter table "pair_goal_progress" add constraint "pair_goal_progress_goal_id_foreign" foreign key ("goal_id") references "pair_goal" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "pair_goal_progress" add constraint "pair_goal_progress_session_id_foreign" foreign key ("session_id") references "pair_session" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "pair_goal_progress" add constraint "pair_goal_progress_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create table "survey_invitation" ("id" uuid not null, "programme_id" uuid not null, "user_id" uuid not null, "survey" text check ("survey" in ('baseline', 'midterm', 'end')) not null, "sent_at" timestamptz null, "answered" boolean not null default false, constraint "survey_invitation_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "survey_invitation" add constraint "survey_invitation_programme_id_user_id_survey_unique" unique ("programme_id", "user_id", "survey");`,
    );
    this.addSql(
      `create index "survey_invitation_user_id_index" on "survey_invitation" ("user_id");`,
    );
    this.addSql(
      `alter table "survey_invitation" add constraint "survey_invitation_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "survey_invitation" add constraint "survey_invitation_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `create table "survey_response" ("id" uuid not null, "programme_id" uuid not null, "survey" text check ("survey" in ('baseline', 'midterm', 'end')) not null, "answers" jsonb not null, constraint "survey_response_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "survey_response_programme_id_survey_index" on "survey_response" ("programme_id", "survey");`,
    );
    this.addSql(
      `alter table "survey_response" add constraint "survey_response_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "survey_response" cascade;`);
    this.addSql(`drop table if exists "survey_invitation" cascade;`);
    this.addSql(`drop table if exists "pair_goal_progress" cascade;`);
    this.addSql(`drop table if exists "pair_goal" cascade;`);
  }
}
