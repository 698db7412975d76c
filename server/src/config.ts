import { resolve } from 'node:path';
import { FormatRegistry, type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { EXIT_CONFIG, OperatorError } from './errors.js';

FormatRegistry.Set('http-url', (value) => /^https?:\/\//.test(value) && URL.canParse(value));
FormatRegistry.Set(
  'postgres-url',
  (value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value),
);

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable Tandem reads, with its default and meaning. This schema is the
 * single source: `loadConfig` validates against it and docs/operators/configuration.md is
 * generated from it (`pnpm docs:config`).
 */
export const EnvSchema = Type.Object({
  NODE_ENV: Type.Union(
    [Type.Literal('development'), Type.Literal('production'), Type.Literal('test')],
    {
      default: 'development',
      description: 'Runtime mode. `production` refuses demo mode.',
    },
  ),
  HOST: Type.String({
    default: 'localhost',
    minLength: 1,
    description: 'Interface the HTTP server listens on; `0.0.0.0` in containers.',
  }),
  PORT: Type.Integer({
    default: 3000,
    minimum: 1,
    maximum: 65535,
    description: 'TCP port of the HTTP server.',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({
      format: 'http-url',
      description:
        'External base URL people open (e.g. `https://tandem.example.org`). Defaults to `http://localhost:<PORT>`.',
    }),
  ),
  DATABASE_URL: Type.Optional(
    Type.String({
      format: 'postgres-url',
      description:
        'PostgreSQL connection URL (`postgres://user:password@host:5432/db`). Unset: Tandem runs its own embedded PostgreSQL in `TANDEM_DATA_DIR`.',
    }),
  ),
  TANDEM_DATA_DIR: Type.String({
    default: './data',
    minLength: 1,
    description:
      'Folder for the embedded PostgreSQL and other local state, relative to the working directory. Used only without `DATABASE_URL`.',
  }),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    {
      default: 'info',
      description: 'Least severe level written to the log (JSON lines on stdout).',
    },
  ),
  WORKER_IN_PROCESS: Type.Boolean({
    default: true,
    description:
      'Run the background job worker inside `tandem start`. Set `false` when separate `tandem worker` processes run the jobs.',
  }),
  WORKER_CONCURRENCY: Type.Integer({
    default: 5,
    minimum: 1,
    maximum: 100,
    description: 'Jobs one worker runs at the same time.',
  }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 1000,
    maximum: 600000,
    description:
      'On SIGTERM/SIGINT, how long in-flight requests and jobs may take to finish before the process exits anyway.',
  }),
});

export type Env = Static<typeof EnvSchema>;
export type EnvName = keyof Env;
export type Config = ReturnType<typeof toConfig>;

/**
 * Reads and validates the configuration from environment variables. An empty variable counts
 * as unset, so `FOO=` in a compose file falls back to the default.
 *
 * @throws OperatorError naming the first invalid variable, what it must be and what it got.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(EnvSchema.properties)) {
    const value = source[name]?.trim();
    if (value) raw[name] = value;
  }
  const env = Value.Convert(EnvSchema, Value.Default(EnvSchema, { ...raw }));
  const error = Value.Errors(EnvSchema, env).First();
  if (error) {
    const name = error.path.split('/')[1] as EnvName;
    throw new OperatorError(
      `Invalid configuration: ${name} must be ${expectation(EnvSchema.properties[name])} (got ${JSON.stringify(raw[name])})`,
      EXIT_CONFIG,
    );
  }
  return toConfig(env as Env, cwd);
}

function toConfig(env: Env, cwd: string) {
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(cwd, env.TANDEM_DATA_DIR),
    logLevel: env.LOG_LEVEL,
    worker: { inProcess: env.WORKER_IN_PROCESS, concurrency: env.WORKER_CONCURRENCY },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Says in words what a variable's schema accepts: for error messages and the docs table. */
export function expectation(schema: TSchema): string {
  if (schema.anyOf) return `one of ${schema.anyOf.map((s: TSchema) => s.const).join(', ')}`;
  switch (schema.type) {
    case 'integer':
      return `a whole number from ${schema.minimum} to ${schema.maximum}`;
    case 'boolean':
      return 'true or false';
  }
  if (schema.format === 'http-url') return 'an http:// or https:// URL';
  if (schema.format === 'postgres-url') return 'a postgres:// connection URL';
  return 'a non-empty string';
}
