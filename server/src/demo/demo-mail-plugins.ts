import type { Config } from '../config.js';
import { BUILT_IN_PLUGINS } from '../plugin-host/built-in-plugins.js';
import { pluginVariable } from '../plugin-host/plugin-config.js';
import type { DemoMailSink } from './demo-mail-sink.js';

/** The sender of the demo's messages, on the reserved domain of the demo people. */
export const DEMO_SENDER = 'tandem@demo.tandem.example';

type PluginSettings = Pick<Config, 'plugins' | 'pluginEnv'>;

/**
 * The plugin settings of demo mode: the email channel loaded and sending to the demo mailbox,
 * whatever mail server the operator's settings name, so that no demo message leaves the host.
 */
export function demoMailPlugins(settings: PluginSettings, sink: DemoMailSink): PluginSettings {
  const email = BUILT_IN_PLUGINS.email ?? '@tandem/channel-email';
  const { specifiers } = settings.plugins;
  return {
    plugins: {
      ...settings.plugins,
      specifiers: specifiers.includes(email) ? specifiers : [...specifiers, email],
    },
    pluginEnv: {
      ...settings.pluginEnv,
      [pluginVariable('email', 'host')]: sink.host,
      [pluginVariable('email', 'port')]: String(sink.port),
      [pluginVariable('email', 'secure')]: 'false',
      [pluginVariable('email', 'from')]: DEMO_SENDER,
    },
  };
}
