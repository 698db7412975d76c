import { Migration } from '@mikro-orm/migrations';

/** "Find a time together": a pair's open search for a session's time, and the times proposed. */
export class Migration20261206122000_find_a_time extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "scheduling_request" ("id" uuid not null, "match_id" uuid not null, "session_id" uuid not null, "state" text check ("state" in ('open', 'settled', 'expired')) not null default 'open', "meeting_id" uuid null, "opened_at" timestamptz not null, "closed_at" timestamptz null, constraint "scheduling_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "scheduling_request_match_id_index" on "scheduling_request" ("match_id");`,
    );
    // One open search per pair, even when two planner runs find no time at once.
    this.addSql(
      `create unique index "scheduling_request_one_open" on "scheduling_request" ("match_id") where "state" = 'open';`,
    );
    this.addSql(
      `alter table "scheduling_request" add constraint "scheduling_request_match_id_foreign" foreign key ("match_id") references "match" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scheduling_request" add constraint "scheduling_request_session_id_foreign" foreign key ("session_id") references "pair_session" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "scheduling_request" add constraint "scheduling_request_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `create table "time_proposal" ("id" uuid not null, "request_id" uuid not null, "proposer_id" uuid not null, "starts_at" timestamptz not null, "created_at" timestamptz not null, constraint "time_proposal_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "time_proposal_request_id_index" on "time_proposal" ("request_id");`);
    this.addSql(
      `alter table "time_proposal" add constraint "time_proposal_request_id_foreign" foreign key ("request_id") references "scheduling_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "time_proposal" add constraint "time_proposal_proposer_id_foreign" foreign key ("proposer_id") references "app_user" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "time_proposal" cascade;`);
    this.addSql(`drop table if exists "scheduling_request" cascade;`);
  }
}
