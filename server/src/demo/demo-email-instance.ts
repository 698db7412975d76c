import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ChannelInstance } from '../modules/channels/channel-instance.js';
import type { DemoMailSink } from './demo-mail-sink.js';

/** The demo's own instance of the email channel, as admins see it on the Plugins page. */
export const DEMO_EMAIL_INSTANCE = 'Demo-Postfach: Personalentwicklung';

/** Its sender, beside the server configuration's `tandem@demo.tandem.example`. */
export const DEMO_INSTANCE_SENDER = 'personalentwicklung@demo.tandem.example';

/**
 * Demo mode keeps one email channel instance, so that a newcomer can try channel instances
 * without a mail server: it sends to the Demo mailbox too, in the name of the HR development
 * team, so a programme that chooses it shows its invitations from that sender. The mailbox
 * listens on a new port at each start, so the instance is brought up to date then (in the
 * app's onReady, after migrations, before the first request).
 */
const demoEmailInstance: FastifyPluginAsync<{ sink: DemoMailSink }> = async (app, { sink }) => {
  app.addHook('onReady', async () => {
    const em = app.orm.em.fork();
    const config = {
      host: sink.host,
      port: sink.port,
      secure: false,
      from: DEMO_INSTANCE_SENDER,
      fromName: 'Personalentwicklung',
    };
    const existing = await em.findOne(ChannelInstance, {
      channel: 'email',
      name: DEMO_EMAIL_INSTANCE,
    });
    if (existing) em.assign(existing, { config });
    else em.create(ChannelInstance, { channel: 'email', name: DEMO_EMAIL_INSTANCE, config });
    await em.flush();
  });
};

export default fp(demoEmailInstance, {
  name: 'tandem-demo-email-instance',
  dependencies: ['tandem-orm'],
});
