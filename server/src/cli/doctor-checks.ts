import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { type Config, isLoopback, loadConfig } from '../config.js';
import { redact } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { openOrm } from '../db/orm.js';
import { replyMailboxClient } from '../jobs/reply-mailbox.js';
import { createLogger } from '../logger.js';
import { loadPlugins, type PluginRegistry } from '../plugin-host/plugin-registry.js';
import { version } from '../version.js';
import { auditGuardCheck } from './audit-guard-check.js';
import { directoryCheck } from './directory-check.js';

/**
 * One line of `tandem doctor`: passed, failed with how to fix it, a weakness to fix before
 * production (a warning, which does not fail the command), or not applicable.
 */
export interface DoctorCheck {
  name: string;
  status: 'ok' | 'failed' | 'warning' | 'skipped';
  detail: string;
  fix?: string;
}

/** How long one network check may take: long enough for a slow link, short for a person waiting. */
export const NETWORK_TIMEOUT_MS = 5_000;

/**
 * Everything `tandem doctor` checks, in order. A configuration that does not load is the only
 * check then: every other one reads it.
 */
export async function doctorChecks(env: NodeJS.ProcessEnv, cwd?: string): Promise<DoctorCheck[]> {
  let config: Config;
  try {
    config = loadConfig(env, cwd);
  } catch (error) {
    return [
      failed(
        'configuration',
        (error as Error).message,
        'Correct the variable; docs/operators/configuration.md lists them all.',
      ),
    ];
  }
  const registry = await loadPlugins({
    ...config.plugins,
    serverVersion: version,
    env: config.pluginEnv,
    log: createLogger({ logLevel: 'silent' }),
  }).catch((error: unknown) => error as Error);
  return [
    { name: 'configuration', status: 'ok', detail: `valid (NODE_ENV=${config.env})` },
    publicUrlCheck(config),
    await databaseCheck(config),
    await auditGuardCheck(config),
    await identityProviderCheck(config),
    ...pluginChecks(registry),
    await smtpCheck(registry),
    await replyMailboxCheck(config),
    await directoryCheck(config),
  ];
}

function publicUrlCheck(config: Config): DoctorCheck {
  const name = 'public URL';
  const url = new URL(config.publicUrl);
  if (config.env !== 'production')
    return { name, status: 'ok', detail: `${config.publicUrl} (${config.env})` };
  if (isLoopback(url.hostname))
    return failed(
      name,
      `${config.publicUrl} points at this machine`,
      'Set PUBLIC_URL to the address people open, e.g. https://tandem.example.org.',
    );
  if (url.protocol !== 'https:')
    return failed(
      name,
      `${config.publicUrl} is not https`,
      'Serve Tandem over https (a reverse proxy is fine) and set PUBLIC_URL=https://…; session cookies are Secure only then.',
    );
  return { name, status: 'ok', detail: config.publicUrl };
}

async function databaseCheck(config: Config): Promise<DoctorCheck> {
  const name = 'database';
  if (!config.databaseUrl) return embeddedDataDirCheck(config.dataDir);
  const shown = redact(config.databaseUrl);
  const client = new pg.Client({
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: NETWORK_TIMEOUT_MS,
  });
  try {
    await client.connect();
  } catch (error) {
    return failed(
      name,
      `cannot connect to ${shown}: ${(error as Error).message}`,
      'Check DATABASE_URL, that PostgreSQL runs, and that it lets this host in (pg_hba.conf, firewall).',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  const orm = await openOrm(config.databaseUrl);
  try {
    const pending = await pendingMigrations(orm);
    if (pending.length)
      return failed(
        name,
        `${shown}: ${pending.length} migrations not applied (${pending.join(', ')})`,
        'Run `tandem migrate` (`tandem start` applies them too).',
      );
    return { name, status: 'ok', detail: `${shown} reachable, migrations applied` };
  } finally {
    await orm.close();
  }
}

/** The embedded PostgreSQL is not started here: a running Tandem may hold it. */
async function embeddedDataDirCheck(dataDir: string): Promise<DoctorCheck> {
  const name = 'database';
  const writable = async (path: string) =>
    access(path, constants.W_OK).then(
      () => true,
      () => false,
    );
  const usable = (await writable(dataDir)) || (await writable(dirname(dataDir)));
  if (!usable)
    return failed(
      name,
      `embedded PostgreSQL: cannot write to ${dataDir}`,
      'Make TANDEM_DATA_DIR a folder this user can write, or set DATABASE_URL to a PostgreSQL server.',
    );
  return {
    name,
    status: 'ok',
    detail: `embedded PostgreSQL in ${dataDir} (migrations run at \`tandem start\`)`,
  };
}

async function identityProviderCheck(config: Config): Promise<DoctorCheck> {
  const name = 'identity provider';
  if (!config.oidc) {
    if (config.env === 'production')
      return failed(
        name,
        'OIDC_ISSUER is not set',
        'Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (docs/operators/sso.md).',
      );
    return {
      name,
      status: 'skipped',
      detail: 'OIDC_ISSUER not set: sign-in is off, or `tandem start --demo`',
    };
  }
  const issuer = config.oidc.issuer;
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const fix =
    'Check OIDC_ISSUER (e.g. https://login.example.org/realms/agency) and that this host reaches it (DNS, proxy, firewall).';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS) });
    if (!response.ok) return failed(name, `${url} answered ${response.status}`, fix);
    const metadata = (await response.json()) as { issuer?: unknown };
    if (metadata.issuer !== issuer)
      return failed(
        name,
        `${url} names the issuer ${String(metadata.issuer)}, not ${issuer}`,
        'Set OIDC_ISSUER to exactly the issuer the provider names.',
      );
    return { name, status: 'ok', detail: `${issuer} discovered` };
  } catch (error) {
    return failed(name, `${url}: ${reason(error)}`, fix);
  }
}

