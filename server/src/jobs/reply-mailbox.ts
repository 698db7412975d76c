import { ImapFlow } from 'imapflow';
import type { Log } from '../logger.js';
import {
  answerFromCalendar,
  type CalendarReplyOutcome,
} from '../modules/meetings/answer-from-calendar.js';
import { parseCalendarReply } from '../modules/meetings/calendar-reply.js';
import type { MeetingDependencies } from '../modules/meetings/meeting-notices.js';
import type { ReplyMailboxSettings } from '../modules/meetings/reply-mailbox-settings.js';

/** The first wait after a failure; it doubles up to the longest. */
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5 * 60_000;
/** Messages read per round, so one round never holds a huge mailbox in memory. */
const BATCH = 50;

export interface ReplyMailboxReader {
  /**
   * Stops reading: a wait (for mail, or before trying again) ends at once, a sweep under way
   * finishes the messages it fetched; resolves once the connection is closed.
   */
  stop(): Promise<void>;
}

/** An IMAP connection to the reply mailbox, logged in; the caller logs out. */
export function replyMailboxClient(settings: ReplyMailboxSettings): ImapFlow {
  return new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  });
}

/**
 * Reads calendars' answers from the reply mailbox for as long as the worker runs: every message
 * in the inbox is applied (see {@link answerFromCalendar}) and then moved, to the processed
 * folder or, when Tandem could not use it, to the unprocessed folder for a person to look at.
 * New mail is noticed at once where the server has IDLE (the reader idles as soon as it has
 * read the inbox; imapflow polls with NOOP where IDLE is missing), and swept every `pollMs`
 * besides. A lost connection is opened again, waiting longer after each failure.
 */
export function startReplyMailbox(
  settings: ReplyMailboxSettings,
  deps: MeetingDependencies,
  log: Log,
): ReplyMailboxReader {
  const stopping = new AbortController();
  const running = (async () => {
    let retryMs = FIRST_RETRY_MS;
    while (!stopping.signal.aborted) {
      let client: ImapFlow | undefined;
      try {
        client = await openReplyMailbox(settings, log);
        log.info({ idle: client.capabilities.has('IDLE') }, 'reading the reply mailbox');
        retryMs = FIRST_RETRY_MS;
        while (!stopping.signal.aborted && client.usable) {
          await readInbox(client, settings, deps, log);
          await pause(settings.pollMs, stopping.signal, client);
        }
      } catch (error) {
        if (!stopping.signal.aborted)
          log.warn({ err: error, retryMs }, 'reply mailbox unreachable; trying again');
      } finally {
        if (client) await logOut(client);
      }
      await pause(retryMs, stopping.signal);
      retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
    }
  })();
  return {
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}

/**
 * Waits `ms`, or less: until the reader stops or, given a client, new mail arrives (listening
 * with IDLE from the start) or the connection closes. Every listener goes again, so a quiet mailbox polled for months adds none.
 */
function pause(ms: number, stopped: AbortSignal, client?: ImapFlow): Promise<void> {
  if (stopped.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopped.removeEventListener('abort', done);
      client?.off('exists', done);
      client?.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stopped.addEventListener('abort', done);
    client?.on('exists', done);
    client?.on('close', done);
    // Listen at once: imapflow would start IDLE only after 15 s of quiet, and a reply arriving
    // meanwhile waited for it. The next command ends the IDLE; a failed one closes the client.
    client?.idle().catch(() => undefined);
  });
}

/**
 * Reads the reply mailbox once, on a connection of its own: every message in the inbox is
 * applied (at `deps.now`) and moved, as in one round of {@link startReplyMailbox}. For a caller
 * that decides when the mailbox is read instead of waiting for mail, such as the season test on
 * its simulated clock.
 */
export async function sweepReplyMailbox(
  settings: ReplyMailboxSettings,
  deps: MeetingDependencies,
  log: Log,
): Promise<void> {
  const client = await openReplyMailbox(settings, log);
  try {
    await readInbox(client, settings, deps, log);
  } finally {
    await logOut(client);
  }
}

/** A connection to the reply mailbox, its folders in place and the inbox selected. */
async function openReplyMailbox(settings: ReplyMailboxSettings, log: Log): Promise<ImapFlow> {
  const client = replyMailboxClient(settings);
  // Without a listener, imapflow's socket errors would end the process.
  client.on('error', (error: Error) => log.warn({ err: error }, 'reply mailbox connection failed'));
  try {
    await client.connect();
    await openFolders(client, settings);
    return client;
  } catch (error) {
    await logOut(client);
    throw error;
  }
}

async function logOut(client: ImapFlow): Promise<void> {
  await client.logout().catch(() => client.close());
}

/** Creates the two destination folders where missing and selects the inbox. */
async function openFolders(client: ImapFlow, settings: ReplyMailboxSettings): Promise<void> {
  const existing = new Set((await client.list()).map((folder) => folder.path));
  for (const folder of [settings.processedFolder, settings.unprocessedFolder])
    if (!existing.has(folder)) await client.mailboxCreate(folder);
  await client.mailboxOpen(settings.inbox);
}

/**
 * Applies and moves every message in the selected inbox, a batch at a time. A message another
 * reader moved meanwhile is simply gone from here; one it answered is recorded as answered.
 */
export async function readInbox(
  client: ImapFlow,
  settings: ReplyMailboxSettings,
  deps: MeetingDependencies,
  log: Log,
): Promise<void> {
  for (;;) {
    const mailbox = client.mailbox;
    if (!mailbox || mailbox.exists === 0) return;
    const messages = await client.fetchAll(`1:${Math.min(mailbox.exists, BATCH)}`, {
      uid: true,
      source: true,
    });
    let moved = 0;
    for (const message of messages) {
      const key = `${mailbox.uidValidity}:${message.uid}`;
      const result = await answer(message.source, key, deps);
      const { outcome, ...ids } = result;
      const logged = { uid: message.uid, outcome, ...ids };
      if (outcome === 'rejected') log.warn(logged, 'calendar reply set aside for inspection');
      else log.info(logged, 'calendar reply read');
      const folder = outcome === 'rejected' ? settings.unprocessedFolder : settings.processedFolder;
      if (await client.messageMove(String(message.uid), folder, { uid: true })) moved++;
    }
    // Nothing left this inbox (another reader took them all, or moving fails): the next sweep
    // tries again rather than this one going round in circles.
    if (!moved) return;
  }
}

async function answer(
  source: Buffer | undefined,
  uidKey: string,
  deps: MeetingDependencies,
): Promise<CalendarReplyOutcome> {
  const reply = source && (await parseCalendarReply(source).catch(() => undefined));
  if (!reply) return { outcome: 'rejected', reason: 'no calendar reply in the message' };
  return answerFromCalendar(deps, reply, reply.messageId ?? uidKey);
}
