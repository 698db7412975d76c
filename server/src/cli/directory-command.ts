import type { Config } from '../config.js';
import { EXIT_CONFIG, EXIT_DATA, EXIT_UNAVAILABLE, EXIT_USAGE, OperatorError } from '../errors.js';
import { taskSettings } from '../jobs/task-dependencies.js';
import { createLogger } from '../logger.js';
import type { DirectoryPlan } from '../modules/directory/directory-plan.js';
import { DirectoryUnavailable } from '../modules/directory/directory-reader.js';
import { type DirectorySyncResult, syncDirectory } from '../modules/directory/directory-sync.js';
import { loadPlugins } from '../plugin-host/plugin-registry.js';
import { version } from '../version.js';
import { withDatabase } from './cli-database.js';
import { progressReporter } from './progress.js';

export const DIRECTORY_USAGE = 'Usage: tandem directory sync [--dry-run]';

/** How many people of each kind of change a dry run names. */
const EXAMPLES = 10;

/**
 * `tandem directory sync [--dry-run]`: syncs people from the directory now, as the scheduled
 * job does, and prints what changed; with --dry-run, what would change, saving nothing.
 */
export async function directoryCommand(
  config: Config,
  args: string[],
  options: { dryRun: boolean },
): Promise<void> {
  if (args.length !== 1 || args[0] !== 'sync') throw new OperatorError(DIRECTORY_USAGE, EXIT_USAGE);
  const settings = config.directory;
  const issuer = config.oidc?.issuer;
  if (!settings || !issuer)
    throw new OperatorError(
      'Set LDAP_URL, LDAP_BASE_DN and OIDC_ISSUER first (docs/operators/directory.md).',
      EXIT_CONFIG,
    );
  const log = createLogger({ logLevel: 'warn', env: config.env });
  const plugins = await loadPlugins({
    ...config.plugins,
    serverVersion: version,
    env: config.pluginEnv,
    log: log.child({ component: 'plugins' }),
  });
  const { holidays, publicUrl, replyMailbox } = taskSettings(config);
  const result = await withDatabase(config, (orm) =>
    syncDirectory(
      {
        em: orm.em,
        plugins,
        log,
        publicUrl,
        holidays,
        replyAddress: replyMailbox?.address,
        now: () => new Date(),
      },
      settings,
      issuer,
      {
        dryRun: options.dryRun,
        // Counted in place on a terminal; a log gets the counts below.
        onRead: (entries) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${entries} entries read`);
        },
        onProgress: progressReporter('people'),
      },
    ).catch((error: unknown) => {
      if (error instanceof DirectoryUnavailable)
        throw new OperatorError(
          `directory sync failed, nobody changed: ${error.message}`,
          EXIT_UNAVAILABLE,
        );
      throw error;
    }),
  );
  console.log(syncReport(result, options.dryRun));
  if (result.refused) process.exitCode = EXIT_DATA;
}

/** The counts, then (in a dry run) a few people of each kind of change. */
export function syncReport(
  { plan, counts, refused }: DirectorySyncResult,
  dryRun: boolean,
): string {
  const verb = dryRun ? 'would be ' : '';
  const lines = [
    `${dryRun ? 'Dry run, nothing saved: ' : ''}${counts.entries} entries read; ${counts.created} ${verb}created, ${counts.updated} ${verb}updated, ${refused ? 0 : plan.deactivate.length} ${verb}deactivated, ${counts.reactivated} ${verb}reactivated, ${counts.unchanged} unchanged, ${counts.skipped} skipped.`,
  ];
  if (counts.pairsDissolved) lines.push(`${counts.pairsDissolved} pairs dissolved by leavers.`);
  if (refused) lines.push(`Leavers not deactivated: ${refused}`);
  if (dryRun) lines.push(...examples(plan));
  for (const { username, reason } of plan.skipped.slice(0, EXAMPLES))
    lines.push(`  skipped ${username}: ${reason}`);
  return lines.join('\n');
}

function examples(plan: DirectoryPlan): string[] {
  const created = new Set(plan.create.map((person) => person.id));
  const changes = new Map(
    plan.update.map((person) => [
      person.id,
      { username: person.username, fields: [...person.changed] as string[] },
    ]),
  );
  for (const { id, username } of plan.managers) {
    if (created.has(id)) continue;
    const change = changes.get(id) ?? { username, fields: [] as string[] };
    changes.set(id, { username, fields: [...change.fields, 'manager'] });
  }
  return [
    ...few(plan.create, (person) => `  create     ${person.username} (${person.name})`),
    ...few(
      [...changes.values()],
      ({ username, fields }) => `  update     ${username}: ${fields.join(', ')}`,
    ),
    ...few(plan.deactivate, (person) => `  deactivate ${person.username ?? person.id}`),
    ...few(plan.reactivate, (person) => `  reactivate ${person.username}`),
  ];
}

/** The first few as lines, and how many more there are. */
function few<T>(items: readonly T[], line: (item: T) => string): string[] {
  const shown = items.slice(0, EXAMPLES).map(line);
  if (items.length > EXAMPLES) shown.push(`             … and ${items.length - EXAMPLES} more`);
  return shown;
}
