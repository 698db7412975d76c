import {
  defineNotificationChannel,
  type OutgoingMessage,
  type SendResult,
  Type,
} from '@tandem/plugin-sdk';
import t from 'tap';
import { type FailureScenario, notificationChannelContract } from '../src/index.js';
import { failures } from './helpers/check-results.js';

/** A fake message service: counts what arrives per delivery key, can be busy, knows addresses. */
class FakeInbox {
  readonly arrived = new Map<string, number>();
  busy = false;
  readonly known = new Set(['erika.mustermann@example.org']);

  accept(endpoint: string, message: OutgoingMessage): 'ok' | 'busy' | 'unknown' {
    if (this.busy || endpoint === 'maintenance') return 'busy';
    if (!this.known.has(message.recipient.address ?? '')) return 'unknown';
    this.arrived.set(message.deliveryKey, (this.arrived.get(message.deliveryKey) ?? 0) + 1);
    return 'ok';
  }

  deliveries = (deliveryKey: string) => this.arrived.get(deliveryKey) ?? 0;
}

/** Ways to break the channel, each on its own. */
interface Flaws {
  forgetKeys?: boolean;
  retryEverything?: boolean;
  claimWithoutSending?: boolean;
  silentRetry?: boolean;
  inventStatus?: boolean;
}

function inboxChannel(inbox: FakeInbox, flaws: Flaws = {}) {
  return defineNotificationChannel({
    name: 'fake-inbox',
    version: '1.0.0',
    host: '^0.1.0',
    configSchema: Type.Object({
      endpoint: Type.String({ default: 'primary' }),
      retryAfterSeconds: Type.Integer({ minimum: 0, default: 60 }),
    }),
    async send(message, ctx): Promise<SendResult> {
      if (flaws.inventStatus) return { status: 'sent' } as unknown as SendResult;
      const key = `delivered:${message.deliveryKey}`;
      if (await ctx.store.get(key)) return { status: 'delivered' };
      if (flaws.claimWithoutSending) return { status: 'delivered' };
      const answer = inbox.accept(ctx.config.endpoint, message);
      if (answer === 'busy')
        return {
          status: 'retry-later',
          reason: flaws.silentRetry ? ' ' : 'the inbox is busy',
          retryAfterSeconds: ctx.config.retryAfterSeconds,
        };
      if (answer === 'unknown') {
        const reason = `no mailbox for ${message.recipient.address}`;
        return flaws.retryEverything
          ? { status: 'retry-later', reason }
          : { status: 'failed-permanently', reason };
      }
      // A week is longer than the host keeps retrying a message.
      if (!flaws.forgetKeys) await ctx.store.set(key, true, { ttlSeconds: 7 * 24 * 3600 });
      return { status: 'delivered' };
    },
  });
}

const unknownRecipient: FailureScenario<never> = {
  message: (base) => ({ ...base, recipient: { ...base.recipient, address: 'nobody@example.org' } }),
};

function contract(inbox: FakeInbox, flaws: Flaws = {}) {
  return notificationChannelContract(inboxChannel(inbox, flaws), {
    deliveries: inbox.deliveries,
    transientFailure: { config: { endpoint: 'maintenance' } },
    permanentFailure: unknownRecipient,
  });
}

t.test('the checks, in order', async (t) => {
  const checks = contract(new FakeInbox());
  t.same(
    checks.map((c) => c.name),
    [
      'config is valid against configSchema',
      'delivers a message exactly once',
      'sends a deliveryKey only once',
      'reports a transient failure as retry-later',
      'reports a permanent failure as failed-permanently',
    ],
  );
  t.ok(checks.every((c) => c.run.length === 0));
});

t.test('a correct channel passes every check, and each check sends its own key', async (t) => {
  const inbox = new FakeInbox();
  t.same([...(await failures(contract(inbox))).entries()], []);
  const keys = [...inbox.arrived.keys()];
  t.equal(keys.length, 2, 'the delivered and the idempotent check');
  t.ok(keys.every((key) => key.startsWith('testkit:')));
  t.same(
    [...(await failures(contract(inbox))).entries()],
    [],
    'a second run against the same inbox',
  );
});

t.test('sending twice for the same key fails the idempotency check only', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { forgetKeys: true }));
  t.same([...failed.keys()], ['sends a deliveryKey only once']);
  t.match(
    failed.get('sends a deliveryKey only once'),
    /^notification channel "fake-inbox": the target received the message 2 times \(expected 1\) after two sends with the same deliveryKey; remember delivered keys in ctx\.store and skip them$/,
  );
});

t.test('retry-later for a permanent failure fails that check only', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { retryEverything: true }));
  t.same([...failed.keys()], ['reports a permanent failure as failed-permanently']);
  t.equal(
    failed.get('reports a permanent failure as failed-permanently'),
    'notification channel "fake-inbox": the permanentFailure scenario should report failed-permanently, got retry-later (no mailbox for nobody@example.org)',
  );
});

