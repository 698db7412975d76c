import { Migration } from '@mikro-orm/migrations';

/**
 * The operator's link to a video about the site in German Sign Language (DGS), which § 4
 * BITV 2.0 asks public bodies for; the Leichte Sprache pages and the accessibility statement
 * link it when it is set.
 */
export class Migration20261207100000_organisation_sign_language_video extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "organisation" add column "sign_language_video_url" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop column "sign_language_video_url";`);
  }
}
