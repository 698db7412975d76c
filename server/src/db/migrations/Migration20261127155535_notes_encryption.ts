import { Migration } from '@mikro-orm/migrations';

/**
 * Pair notes are stored encrypted. A migration cannot know the key, so the bodies written so far
 * move to `legacy_body`, and `tandem start` (or `tandem notes rotate`) encrypts them and empties
 * that column before anyone reads a note.
 */
export class Migration20261127155535_notes_encryption extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pair_note" rename column "body" to "legacy_body";`);
    this.addSql(`alter table "pair_note" alter column "legacy_body" drop not null;`);
    this.addSql(
      `alter table "pair_note" add column "key_id" varchar(255) null, add column "iv" bytea null, add column "ciphertext" bytea null;`,
    );
  }

  override async down(): Promise<void> {
    // The key is unknown here too: notes encrypted since cannot come back as plaintext.
    this.addSql(`delete from "pair_note" where "legacy_body" is null;`);
    this.addSql(
      `alter table "pair_note" drop column "key_id", drop column "iv", drop column "ciphertext";`,
    );
    this.addSql(`alter table "pair_note" alter column "legacy_body" set not null;`);
    this.addSql(`alter table "pair_note" rename column "legacy_body" to "body";`);
  }
}
