import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ConfigSchema } from '@tandem/plugin-sdk';

/**
 * Where a secret field of a channel instance is read at each send: an environment variable of
 * the server and worker, or a file (e.g. a mounted Kubernetes or Docker secret). The database
 * and the API hold only this reference, never the secret.
 */
export type SecretReference = { env: string } | { file: string };

/**
 * Only variables with this prefix may be referenced: an admin must not be able to point a
 * channel at the server's own secrets (`{ "env": "OIDC_CLIENT_SECRET" }` as the password of an
 * SMTP host they control would send it out).
 */
export const SECRET_ENV_PREFIX = 'TANDEM_SECRET_';

/** Where secret files must lie, unless `TANDEM_SECRETS_DIR` names another folder. */
export const DEFAULT_SECRETS_DIR = '/run/secrets';

/**
 * Where references are read: the process's variables (read at each use, so a rotated secret
 * applies at once) and the folder files must lie in (`TANDEM_SECRETS_DIR`, from the config).
 */
export interface SecretSource {
  variables: NodeJS.ProcessEnv;
  folder: string;
}

/**
 * Why a secret cannot be read, as a stable reason the web words in the admin's language, with
 * the sentence for the API and logs, and the name it concerns (a variable, a file or folder).
 */
export interface SecretProblem {
  reason: 'literal' | 'variable-name' | 'variable-unset' | 'outside-folder' | 'unreadable';
  problem: string;
  name?: string;
}

/** What a secret field must hold instead of its value, in words for an admin. */
export const SECRET_REFERENCE_HINT = `is a secret: give { "env": "${SECRET_ENV_PREFIX}NAME" } or { "file": "/run/secrets/name" } instead of the value`;

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
  { variables, folder }: SecretSource,
): { value: string } | SecretProblem {
  if ('env' in reference) return readVariable(reference.env, variables);
  try {
    const file = realpathSync(resolve(folder, reference.file));
    if (!isInside(realpathSync(folder), file))
      return {
        reason: 'outside-folder',
        problem: `only files in ${folder} (TANDEM_SECRETS_DIR) can be referenced`,
        name: folder,
      };
    return { value: readFileSync(file, 'utf8').replace(/\r?\n$/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return {
      reason: 'unreadable',
      problem: `the file ${reference.file} cannot be read (${code})`,
      name: reference.file,
    };
  }
}

function readVariable(name: string, env: NodeJS.ProcessEnv): { value: string } | SecretProblem {
  if (!name.startsWith(SECRET_ENV_PREFIX))
    return {
      reason: 'variable-name',
      problem: `only environment variables named ${SECRET_ENV_PREFIX}… can be referenced`,
      name,
    };
  const value = env[name];
  if (value) return { value };
  return { reason: 'variable-unset', problem: `the environment variable ${name} is not set`, name };
}

/** Whether `file` (a real path, links resolved) lies in `folder`, so `..` and links cannot escape. */
function isInside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/** The secret source of a running server or worker: its variables, the configured folder. */
export function channelSecrets(config: { secretsDir: string }): SecretSource {
  return { variables: process.env, folder: config.secretsDir };
}
