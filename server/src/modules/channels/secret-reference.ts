import { readFileSync } from 'node:fs';
import type { ConfigSchema } from '@tandem/plugin-sdk';

/**
 * Where a secret field of a channel instance is read at each send: an environment variable of
 * the server and worker, or a file (e.g. a mounted Kubernetes or Docker secret). The database
 * and the API hold only this reference, never the secret.
 */
export type SecretReference = { env: string } | { file: string };

/** What a secret field must hold instead of its value, in words for an admin. */
export const SECRET_REFERENCE_HINT =
  'is a secret: give { "env": "VARIABLE" } or { "file": "/path/to/file" } instead of the value';

/**
 * The top-level fields a plugin's config schema marks `secret: true`, e.g. a webhook URL or an
 * SMTP password.
 */
export function secretFields(schema: ConfigSchema): string[] {
  const properties = (schema as { properties?: Record<string, { secret?: unknown }> }).properties;
  return Object.entries(properties ?? {})
    .filter(([, field]) => field.secret === true)
    .map(([name]) => name);
}

export function isSecretReference(value: unknown): value is SecretReference {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  if (entries.length !== 1) return false;
  const [key, target] = entries[0] ?? [];
  return (key === 'env' || key === 'file') && typeof target === 'string' && target.trim() !== '';
}

/** The secret a reference points to (a file's text without its final line break), or why not. */
export function readSecret(
  reference: SecretReference,
  env: NodeJS.ProcessEnv,
): { value: string } | { problem: string } {
  if ('env' in reference) {
    const value = env[reference.env];
    return value ? { value } : { problem: `the environment variable ${reference.env} is not set` };
  }
  try {
    return { value: readFileSync(reference.file, 'utf8').replace(/\r?\n$/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { problem: `the file ${reference.file} cannot be read (${code})` };
  }
}
