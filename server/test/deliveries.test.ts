import { startSmtpSink } from '@tandem/plugin-testkit/smtp-sink';
import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { Delivery } from '../src/modules/notifications/delivery.js';
import { mailTestApp, proposedPairs } from './helpers/proposed-pairs.js';
import { signedInAs } from './helpers/sessions.js';

/** Polls until every email delivery is in one of the states, or fails the wait. */
async function deliveriesIn(app: FastifyInstance, states: string[], count: number) {
  for (let i = 0; i < 300; i++) {
    const rows = await app.orm.em.fork().find(Delivery, { channel: 'email' });
    if (rows.length === count && rows.every((row) => states.includes(row.state))) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`deliveries did not reach ${states.join(' or ')}`);
}

/** Lets the time until the next retry pass at once, instead of waiting out the backoff. */
async function skipBackoff(app: FastifyInstance) {
  await app.orm.em.execute(
    "UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key LIKE 'delivery:%'",
  );
}

async function published(app: FastifyInstance, pairs: number) {
  const hr = await signedInAs(app, { subject: 'hr', name: 'HR', roles: ['admin'] });
  const { programme } = await proposedPairs(app, pairs);
  const answer = await app.inject({
    method: 'POST',
    url: `/api/admin/programmes/${programme.id}/publish`,
    cookies: hr.cookies,
  });
  if (answer.statusCode !== 200) throw new Error(answer.body);
  return hr;
}

t.test('SMTP answering 451 for a while: every invitation arrives once afterwards', async (t) => {
  const sink = await startSmtpSink();
  t.teardown(() => sink.close());
  sink.failWith(451, 'Try again later');
  const app = await mailTestApp(t, sink);
  await published(app, 5);
  const waiting = await deliveriesIn(app, ['retry-later'], 10);
  t.match(waiting[0], { attempts: 1, lastError: /451/ }, 'the reason is kept');
  t.equal(sink.messages.length, 0);

  sink.failWith(undefined);
  await skipBackoff(app);
  await deliveriesIn(app, ['delivered'], 10);
  await sink.waitFor(10);
  const keys = sink.messages.map((m) => m.messageId);
  t.equal(sink.messages.length, 10, 'ten invitations');
  t.equal(new Set(keys).size, 10, 'none twice');
});

t.test(
  'SMTP answering 550: failed with the reason, shown to admins, retried by hand',
  async (t) => {
    const sink = await startSmtpSink();
    t.teardown(() => sink.close());
    sink.failRecipients(['mentee-0@agency.example'], 550, 'No such mailbox');
    const app = await mailTestApp(t, sink);
    const hr = await published(app, 1);
    const [failed] = (await deliveriesIn(app, ['delivered', 'failed'], 2)).filter(
      (row) => row.state === 'failed',
    );
    t.match(failed, { attempts: 1, lastError: /550/ }, 'one try, then failed');
    await skipBackoff(app);
    await new Promise((resolve) => setTimeout(resolve, 500));
    t.equal(sink.messages.length, 1, 'the mentor got theirs; nothing is retried by itself');

    const listed = await app.inject({
      url: '/api/admin/deliveries?state=failed',
      cookies: hr.cookies,
    });
    t.match(listed.json(), [
      {
        id: failed?.id,
        channel: 'email',
        kind: 'invitation',
        lastError: /550/,
        recipient: { name: 'Mentee 0' },
      },
    ]);
    const participant = await signedInAs(app, { subject: 'someone', name: 'Someone' });
    t.equal(
      (await app.inject({ url: '/api/admin/deliveries', cookies: participant.cookies })).statusCode,
      403,
      'for admins only',
    );

    sink.failRecipients(['mentee-0@agency.example'], undefined);
    const retry = await app.inject({
      method: 'POST',
      url: `/api/admin/deliveries/${failed?.id}/retry`,
      cookies: hr.cookies,
    });
    t.match(retry.json(), { state: 'pending', attempts: 0 });
    await sink.waitFor(2);
    t.equal(sink.messages[1]?.envelope.to[0], 'mentee-0@agency.example', 'arrives after the retry');
    await deliveriesIn(app, ['delivered'], 2);
    t.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/api/admin/deliveries/${failed?.id}/retry`,
          cookies: hr.cookies,
        })
      ).statusCode,
      409,
      'a delivered one is not sent again',
    );
  },
);
