/**
 * The child-process side of {@link ./remote-sink.ts}: runs the testkit's SMTP sink and reports
 * to the parent over IPC how many messages it has parsed, how many distinct Message-IDs and how
 * many carried a calendar REQUEST. It forgets each message once counted, so 10,000 parsed mails
 * do not pile up in memory.
 */
import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { SinkReport } from './remote-sink.js';

const sink = await startSmtpSink();
const messageIds = new Set<string>();
const report: SinkReport = { type: 'count', received: 0, distinct: 0, calendars: 0 };

function send(message: object): void {
  process.send?.(message);
}

/** Counts what arrived since the last tick; reports only when something did. */
function tally(): void {
  const arrived = sink.messages.splice(0);
  if (arrived.length === 0) return;
  for (const mail of arrived) {
    if (mail.messageId) messageIds.add(mail.messageId);
    if (mail.calendar?.method === 'REQUEST') report.calendars += 1;
  }
  report.received += arrived.length;
  report.distinct = messageIds.size;
  send(report);
}

// 10 ms: fine enough for runs of seconds, and at most 100 small IPC messages a second.
const ticker = setInterval(tally, 10);
process.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(ticker);
  void sink.close().then(() => process.exit(0));
});
// The parent died or let go: nothing left to report to.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', host: sink.host, port: sink.port });
