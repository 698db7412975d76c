import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateFor } from '../db/migrate.js';
import { openOrm } from '../db/orm.js';
import { EXIT_USAGE, OperatorError } from '../errors.js';
import { createLogger } from '../logger.js';
import { rotateNotes } from '../modules/pairs/note-rotation.js';
import { PairNote } from '../modules/pairs/pair-note.js';
import { PairQuestion } from '../modules/pairs/pair-question.js';
import { checkNoteKeys } from './note-key-check.js';

/**
 * `tandem notes rotate`: re-encrypts every pair note and question with the first of
 * NOTES_ENCRYPTION_KEYS, printing its progress, so that the keys after it can be removed.
 */
export async function notesCommand(config: Config, action: string | undefined): Promise<void> {
  if (action !== 'rotate') throw new OperatorError('Usage: tandem notes rotate', EXIT_USAGE);
  const log = createLogger(config);
  checkNoteKeys(config, log);
  const database = await openDatabase(config, log);
  try {
    await migrateFor(config, database.url, log);
    const orm = await openOrm(database.url);
    try {
      const fork = orm.em.fork();
      const total = (await fork.count(PairNote)) + (await fork.count(PairQuestion));
      const keyId = config.noteKeyring.keys[0]?.id;
      console.log(`Re-encrypting pair notes and questions with key ${keyId} (${total} in all) …`);
      const result = await rotateNotes(orm.em, config.noteKeyring, {
        onProgress: ({ seen, rotated }) =>
          console.log(`  ${rotated} re-encrypted, ${seen} looked at`),
      });
      console.log(
        `Done: ${result.rotated} notes and questions re-encrypted with ${keyId}, ${total - result.seen} already were.`,
      );
      if (result.unreadable > 0)
        throw new OperatorError(
          `${result.unreadable} notes and questions open with none of NOTES_ENCRYPTION_KEYS and were left as they are; keep the old keys until you know why (the server log names each one when it is read).`,
        );
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}
