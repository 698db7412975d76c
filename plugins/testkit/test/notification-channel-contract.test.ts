import {
  defineNotificationChannel,
  type OutgoingMessage,
  type SendResult,
  Type,
} from '@tandem/plugin-sdk';
import t from 'tap';
import {
  type FailureScenario,
  notificationChannelContract,
  type UnreachableTarget,
} from '../src/index.js';
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
  silentPermanent?: boolean;
  /** What the channel does when its server refuses the connection, instead of retry-later. */
  unreachable?: 'throw' | 'claim-delivered' | 'give-up' | 'silent';
  refuseOwnAddress?: boolean;
}

/** Posts to a real server; what a refused connection turns into is the channel's choice. */
async function post(url: string, flaws: Flaws): Promise<SendResult | undefined> {
  try {
    await fetch(url, { method: 'POST', body: 'hello' });
    return undefined;
  } catch (error) {
    const reason = `inbox not reachable: ${error instanceof Error ? error.message : error}`;
    if (flaws.unreachable === 'throw') throw error;
    if (flaws.unreachable === 'claim-delivered') return { status: 'delivered' };
    if (flaws.unreachable === 'give-up') return { status: 'failed-permanently', reason };
    return { status: 'retry-later', reason: flaws.unreachable === 'silent' ? '' : reason };
  }
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
    addressProblem: (address) =>
      flaws.refuseOwnAddress && address.endsWith('@example.org')
        ? 'example.org is not our domain'
        : undefined,
    async send(message, ctx): Promise<SendResult> {
      if (flaws.inventStatus) return { status: 'sent' } as unknown as SendResult;
      const key = `delivered:${message.deliveryKey}`;
      if (await ctx.store.get(key)) return { status: 'delivered' };
      if (flaws.claimWithoutSending) return { status: 'delivered' };
      const failed =
        ctx.config.endpoint.startsWith('http') && (await post(ctx.config.endpoint, flaws));
      if (failed) return failed;
      const answer = inbox.accept(ctx.config.endpoint, message);
      if (answer === 'busy')
        return {
          status: 'retry-later',
          reason: flaws.silentRetry ? ' ' : 'the inbox is busy',
          retryAfterSeconds: ctx.config.retryAfterSeconds,
        };
      if (answer === 'unknown') {
        const reason = `no mailbox for ${message.recipient.address}`;
        if (flaws.retryEverything) return { status: 'retry-later', reason };
        return { status: 'failed-permanently', reason: flaws.silentPermanent ? '' : reason };
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

const closedEndpoint = ({ url }: UnreachableTarget) => ({ config: { endpoint: `${url}/inbox` } });

function contract(inbox: FakeInbox, flaws: Flaws = {}) {
  return notificationChannelContract(inboxChannel(inbox, flaws), {
    deliveries: inbox.deliveries,
    transientFailure: { config: { endpoint: 'maintenance' } },
    permanentFailure: unknownRecipient,
    unreachable: closedEndpoint,
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
      'reports an unreachable server as retry-later',
      'addressProblem accepts the address it delivers to',
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
      'reports an unreachable server as retry-later',
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
  t.equal(failed.size, 5);
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
    unreachable: closedEndpoint,
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
      unreachable: closedEndpoint,
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
      unreachable: closedEndpoint,
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
      unreachable: closedEndpoint,
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
      unreachable: closedEndpoint,
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
      unreachable: closedEndpoint,
    }),
  );
  t.match(
    failed.get('delivers a message exactly once'),
    /deliveries\('testkit:delivered:[^']+'\) should count arrivals, got NaN/,
  );
});

t.test('a refused connection must be reported as retry-later, with a reason', async (t) => {
  const check = 'reports an unreachable server as retry-later';
  const expected = {
    throw: /^notification channel "fake-inbox": send\(\) threw TypeError: fetch failed$/,
    'claim-delivered':
      /^notification channel "fake-inbox": the unreachable scenario \(connection refused at 127\.0\.0\.1:\d+\) should report retry-later, got delivered; catch network errors \(ECONNREFUSED, ETIMEDOUT, ENOTFOUND\) and return \{ status: 'retry-later', reason \}$/,
    'give-up':
      /should report retry-later, got failed-permanently \(inbox not reachable: fetch failed\); catch network errors/,
    silent:
      /the unreachable scenario \(connection refused at 127\.0\.0\.1:\d+\) reported retry-later without a reason$/,
  } as const;
  for (const [unreachable, message] of Object.entries(expected)) {
    const failed = await failures(
      contract(new FakeInbox(), { unreachable: unreachable as Flaws['unreachable'] }),
    );
    t.same([...failed.keys()], [check], unreachable);
    t.match(failed.get(check), message, unreachable);
  }
});

t.test('a contract without unreachable says how to give it', async (t) => {
  const inbox = new FakeInbox();
  const failed = await failures(
    notificationChannelContract(inboxChannel(inbox), {
      deliveries: inbox.deliveries,
      transientFailure: { config: { endpoint: 'maintenance' } },
      permanentFailure: unknownRecipient,
    } as unknown as Parameters<typeof notificationChannelContract>[1]),
  );
  t.same([...failed.keys()], ['reports an unreachable server as retry-later']);
  t.match(
    failed.get('reports an unreachable server as retry-later'),
    /options\.unreachable is missing: give a function that points the channel at the closed address it is given, e\.g\. \(\{ url \}\) => \(\{ config: \{ url \} \}\)$/,
  );
});

t.test('failed-permanently needs a reason too', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { silentPermanent: true }));
  t.same([...failed.keys()], ['reports a permanent failure as failed-permanently']);
  t.match(
    failed.get('reports a permanent failure as failed-permanently'),
    /the permanentFailure scenario reported failed-permanently without a reason$/,
  );
});

t.test('addressProblem must accept the address the channel delivers to', async (t) => {
  const failed = await failures(contract(new FakeInbox(), { refuseOwnAddress: true }));
  t.same([...failed.keys()], ['addressProblem accepts the address it delivers to']);
  t.equal(
    failed.get('addressProblem accepts the address it delivers to'),
    `notification channel "fake-inbox": addressProblem('erika.mustermann@example.org') refuses the address the channel delivers to: "example.org is not our domain"; people could not save it in their preferences`,
  );
});
