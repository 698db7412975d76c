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
});
