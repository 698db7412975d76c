/**
 * The plugins that ship with Tandem, by plugin name: each its own package under plugins/, built
 * on @tandem/plugin-sdk alone and loaded like any other, before those in TANDEM_PLUGINS.
 * TANDEM_DISABLED_PLUGINS leaves one out.
 */
export const BUILT_IN_PLUGINS: Readonly<Record<string, string>> = Object.freeze({
  'qa-quickstart': '@tandem/curriculum-qa-quickstart',
  'half-year': '@tandem/curriculum-half-year',
  'lunch-rounds': '@tandem/curriculum-lunch-rounds',
  weighted: '@tandem/matching-weighted',
  lunch: '@tandem/matching-lunch',
  email: '@tandem/channel-email',
  webhook: '@tandem/channel-webhook',
});

/**
 * Built-ins that need settings no default can give (a mail server): each loads once any of its
 * settings is given, as a `TANDEM_PLUGIN_<NAME>_*` variable or in the plugin config file.
 */
export const CONFIGURED_BUILT_INS: ReadonlySet<string> = new Set(['email']);
