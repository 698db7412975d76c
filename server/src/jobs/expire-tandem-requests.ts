import type { Task } from 'graphile-worker';

/** Identifier of the task; the crontab runs it every hour. */
export const EXPIRE_TANDEM_REQUESTS = 'expire-tandem-requests';

/**
 * Marks self-service requests nobody answered in time as expired, so that the asker's next
 * suggestion comes up. (Answering already refuses an expired request; this makes it visible.)
 */
export const expireTandemRequests: Task = async (_payload, helpers) => {
  const { rowCount } = await helpers.query(
    `UPDATE tandem_request SET state = 'expired' WHERE state = 'pending' AND expires_at <= now()`,
  );
  if (rowCount) helpers.logger.info(`expired ${rowCount} unanswered tandem requests`);
};
