import type { EntityManager } from '@mikro-orm/postgresql';
import type { PluginRegistry } from '../../plugin-host/plugin-registry.js';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { ChannelInstance } from './channel-instance.js';
import type {
  ChannelInstanceView,
  ChannelPluginView,
  CreateChannelInstance,
  UpdateChannelInstance,
} from './channel-instance-schemas.js';
import { describeProblem, instanceConfig } from './instance-config.js';
import { type SecretSource, secretFields } from './secret-reference.js';

export interface ChannelInstanceDependencies {
  em: EntityManager;
  plugins: PluginRegistry;
  /** Where secret references are read. */
  secrets: SecretSource;
}

/** The channel plugins active on this server, with the schema their instances follow. */
export function listChannelPlugins(plugins: PluginRegistry): ChannelPluginView[] {
  return plugins.list('notification-channel').map(({ definition }) => ({
    name: definition.name,
    version: definition.version,
    configSchema: { ...definition.configSchema },
    secretFields: secretFields(definition.configSchema),
  }));
}

/** Every instance, by channel and name, with the programmes that use it. */
export async function listChannelInstances(em: EntityManager): Promise<ChannelInstanceView[]> {
  const fork = em.fork();
  const instances = await fork.find(
    ChannelInstance,
    {},
    { orderBy: { channel: 'asc', name: 'asc' } },
  );
  const users = await programmesUsing(fork);
  return instances.map((instance) => view(instance, users.get(instance.id) ?? []));
}

/** @throws ServiceError invalid naming the field at fault; conflict for a name taken. */
export async function createChannelInstance(
  deps: ChannelInstanceDependencies,
  actorId: string,
  input: CreateChannelInstance,
): Promise<ChannelInstanceView> {
  const fork = deps.em.fork();
  checkConfig(deps, input.channel, input.config);
  await checkNameFree(fork, input.channel, input.name);
  const instance = fork.create(ChannelInstance, {
    ...input,
    createdBy: actorId,
    updatedBy: actorId,
  });
  await fork.flush();
  await audit(deps.em, actorId, instance, 'channel-instance.created', {
    fields: ['name', 'config'],
  });
  return view(instance, []);
}

/**
 * Renames an instance or replaces its config; the next send through it uses the change, in
 * every process, since senders read the instance at each send.
 *
 * @throws ServiceError not-found; invalid naming the field at fault; conflict for a name taken.
 */
export async function updateChannelInstance(
  deps: ChannelInstanceDependencies,
  actorId: string,
  id: string,
  change: UpdateChannelInstance,
): Promise<ChannelInstanceView> {
  const fork = deps.em.fork();
  const instance = await found(fork, id);
  if (change.config) checkConfig(deps, instance.channel, change.config);
  if (change.name && change.name !== instance.name)
    await checkNameFree(fork, instance.channel, change.name);
  fork.assign(instance, { ...change, updatedBy: actorId });
  await fork.flush();
  await audit(deps.em, actorId, instance, 'channel-instance.updated', {
    fields: Object.keys(change),
  });
  return view(instance, (await programmesUsing(fork)).get(instance.id) ?? []);
}

/** @throws ServiceError not-found; conflict while a programme posts through it. */
export async function deleteChannelInstance(
  em: EntityManager,
  actorId: string,
  id: string,
): Promise<void> {
  const fork = em.fork();
  const instance = await found(fork, id);
  const users = (await programmesUsing(fork)).get(id) ?? [];
  if (users.length > 0)
    throw new ServiceError(
      'conflict',
      `The channel instance is used by ${users.map((p) => p.name).join(', ')}: choose another there first.`,
      'channel-instance.in-use',
      { programmes: users.map((p) => p.name).join(', ') },
    );
  await fork.remove(instance).flush();
  await audit(em, actorId, instance, 'channel-instance.deleted', {});
}

/**
 * Why a programme's choice of instances cannot be saved: an id that is no instance of the
 * channel it is chosen for. Undefined when every choice exists.
 */
export async function channelInstanceChoiceProblem(
  em: EntityManager,
  choices: Record<string, string> | undefined,
): Promise<string | undefined> {
  for (const [channel, id] of Object.entries(choices ?? {})) {
    if (await em.fork().count(ChannelInstance, { id, channel })) continue;
    return `settings.channelInstances.${channel}: there is no instance ${id} of the ${channel} channel.`;
  }
  return undefined;
}

function checkConfig(
  { plugins, secrets }: ChannelInstanceDependencies,
  channel: string,
  config: Record<string, unknown>,
): void {
  const plugin = plugins.get('notification-channel', channel);
  if (!plugin)
    throw new ServiceError(
      'invalid',
      `There is no channel ${channel} on this server.`,
      'channel-instance.channel',
      { channel },
    );
  const checked = instanceConfig(plugin.definition.configSchema, config, secrets);
  if ('problem' in checked)
    throw new ServiceError('invalid', describeProblem(checked.problem), 'channel-instance.config', {
      field: checked.problem.field,
      problem: checked.problem.message,
      ...(checked.problem.secret && {
        reason: checked.problem.secret.reason,
        ...(checked.problem.secret.name && { name: checked.problem.secret.name }),
      }),
    });
}

async function checkNameFree(em: EntityManager, channel: string, name: string): Promise<void> {
  if (await em.count(ChannelInstance, { channel, name }))
    throw new ServiceError(
      'conflict',
      `The ${channel} channel has an instance named ${name} already.`,
      'channel-instance.exists',
      { name },
    );
}

async function found(em: EntityManager, id: string): Promise<ChannelInstance> {
  const instance = await em.findOne(ChannelInstance, id);
  if (!instance) throw new ServiceError('not-found', 'No such channel instance.');
  return instance;
}

/** Programmes by the instances they chose (`settings.channelInstances`, channel → id). */
async function programmesUsing(
  em: EntityManager,
): Promise<Map<string, { id: string; name: string }[]>> {
  const rows: { instance_id: string; id: string; name: string }[] = await em.execute(
    `SELECT choice.value AS instance_id, p.id, p.name
       FROM programme p, jsonb_each_text(p.settings->'channelInstances') AS choice
      WHERE jsonb_typeof(p.settings->'channelInstances') = 'object'
      ORDER BY p.name`,
  );
  const byInstance = new Map<string, { id: string; name: string }[]>();
  for (const { instance_id, id, name } of rows)
    byInstance.set(instance_id, [...(byInstance.get(instance_id) ?? []), { id, name }]);
  return byInstance;
}

function view(
  instance: ChannelInstance,
  programmes: { id: string; name: string }[],
): ChannelInstanceView {
  return {
    id: instance.id,
    channel: instance.channel,
    name: instance.name,
    config: instance.config,
    programmes,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
  };
}

function audit(
  em: EntityManager,
  actorId: string,
  instance: ChannelInstance,
  action: string,
  data: Record<string, unknown>,
) {
  return recordAudit(em, {
    action,
    actorId,
    targetType: 'channel-instance',
    targetId: instance.id,
    data: { channel: instance.channel, name: instance.name, ...data },
  });
}
