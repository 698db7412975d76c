import { notificationChannelContract } from '@tandem/plugin-testkit';
import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import t from 'tap';
import email, { closeTransports } from '../src/index.js';
import { messageIdFor } from '../src/mail-message.js';
import { FROM } from './helpers/email-setup.js';

const sink = await startSmtpSink();
t.teardown(async () => {
  closeTransports();
  await sink.close();
});

const contract = notificationChannelContract(email, {
  config: { host: sink.host, port: sink.port, from: FROM },
  deliveries: (deliveryKey) => {
    const id = messageIdFor(deliveryKey, FROM);
    return sink.messages.filter((mail) => mail.messageId === id).length;
  },
  transientFailure: { setup: () => sink.failWith(451), teardown: () => sink.failWith(undefined) },
  permanentFailure: { setup: () => sink.failWith(550), teardown: () => sink.failWith(undefined) },
  unreachable: ({ host, port }) => ({ config: { host, port } }),
});
for (const check of contract) t.test(check.name, check.run);
