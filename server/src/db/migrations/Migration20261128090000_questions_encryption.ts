import { Migration } from '@mikro-orm/migrations';

/**
 * Pair questions are stored encrypted, as notes are. A migration cannot know the key, so the
 * texts written so far move to `legacy_text`, and `tandem start` (or `tandem notes rotate`)
 * encrypts them and empties that column before anyone reads a question.
 */
export class Migration20261128090000_questions_encryption extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "pair_question" rename column "text" to "legacy_text";`);
    this.addSql(`alter table "pair_question" alter column "legacy_text" drop not null;`);
    this.addSql(
      `alter table "pair_question" add column "key_id" varchar(255) null, add column "iv" bytea null, add column "ciphertext" bytea null;`,
    );
  }

  override async down(): Promise<void> {
    // The key is unknown here too: questions encrypted since cannot come back as plaintext.
    this.addSql(`delete from "pair_question" where "legacy_text" is null;`);
    this.addSql(
      `alter table "pair_question" drop column "key_id", drop column "iv", drop column "ciphertext";`,
    );
    this.addSql(`alter table "pair_question" alter column "legacy_text" set not null;`);
    this.addSql(`alter table "pair_question" rename column "legacy_text" to "text";`);
  }
}