function pluginChecks(registry: PluginRegistry | Error): DoctorCheck[] {
  const fix = 'See `tandem plugins` and the plugin’s TANDEM_PLUGIN_* settings.';
  if (registry instanceof Error) return [failed('plugins', registry.message, fix)];
  const failures = registry.statuses.filter((s) => s.status === 'failed');
  if (!failures.length)
    return [{ name: 'plugins', status: 'ok', detail: `${registry.statuses.length} loaded` }];
  return failures.map((s) => failed(`plugin ${s.name}`, s.status === 'failed' ? s.error : '', fix));
}

/** The email plugin's settings that open a connection, as the plugin host validated them. */
const SmtpSettingsSchema = Type.Object({
  host: Type.String(),
  port: Type.Integer(),
  secure: Type.Boolean(),
  user: Type.Optional(Type.String()),
  password: Type.Optional(Type.String()),
});

/**
 * Connects and logs in to the mail server with the email channel's settings. Read from the
 * plugin host, not the plugin: the host resolved and validated them exactly as for sending.
 */
async function smtpCheck(registry: PluginRegistry | Error): Promise<DoctorCheck> {
  const name = 'SMTP';
  const config =
    registry instanceof Error ? undefined : registry.get('notification-channel', 'email')?.config;
  if (!Value.Check(SmtpSettingsSchema, config))
    return { name, status: 'skipped', detail: 'the email channel is not configured' };
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user === undefined ? undefined : { user: config.user, pass: config.password },
    connectionTimeout: NETWORK_TIMEOUT_MS,
    greetingTimeout: NETWORK_TIMEOUT_MS,
    socketTimeout: NETWORK_TIMEOUT_MS,
  });
  const server = `${config.host}:${config.port}`;
  try {
    await transport.verify();
    return {
      name,
      status: 'ok',
      detail: `${server} accepts the connection${config.user ? ' and login' : ''}`,
    };
  } catch (error) {
    return failed(
      name,
      `${server}: ${reason(error)}`,
      'Check TANDEM_PLUGIN_EMAIL_HOST, _PORT, _SECURE (true for 465, false for 587 with STARTTLS), _USER and _PASSWORD, and that this host may reach the mail server.',
    );
  } finally {
    transport.close();
  }
}

/** Logs in to the mailbox calendars answer to, and opens the folder Tandem reads. */
async function replyMailboxCheck(config: Config): Promise<DoctorCheck> {
  const name = 'reply mailbox';
  const settings = config.replyMailbox;
  if (!settings)
    return {
      name,
      status: 'skipped',
      detail: 'REPLY_MAILBOX_URL not set: calendar answers are not read',
    };
  const client = replyMailboxClient(settings);
  client.on('error', () => undefined);
  const server = `${settings.host}:${settings.port}`;
  try {
    await client.connect();
    await client.status(settings.inbox, { messages: true });
    return {
      name,
      status: 'ok',
      detail: `${settings.user} at ${server} logged in, ${settings.inbox} readable`,
    };
  } catch (error) {
    const response = (error as { responseText?: unknown }).responseText;
    return failed(
      name,
      `${server}: ${typeof response === 'string' ? response : reason(error)}`,
      'Check REPLY_MAILBOX_URL (imaps:// for TLS on 993), REPLY_MAILBOX_USER, REPLY_MAILBOX_PASSWORD and REPLY_MAILBOX_INBOX, and that this host may reach the mail server.',
    );
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export function failed(name: string, detail: string, fix: string): DoctorCheck {
  return { name, status: 'failed', detail, fix };
}

/** The innermost message: fetch hides the refused connection in `cause`. */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
