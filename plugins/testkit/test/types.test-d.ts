/**
 * Type tests: compiled by `tsc -b` (tsconfig.test.json), never run. Each `@ts-expect-error`
 * marks a usage the kit's types must refuse; the build fails if one of them compiles.
 */
import {
  defineMatchingStrategy,
  defineNotificationChannel,
  type PluginContext,
  Type,
} from '@tandem/plugin-sdk';
import {
  type ContractCheck,
  createTestContext,
  type EmptyConfig,
  matchingStrategyContract,
  notificationChannelContract,
  pluginConfig,
} from '../src/index.js';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

const base = { version: '1.0.0', host: '^0.1.0' };

// createTestContext types ctx.config from the config given, and {} without one.
const typed = createTestContext({ config: { url: 'https://x.example.org', retries: 2 } });
assertType<Equal<typeof typed.ctx, PluginContext<{ url: string; retries: number }>>>();
const bare = createTestContext();
assertType<Equal<typeof bare.ctx.config, EmptyConfig>>();
// @ts-expect-error a field that was never configured
bare.ctx.config.url;

const strategy = defineMatchingStrategy({
  ...base,
  name: 'typed',
  configSchema: Type.Object({ minScore: Type.Number({ default: 40 }), label: Type.String() }),
  match: () => ({ groups: [], unmatched: [] }),
});

// The contract's config is typed from configSchema; fields with defaults may be left out.
matchingStrategyContract(strategy, { config: { label: 'x' } });
// @ts-expect-error minScore is a number
matchingStrategyContract(strategy, { config: { minScore: 'high' } });
// @ts-expect-error a field the schema does not have
matchingStrategyContract(strategy, { config: { maxScore: 1 } });

const config = pluginConfig(strategy, { label: 'x' });
assertType<Equal<typeof config, { minScore: number; label: string }>>();

// A check is a name and a run of no parameters, which any framework accepts.
const checks: ContractCheck[] = matchingStrategyContract(strategy);
const asTest: (name: string, fn: () => Promise<void>) => void = () => {};
for (const check of checks) asTest(check.name, check.run);

const channel = defineNotificationChannel({
  ...base,
  name: 'typed-channel',
  configSchema: Type.Object({ url: Type.String() }),
  send: async () => ({ status: 'delivered' }),
});

notificationChannelContract(channel, {
  config: { url: 'https://x.example.org' },
  deliveries: async () => 1,
  transientFailure: { config: { url: 'https://503.example.org' } },
  permanentFailure: { message: (m) => ({ ...m, recipient: { ...m.recipient, address: 'x' } }) },
  unreachable: ({ url }) => ({ config: { url } }),
});

notificationChannelContract(channel, {
  deliveries: async () => 1,
  transientFailure: { config: { url: 'https://503.example.org' } },
  permanentFailure: { setup: () => {} },
  // @ts-expect-error unreachable points the channel at the closed address: its config is typed
  unreachable: ({ port }) => ({ config: { url: port } }),
});

// @ts-expect-error deliveries, both failure scenarios and unreachable are required
notificationChannelContract(channel, { config: { url: 'https://x.example.org' } });

notificationChannelContract(channel, {
  deliveries: () => 1,
  // @ts-expect-error a scenario's config is typed too
  transientFailure: { config: { url: 503 } },
  permanentFailure: { setup: () => {} },
  unreachable: ({ url }) => ({ config: { url } }),
});

// A plugin not made by a define* helper is refused: the host would refuse it too.
// @ts-expect-error not branded
matchingStrategyContract({
  ...base,
  name: 'plain',
  configSchema: Type.Object({}),
  match: () => ({ groups: [], unmatched: [] }),
});
