import { Migration } from '@mikro-orm/migrations';

/** The short note someone may add when asking another participant to be their tandem. */
export class Migration20261207120000_tandem_request_message extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "tandem_request" add column "message" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "tandem_request" drop column "message";`);
  }
}
