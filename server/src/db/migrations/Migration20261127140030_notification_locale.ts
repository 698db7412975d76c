import { Migration } from '@mikro-orm/migrations';

export class Migration20261127140030_notification_locale extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "notification" add column "locale" text check ("locale" in ('de', 'en')) not null default 'de';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop column "locale";`);
  }
}
