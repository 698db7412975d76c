import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { loadPlugins } from '../plugin-host/plugin-registry.js';
import type { PluginStatus } from '../plugin-host/plugin-schemas.js';
import { version } from '../version.js';

/**
 * `tandem plugins`: loads the configured plugins as `start` would, without a database, and
 * prints one line per plugin. For authors trying a plugin and operators checking their
 * configuration; exits 1 when any plugin failed to load.
 */
export async function pluginsCommand(config: Config): Promise<void> {
  const registry = await loadPlugins({
    ...config.plugins,
    serverVersion: version,
    env: config.pluginEnv,
    // The table says everything the log would; JSON lines would only hide it.
    log: createLogger({ logLevel: 'silent' }),
  });
  const rows = registry.statuses.map(row);
  console.log(
    rows.length
      ? table(rows)
      : 'No plugins: the built-ins are disabled and TANDEM_PLUGINS is empty.',
  );
  if (registry.statuses.some((status) => status.status === 'failed')) process.exitCode = 1;
}

function row(status: PluginStatus): string[] {
  if (status.status === 'failed') return [status.name, '-', '-', `failed: ${status.error}`];
  return [status.name, status.kind, status.version, status.status];
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((r) => r[column]?.length ?? 0)));
  return rows
    .map((cells) =>
      cells
        .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
