import type { Config } from '../config.js';
import { EXIT_CONFIG, OperatorError } from '../errors.js';
import type { Log } from '../logger.js';

/**
 * Production keeps private notes only under the operator's own key; elsewhere the public
 * development key stands in, and the log says so loudly at every start.
 *
 * @throws OperatorError in production without NOTES_ENCRYPTION_KEYS.
 */
export function checkNoteKeys(config: Config, log: Log): void {
  if (!config.noteKeyring.development) return;
  if (config.env === 'production')
    throw new OperatorError(
      'Set NOTES_ENCRYPTION_KEYS (keyId:base64key, a key from `openssl rand -base64 32`): in production, private pair notes and questions are not stored under the public development key.',
      EXIT_CONFIG,
    );
  log.warn(
    'NOTES_ENCRYPTION_KEYS is not set: private pair notes and questions are encrypted with the PUBLIC DEVELOPMENT KEY, which protects nothing. Set your own key before real people write them (docs/operators/security.md).',
  );
}
