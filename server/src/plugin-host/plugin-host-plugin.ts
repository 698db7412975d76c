import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { PluginConfigFile } from './plugin-config-file.js';
import { loadPlugins, type PluginRegistry } from './plugin-registry.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The plugins loaded at start: matching strategies, curricula, channels. */
    plugins: PluginRegistry;
  }
}

export interface PluginHostOptions {
  specifiers: string[];
  required: string[];
  serverVersion: string;
  env: Record<string, string>;
  configFile?: PluginConfigFile | undefined;
}

/** Loads the configured plugins once, at start; a required one that fails stops the app. */
const pluginHost: FastifyPluginAsync<PluginHostOptions> = async (app, options) => {
  app.decorate(
    'plugins',
    await loadPlugins({ ...options, log: app.log.child({ component: 'plugins' }) }),
  );
};

export default fp(pluginHost, { name: 'tandem-plugin-host' });
