import { Migration } from '@mikro-orm/migrations';

/** The calendar replies already answered, by message, so each is answered once. */
export class Migration20261206120000_calendar_reply extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "calendar_reply" ("message_key" text not null, "meeting_id" uuid not null, "answered_at" timestamptz not null default now(), constraint "calendar_reply_pkey" primary key ("message_key"), constraint "calendar_reply_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade on delete cascade);`,
    );
    this.addSql(
      `create index "calendar_reply_meeting_id_index" on "calendar_reply" ("meeting_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "calendar_reply" cascade;`);
  }
}
