import { defineNotificationChannel, type PluginKind, Type } from '@tandem/plugin-sdk';
import t from 'tap';
import type { Log } from '../src/logger.js';
import { channelAddressProblem } from '../src/modules/notifications/channel-address-problem.js';
import type { ActivePlugin, PluginRegistry } from '../src/plugin-host/plugin-registry.js';

/** A registry holding one channel, `pigeon`, whose addressProblem is `judge`. */
function registryWith(judge: (address: string) => string | undefined): PluginRegistry {
  const pigeon: ActivePlugin<'notification-channel'> = {
    kind: 'notification-channel',
    definition: defineNotificationChannel({
      name: 'pigeon',
      version: '1.0.0',
      host: '>=0.1.0',
      configSchema: Type.Object({}),
      send: async () => ({ status: 'delivered' }),
      addressProblem: judge,
    }),
    config: {},
  };
  return {
    statuses: [],
    get<K extends PluginKind>(kind: K, name: string) {
      const found = kind === 'notification-channel' && name === 'pigeon' ? pigeon : undefined;
      return found as ActivePlugin<K> | undefined;
    },
    list: () => [],
  };
}

function recordingLog() {
  const warnings: unknown[][] = [];
  const ignore = () => undefined;
  const log: Log = {
    fatal: ignore,
    error: ignore,
    warn: (...args: unknown[]) => void warnings.push(args),
    info: ignore,
    debug: ignore,
    trace: ignore,
    child: () => log,
  };
  return { log, warnings };
}

t.test('a plugin whose check throws lets the address through, and is logged by name', async (t) => {
  const { log, warnings } = recordingLog();
  const problem = channelAddressProblem(
    registryWith(() => {
      throw new Error('broken check');
    }),
    log,
  );
  t.equal(problem('pigeon', 'coop 7'), undefined);
  t.match(warnings, [[{ plugin: 'pigeon', err: { message: 'broken check' } }, /pigeon/]]);
});

t.test('only a non-empty sentence is a problem', async (t) => {
  const { log, warnings } = recordingLog();
  for (const answer of ['', 42, null, { reason: 'x' }])
    t.equal(
      channelAddressProblem(
        registryWith(() => answer as string),
        log,
      )('pigeon', 'coop 7'),
      undefined,
      JSON.stringify(answer),
    );
  t.equal(
    channelAddressProblem(
      registryWith(() => 'no such coop'),
      log,
    )('pigeon', 'coop 7'),
    'no such coop',
  );
  t.equal(
    channelAddressProblem(
      registryWith(() => 'x'),
      log,
    )('raven', 'a'),
    undefined,
  );
  t.same(warnings, []);
});