t.test('claiming delivery without sending is caught by counting arrivals', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { claimWithoutSending: true }));
  t.same(
    [...failed.keys()],
    [
      'delivers a message exactly once',
      'sends a deliveryKey only once',
      'reports a transient failure as retry-later',
      'reports a permanent failure as failed-permanently',
    ],
  );
  t.match(
    failed.get('delivers a message exactly once'),
    /received the message 0 times \(expected 1\) after one send reported delivered/,
  );
});

t.test('retry-later needs a reason', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { silentRetry: true }));
  t.same([...failed.keys()], ['reports a transient failure as retry-later']);
  t.match(
    failed.get('reports a transient failure as retry-later'),
    /reported retry-later without a reason/,
  );
});

t.test('every result must fit SendResultSchema', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { inventStatus: true }));
  t.equal(failed.size, 4);
  t.match(
    failed.get('delivers a message exactly once'),
    /send\(\) answered outside SendResultSchema: \/: /,
  );
});

t.test('scenarios may work through setup and teardown, which always runs', async (t) => {
  const inbox = new FakeInbox();
  const steps: string[] = [];
  const checks = notificationChannelContract(inboxChannel(inbox), {
    deliveries: inbox.deliveries,
    transientFailure: {
      setup: () => {
        steps.push('setup');
        inbox.busy = true;
      },
      teardown: async () => {
        steps.push('teardown');
        inbox.busy = false;
      },
    },
    permanentFailure: unknownRecipient,
  });
  t.same([...(await failures(checks)).keys()], []);
  t.same(steps, ['setup', 'teardown']);
  t.equal(inbox.busy, false);

  const crashing = defineNotificationChannel({
    ...inboxChannel(inbox),
    send: async () => {
      throw new Error('socket hang up');
    },
  });
  steps.length = 0;
  const failed = await failures(
    notificationChannelContract(crashing, {
      deliveries: inbox.deliveries,
      transientFailure: {
        setup: () => void steps.push('setup'),
        teardown: () => void steps.push('teardown'),
      },
      permanentFailure: unknownRecipient,
    }),
  );
  t.equal(
    failed.get('reports a transient failure as retry-later'),
    'notification channel "fake-inbox": send() threw Error: socket hang up',
  );
  t.same(steps, ['setup', 'teardown'], 'teardown after a throw too');
});

t.test('a scenario that changes nothing is refused with a hint', async (t) => {
  const inbox = new FakeInbox();
  const failed = await failures(
    notificationChannelContract(inboxChannel(inbox), {
      deliveries: inbox.deliveries,
      transientFailure: { teardown: () => {} },
      permanentFailure: unknownRecipient,
    }),
  );
  t.same([...failed.keys()], ['reports a transient failure as retry-later']);
  t.match(
    failed.get('reports a transient failure as retry-later'),
    /transientFailure changes nothing: give it a config, message or setup/,
  );
});

t.test("configs are checked, the scenarios' over the base one", async (t) => {
  const inbox = new FakeInbox();
  const failed = await failures(
    notificationChannelContract(inboxChannel(inbox), {
      config: { retryAfterSeconds: 30 },
      deliveries: inbox.deliveries,
      transientFailure: { config: { retryAfterSeconds: -1, endpoint: 'maintenance' } },
      permanentFailure: unknownRecipient,
    }),
  );
  t.same(
    [...failed.keys()],
    ['config is valid against configSchema', 'reports a transient failure as retry-later'],
  );
  t.equal(
    failed.get('config is valid against configSchema'),
    'notification channel "fake-inbox": transientFailure.config does not fit configSchema: /retryAfterSeconds must be >= 0',
  );
});

t.test('the sample message can be adapted to the target', async (t) => {
  const inbox = new FakeInbox();
  inbox.known.clear();
  inbox.known.add('ada@example.org');
  const failed = await failures(
    notificationChannelContract(inboxChannel(inbox), {
      message: { recipient: { address: 'ada@example.org', locale: 'en' } },
      deliveries: inbox.deliveries,
      transientFailure: { config: { endpoint: 'maintenance' } },
      permanentFailure: unknownRecipient,
    }),
  );
  t.same([...failed.keys()], []);
});

t.test('a counting function that lies is reported', async (t) => {
  const inbox = new FakeInbox();
  const failed = await failures(
    notificationChannelContract(inboxChannel(inbox), {
      deliveries: () => Number.NaN,
      transientFailure: { config: { endpoint: 'maintenance' } },
      permanentFailure: unknownRecipient,
    }),
  );
  t.match(
    failed.get('delivers a message exactly once'),
    /deliveries\('testkit:delivered:[^']+'\) should count arrivals, got NaN/,
  );
});
