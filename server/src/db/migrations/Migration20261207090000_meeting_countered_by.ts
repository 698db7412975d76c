import { Migration } from '@mikro-orm/migrations';

/**
 * Who proposed a meeting's current time from their calendar (an iMIP COUNTER), so that when
 * another member refuses it their calendar is told with a DECLINECOUNTER. Set null when that
 * person is deleted: the meeting stays, only the reminder of whose proposal it was goes.
 */
export class Migration20261207090000_meeting_countered_by extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "meeting" add column "countered_by_id" uuid null;`);
    this.addSql(
      `alter table "meeting" add constraint "meeting_countered_by_id_foreign" foreign key ("countered_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "meeting" drop constraint "meeting_countered_by_id_foreign";`);
    this.addSql(`alter table "meeting" drop column "countered_by_id";`);
  }
}
