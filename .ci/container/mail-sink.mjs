// The CI stack's mail sink (.ci/container/compose.yaml): a real SMTP server (smtp-server, which
// the Tandem image carries for its mail tests' kin) that keeps every message in memory and lists
// them as JSON on http://<host>:8025/messages, for .ci/container/journey.mjs to read.
// Run with the Tandem image's node: `node /app/ci/mail-sink.mjs`.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const messages = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      messages.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        subject: /^Subject: (.*)$/im.exec(raw)?.[1] ?? '',
        calendar: /^Content-Type: text\/calendar/im.test(raw),
        size: raw.length,
      });
      callback();
    });
  },
});
smtp.listen(1025, '0.0.0.0');

createServer((request, response) => {
  if (request.url === '/ready') return response.end('ok');
  if (request.url !== '/messages') return response.writeHead(404).end();
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(messages));
}).listen(8025, '0.0.0.0');
