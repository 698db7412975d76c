import type { EntityManager } from '@mikro-orm/postgresql';
import { lockRows } from '../../db/lock-rows.js';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { activeChannels } from '../notifications/active-channels.js';
import { notify } from '../notifications/notify.js';
import { requestNotice } from './request-notices.js';
import { TandemRequest } from './tandem-request.js';

/**
 * Marks the requests nobody answered in time as expired and tells each asker, so that they
 * choose someone else. Answering refuses an expired request already; this makes it visible.
 * Each row is locked and read again first, so an answer or withdrawal at the same moment wins
 * or loses as a whole.
 *
 * @returns how many requests expired.
 */
export async function expireRequests(
  em: EntityManager,
  plugins: PluginRegistry,
  now: Date,
): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const due = await tx.find(TandemRequest, { state: 'pending', expiresAt: { $lte: now } });
    if (due.length === 0) return 0;
    await lockRows(
      tx,
      TandemRequest,
      due.map((request) => request.id),
    );
    const expired = await tx.find(
      TandemRequest,
      { id: { $in: due.map((request) => request.id) }, state: 'pending' },
      { populate: ['from.user', 'to.user', 'programme'], refresh: true },
    );
    for (const request of expired) tx.assign(request, { state: 'expired' });
    await tx.flush();
    await notify(
      tx,
      expired.map((request) => requestNotice(request, 'expired')),
      activeChannels(plugins),
    );
    return expired.length;
  });
}
