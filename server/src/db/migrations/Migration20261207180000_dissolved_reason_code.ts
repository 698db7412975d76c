import { Migration } from '@mikro-orm/migrations';

/** Why an admin dissolved a pair, as a code the web app words; null for members' reports. */
export class Migration20261207180000_dissolved_reason_code extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "match" add column "dissolved_reason_code" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "match" drop column "dissolved_reason_code";`);
  }
}
