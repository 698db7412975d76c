import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for an organisation of tens of thousands (issue 21's agency benchmark): people found
 * by their email whatever its case (an enrolment import, enrolling on someone's behalf), which
 * scanned every person for each row.
 */
export class Migration20261210110000_agency_scale extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "app_user_lower_email_index" on "app_user" (lower("email"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "app_user_lower_email_index";`);
  }
}
