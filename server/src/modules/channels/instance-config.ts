import { type ConfigSchema, resolvePluginConfig } from '@tandem/plugin-sdk';
import {
  isSecretReference,
  readSecret,
  SECRET_REFERENCE_HINT,
  type SecretProblem,
  type SecretSource,
  secretFields,
} from './secret-reference.js';

/** Why an instance's configuration cannot be used: the top-level field at fault, and the rule. */
export interface InstanceConfigProblem {
  field: string;
  message: string;
  /** For a secret field: why it cannot be read, and the variable, file or folder concerned. */
  secret?: Omit<SecretProblem, 'problem'>;
}

/** The configuration a plugin gets, or why there is none. */
export type InstanceConfig = { config: unknown } | { problem: InstanceConfigProblem };

/**
 * An instance's stored configuration made ready for its plugin, as the host does for the
 * environment's: secret references read, defaults filled in, validated against the plugin's
 * config schema. Used when an admin saves an instance and again at each send, so that a secret
 * changed in its file or variable applies at once. Messages never quote a secret's value.
 */
export function instanceConfig(
  schema: ConfigSchema,
  stored: Record<string, unknown>,
  secrets: SecretSource,
): InstanceConfig {
  const raw = { ...stored };
  for (const field of secretFields(schema)) {
    const value = stored[field];
    if (value === undefined) continue;
    if (!isSecretReference(value))
      return { problem: { field, message: SECRET_REFERENCE_HINT, secret: { reason: 'literal' } } };
    const secret = readSecret(value, secrets);
    if ('problem' in secret) {
      const { problem, ...why } = secret;
      return { problem: { field, message: problem, secret: why } };
    }
    raw[field] = secret.value;
  }
  const resolved = resolvePluginConfig(schema, raw);
  if (!resolved.problem) return { config: resolved.config };
  return { problem: { field: resolved.problem.field, message: resolved.problem.message } };
}

/** A problem in words: `config field url: must match format "uri"`. */
export function describeProblem({ field, message }: InstanceConfigProblem): string {
  return field ? `config field ${field}: ${message}` : `config: ${message}`;
}
