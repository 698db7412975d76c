import { Migration } from '@mikro-orm/migrations';

/**
 * `calendars_unread`: the members whose own calendar Tandem could not read when it chose the
 * meeting's time (free/busy configured, their calendar server down or refusing); their
 * invitation says the time was chosen without it.
 */
export class Migration20261208150000_meeting_calendars_unread extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "meeting" add column "calendars_unread" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "meeting" drop column "calendars_unread";`);
  }
}
