import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormatRegistry, type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseCrontab } from 'graphile-worker';
import { readFileVariables } from './env-files.js';
import { EXIT_CONFIG, OperatorError } from './errors.js';
import { DEFAULT_SECRETS_DIR } from './modules/channels/secret-reference.js';
import type { DirectorySettings } from './modules/directory/directory-settings.js';
import type { FreeBusySettings } from './modules/meetings/free-busy-settings.js';
import { holidayCalendar } from './modules/meetings/holiday-calendar.js';
import type { ReplyMailboxSettings } from './modules/meetings/reply-mailbox-settings.js';
import {
  DEVELOPMENT_NOTE_KEY,
  type NoteKeyring,
  parseNoteKeys,
} from './modules/pairs/note-keyring.js';
import { BUILT_IN_PLUGINS, CONFIGURED_BUILT_INS } from './plugin-host/built-in-plugins.js';
import { pluginVariablePrefix } from './plugin-host/plugin-config.js';
import { readPluginConfigFile } from './plugin-host/plugin-config-file.js';

FormatRegistry.Set('http-url', (value) => /^https?:\/\//.test(value) && URL.canParse(value));
FormatRegistry.Set(
  'postgres-url',
  (value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value),
);
FormatRegistry.Set(
  'imap-url',
  (value) => /^imaps?:\/\/[^/]+\/?$/.test(value) && URL.canParse(value),
);
FormatRegistry.Set('email-address', (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));
FormatRegistry.Set('calendar-date', (value) => {
  // A real day: 2026-02-30 parses, but as another date, and 2026-13-01 not at all.
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(time || 0).toISOString().startsWith(value);
});

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
  MANAGEMENT_PORT: Type.String({
    default: '9464',
    pattern: '^(off|\\d{1,5})$',
    expectation: 'a port from 1 to 65535, or 0 or off to turn it off',
    description:
      'TCP port of the management server: Prometheus metrics at `/metrics` and the health probes `/health/live` and `/health/ready`, for the monitoring system, never for the public. `0` or `off`: no management server. 9464 is the port commonly used for Prometheus exporters and stays clear of PORT and of Prometheus itself (9090).',
  }),
  MANAGEMENT_HOST: Type.String({
    default: 'localhost',
    minLength: 1,
    description:
      'Interface the management server listens on; `0.0.0.0` in containers, where the monitoring system scrapes it over the container network.',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({
      format: 'http-url',
      description:
        'External base URL people open (e.g. `https://tandem.example.org`). Defaults to `http://localhost:<PORT>`. Sign-in happens at this address only: one started at another address Tandem answers on (`127.0.0.1`, a short host name) is first sent here.',
    }),
  ),
  DATABASE_URL: Type.Optional(
    Type.String({
      format: 'postgres-url',
      description:
        'PostgreSQL connection URL (`postgres://user:password@host:5432/db`). Unset: Tandem runs its own embedded PostgreSQL in `TANDEM_DATA_DIR`.',
    }),
  ),
  MIGRATION_DATABASE_URL: Type.Optional(
    Type.String({
      format: 'postgres-url',
      description:
        "Connection URL of the role that owns Tandem's tables, used only to apply migrations (`tandem migrate`, and any command given it); after them it grants the role of `DATABASE_URL` what the app needs, which does not include changing or removing audit events. Give it to the migration step alone. Unset: migrations run as the role of `DATABASE_URL`, which then owns the tables and could drop the audit log's guard (docs/operators/security.md). Requires `DATABASE_URL`.",
    }),
  ),
  TANDEM_DATA_DIR: Type.String({
    default: './data',
    minLength: 1,
    description:
      'Folder for the embedded PostgreSQL and other local state, relative to the working directory. Used only without `DATABASE_URL`.',
  }),
  TANDEM_SECRETS_DIR: Type.String({
    default: DEFAULT_SECRETS_DIR,
    minLength: 1,
    description:
      'Folder whose files channel instances may name as secrets (`{ "file": "name" }`); nothing outside it can be referenced. Variables they name must start with `TANDEM_SECRET_`.',
  }),
  WEB_ROOT: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Folder with the built web app (`index.html`, `assets/`), relative to the working directory. Unset: `web/dist` of this checkout (`pnpm build` makes it); the container image sets it.',
    }),
  ),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    {
      default: 'info',
      description:
        'Least severe level written to the log on stdout: JSON lines when NODE_ENV=production, lines for people otherwise. Each request is one line; successful ones are `info` in production and `debug` otherwise.',
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
  OIDC_ISSUER: Type.Optional(
    Type.String({
      format: 'http-url',
      description:
        "Issuer URL of the organisation's OpenID Provider (Keycloak realm, Entra ID tenant, AD FS). https, or http on a loopback address. Unset with `--demo`: the built-in demo IdP at `/dev-idp`.",
    }),
  ),
  OIDC_CLIENT_ID: Type.Optional(
    Type.String({ minLength: 1, description: 'Client ID of Tandem at the OpenID Provider.' }),
  ),
  OIDC_CLIENT_SECRET: Type.Optional(
    Type.String({ minLength: 1, description: 'Client secret of Tandem at the OpenID Provider.' }),
  ),
  OIDC_SCOPES: Type.String({
    default: 'openid profile email',
    pattern: '(^|\\s)openid(\\s|$)',
    expectation: 'a space-separated list including openid',
    description: 'Scopes requested at sign-in, space-separated; must include `openid`.',
  }),
  OIDC_ROLES_CLAIM: Type.String({
    default: 'groups',
    minLength: 1,
    description:
      "ID token claim holding the user's groups or roles; a dotted path such as `realm_access.roles` reaches into objects.",
  }),
  OIDC_ADMIN_ROLES: Type.String({
    default: 'tandem-admin',
    minLength: 1,
    description: 'Comma-separated values of the roles claim that make a user a Tandem admin.',
  }),
  // Roles beside admin (issue 18): which values of the roles claim (or SCIM groups) give them.
  OIDC_PROGRAMME_MANAGER_ROLES: Type.String({
    default: 'tandem-programme-manager',
    description:
      'Comma-separated values of the roles claim that make a user a programme manager: an admin of the programmes an admin assigns to them. Empty: the role is only given in the web app.',
  }),
  OIDC_REPORT_READER_ROLES: Type.String({
    default: 'tandem-report-reader',
    description:
      'Comma-separated values of the roles claim that make a user a report reader (staff council, data protection officer): aggregate reports and the audit log, read-only. Empty: the role is only given in the web app.',
  }),
  OIDC_DEPARTMENT_CLAIM: Type.String({
    default: 'department',
    minLength: 1,
    description: "ID token claim with the user's department (dotted path allowed).",
  }),
  OIDC_TITLE_CLAIM: Type.String({
    default: 'title',
    minLength: 1,
    description: "ID token claim with the user's job title (`jobTitle` for Entra ID).",
  }),
  OIDC_USERNAME_CLAIM: Type.String({
    default: 'preferred_username',
    minLength: 1,
    description:
      'ID token claim with the name the directory knows the person by (uid, sAMAccountName, userPrincipalName): links a person the directory sync or SCIM created to their first sign-in.',
  }),
  SESSION_IDLE_TIMEOUT_MINUTES: Type.Integer({
    default: 60,
    minimum: 5,
    maximum: 1440,
    description: 'A session ends after this many minutes without a request.',
  }),
  SESSION_MAX_AGE_HOURS: Type.Integer({
    default: 12,
    minimum: 1,
    maximum: 720,
    description: 'A session ends this many hours after sign-in, however active.',
  }),
  AUTH_RATE_LIMIT: Type.Integer({
    default: 30,
    minimum: 1,
    maximum: 10000,
    description:
      'Requests per minute one client address may make to each /auth/ route and to the public certificate verification; more get 429.',
  }),
  TRUST_PROXY: Type.Optional(
    Type.String({
      pattern: '^(true|false|\\d+|[0-9a-fA-F.:/, ]+)$',
      expectation: '`true`, a number of proxies, or proxy addresses',
      description:
        'Behind a reverse proxy: `true`, the number of proxies, or their addresses (comma-separated, CIDR allowed), so that client addresses and https are read from X-Forwarded-* headers.',
    }),
  ),
  TANDEM_PLUGINS: Type.Optional(
    Type.String({
      description:
        'Plugins to load besides the built-ins, comma-separated: package names resolvable from the server, or absolute paths to a plugin folder.',
    }),
  ),
  TANDEM_DISABLED_PLUGINS: Type.Optional(
    Type.String({
      description: `Built-in plugins to leave out, by name, comma-separated (built-ins: ${Object.keys(BUILT_IN_PLUGINS).join(', ')}).`,
    }),
  ),
  TANDEM_PLUGIN_CONFIG: Type.Optional(
    Type.String({
      description:
        'A JSON file of plugin settings, one object per plugin name (`{"email": {"smtpPort": 587}}`), as an alternative to `TANDEM_PLUGIN_<NAME>_<FIELD>` variables, which win where both set a field.',
    }),
  ),
  TANDEM_REQUIRED_PLUGINS: Type.Optional(
    Type.String({
      description:
        'Names of plugins Tandem must not start without, comma-separated; any other plugin that fails to load is reported and skipped.',
    }),
  ),
  RETENTION_CLOSED_PROGRAMME_DAYS: Type.Integer({
    default: 365,
    minimum: 30,
    maximum: 3650,
    description:
      'People whose every programme closed more than this many days ago are anonymised by a nightly job, as if they had deleted their account.',
  }),
  RETENTION_LEAVER_DAYS: Type.Integer({
    default: 90,
    minimum: 0,
    maximum: 3650,
    description:
      'People the directory (LDAP sync or SCIM) deactivated more than this many days ago are anonymised by the same nightly job; reactivated before then, they keep their account.',
  }),
  MATCHING_TIME_LIMIT_SECONDS: Type.Integer({
    default: 120,
    minimum: 1,
    maximum: 3600,
    description:
      'How long a matching strategy may take for one run; a strategy still busy then is abandoned and the run reported as failed.',
  }),
  REPORT_MIN_GROUP_SIZE: Type.Integer({
    default: 5,
    minimum: 2,
    maximum: 100,
    description:
      'The smallest group HR reports show: any figure behind fewer people (or pairs) is withheld, on the page and in CSV files alike.',
  }),
  HOLIDAY_REGION: Type.String({
    default: 'DE',
    pattern: '^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$',
    expectation: 'a country code such as DE, or a state such as DE-BY',
    description:
      'Public holidays on which Tandem plans no meetings: a country (DE: nationwide holidays only) or a state such as DE-BY, DE-BE, DE-NW.',
  }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 1000,
    maximum: 600000,
    description:
      'On SIGTERM/SIGINT, how long in-flight requests and jobs may take to finish before the process exits anyway.',
  }),
  NOTES_ENCRYPTION_KEYS: Type.Optional(
    Type.String({
      description:
        'Keys that encrypt private pair notes and questions, comma-separated `keyId:base64key` (32 bytes each: `openssl rand -base64 32`). The first encrypts, all decrypt; `tandem notes rotate` re-encrypts every note and question with the first. Required when NODE_ENV=production; unset elsewhere, a fixed development key is used.',
    }),
  ),
  AUDIT_RETENTION_DAYS: Type.Integer({
    default: 730,
    minimum: 30,
    maximum: 7300,
    description:
      'Audit events older than this many days are deleted by a nightly job; nothing else can delete or change them.',
  }),
  REPLY_MAILBOX_URL: Type.Optional(
    Type.String({
      format: 'imap-url',
      description:
        "The IMAP server of the mailbox that receives answers from calendars: `imaps://mail.example.org` (TLS, port 993 unless given) or `imap://host:143` (upgraded with STARTTLS where the server offers it). Unset: calendar answers are not read, and invitations name the email channel's sender as organiser. Requires `REPLY_MAILBOX_USER`, `REPLY_MAILBOX_PASSWORD` and `REPLY_MAILBOX_ADDRESS`.",
    }),
  ),
  REPLY_MAILBOX_USER: Type.Optional(
    Type.String({ minLength: 1, description: 'Login name of the reply mailbox.' }),
  ),
  REPLY_MAILBOX_PASSWORD: Type.Optional(
    Type.String({ minLength: 1, description: 'Password of the reply mailbox.' }),
  ),
  REPLY_MAILBOX_ADDRESS: Type.Optional(
    Type.String({
      format: 'email-address',
      description:
        "The reply mailbox's email address. Invitations name it as organiser, so calendars send their answers there.",
    }),
  ),
  REPLY_MAILBOX_INBOX: Type.String({
    default: 'INBOX',
    minLength: 1,
    description: 'The folder of the reply mailbox that Tandem reads.',
  }),
  REPLY_MAILBOX_PROCESSED_FOLDER: Type.String({
    default: 'Tandem/Processed',
    minLength: 1,
    description:
      'Where answers go once Tandem has applied them (or found them outdated); created when missing.',
  }),
  REPLY_MAILBOX_UNPROCESSED_FOLDER: Type.String({
    default: 'Tandem/Unprocessed',
    minLength: 1,
    description:
      'Where messages go that Tandem could not use (no calendar answer, an unknown meeting, a sender who is not its attendee), for a person to inspect; created when missing.',
  }),
  REPLY_MAILBOX_POLL_SECONDS: Type.Integer({
    default: 60,
    minimum: 5,
    maximum: 3600,
    description:
      'How often the reply mailbox is looked at. Servers with IMAP IDLE report new mail at once; this is the sweep besides, and the polling interval for servers without IDLE.',
  }),
  // Free/busy: the slot finder avoids times people are busy in their own calendars.
  FREEBUSY_CALDAV_URL: Type.Optional(
    Type.String({
      pattern: '^https?://\\S*\\{(username|email)\\}',
      expectation: 'an http:// or https:// URL containing {username} or {email}',
      description:
        "Each person's CalDAV calendar, with `{username}` or `{email}` standing for theirs: `https://cal.example.org/dav/calendars/{username}/personal/`. Set, the slot finder avoids times people are busy in their own calendars (only busy periods are read); a calendar that cannot be read is planned around from availability windows as before, and the invitation says so. Unset: calendars are not read. Requires `FREEBUSY_CALDAV_USER` and `FREEBUSY_CALDAV_PASSWORD`.",
    }),
  ),
  FREEBUSY_CALDAV_USER: Type.Optional(
    Type.String({
      minLength: 1,
      description: "The service account that may read people's calendars (free/busy or events).",
    }),
  ),
  FREEBUSY_CALDAV_PASSWORD: Type.Optional(
    Type.String({ minLength: 1, description: "The service account's password." }),
  ),
  FREEBUSY_CACHE_SECONDS: Type.Integer({
    default: 300,
    minimum: 0,
    maximum: 86400,
    description:
      "How long a person's busy times are reused before their calendar is asked again; also how long (at most a minute) a calendar server that did not answer is left alone.",
  }),
  FREEBUSY_TIMEOUT_MS: Type.Integer({
    default: 3000,
    minimum: 100,
    maximum: 60000,
    description:
      'How long Tandem waits for a calendar server; a calendar that does not answer in time is planned without.',
  }),
  // Directory sync over LDAP (docs/operators/directory.md).
  LDAP_URL: Type.Optional(
    Type.String({
      pattern: '^ldaps?://[^/]+/?$',
      expectation: 'an ldaps:// or ldap:// URL without a path',
      description:
        'The directory people are synced from (Active Directory, OpenLDAP): `ldaps://dc.example.org` (TLS, port 636 unless given) or `ldap://dc.example.org` with `LDAP_STARTTLS=true`; plain ldap:// only on a loopback address. Unset: no directory sync. Requires `LDAP_BASE_DN` and `OIDC_ISSUER`.',
    }),
  ),
  LDAP_STARTTLS: Type.Boolean({
    default: false,
    description: 'Upgrade an ldap:// connection with StartTLS before binding.',
  }),
  LDAP_CA_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "PEM file of the certificate authority that signed the directory's TLS certificate, when the system does not trust it.",
    }),
  ),
  LDAP_BIND_DN: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'DN (or, for Active Directory, `user@domain`) of the read-only service account Tandem binds as. Unset: an anonymous bind.',
    }),
  ),
  LDAP_BIND_PASSWORD: Type.Optional(
    Type.String({ minLength: 1, description: 'Password of `LDAP_BIND_DN`.' }),
  ),
  LDAP_BASE_DN: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Where people are searched, with everything below (`ou=people,dc=example,dc=org`).',
    }),
  ),
  LDAP_FILTER: Type.String({
    default: '(objectClass=inetOrgPerson)',
    pattern: '^\\(.*\\)$',
    expectation: 'an LDAP filter in parentheses',
    description:
      'Which entries are people. Active Directory: `(&(objectClass=user)(objectCategory=person))`.',
  }),
  LDAP_ATTR_USERNAME: Type.String({
    default: 'uid',
    minLength: 1,
    description:
      "Attribute with the name the identity provider gives as `preferred_username`; it links an entry to the person's sign-in. Active Directory: `sAMAccountName`.",
  }),
  LDAP_ATTR_EXTERNAL_ID: Type.String({
    default: 'entryUUID',
    minLength: 1,
    description:
      "Attribute with the entry's stable id, which survives renames and moves. Active Directory: `objectGUID`.",
  }),
  LDAP_ATTR_EMAIL: Type.String({
    default: 'mail',
    minLength: 1,
    description: 'Attribute with the email address.',
  }),
  LDAP_ATTR_NAME: Type.String({
    default: 'displayName',
    minLength: 1,
    description: 'Attribute with the name people see; `cn` stands in where it is empty.',
  }),
  LDAP_ATTR_DEPARTMENT: Type.String({
    default: 'departmentNumber',
    minLength: 1,
    description: 'Attribute with the department. Active Directory: `department`.',
  }),
  LDAP_ATTR_TITLE: Type.String({
    default: 'title',
    minLength: 1,
    description: 'Attribute with the job title.',
  }),
  LDAP_ATTR_MANAGER: Type.String({
    default: 'manager',
    minLength: 1,
    description: "Attribute with the DN of the person's line manager.",
  }),
  LDAP_ATTR_LANGUAGE: Type.String({
    default: 'preferredLanguage',
    minLength: 1,
    description:
      'Attribute with the preferred language (`de`, `en`, `de-DE` …); it sets the language of people who have not chosen one.',
  }),
  LDAP_ATTR_DISABLED: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Attribute that marks a disabled account, which Tandem deactivates like a deleted one: a number with the bit 0x2 set (Active Directory: `userAccountControl`) or `TRUE`. Unset: only entries gone from the directory (or the filter) count as leavers.',
    }),
  ),
  LDAP_PAGE_SIZE: Type.Integer({
    default: 500,
    minimum: 10,
    maximum: 5000,
    description:
      "Entries per page of the paged search; at most the server's limit (OpenLDAP: sizelimit, 500 by default; Active Directory: MaxPageSize, 1000).",
  }),
  LDAP_SYNC_CRON: Type.String({
    default: '7 * * * *',
    pattern: '^\\S+( +\\S+){4}$',
    expectation: 'five crontab fields (minute hour day month weekday)',
    description:
      'When the worker syncs the directory, in crontab syntax (UTC): every hour by default.',
  }),
  LDAP_DEACTIVATION_LIMIT_PERCENT: Type.Integer({
    default: 20,
    minimum: 1,
    maximum: 100,
    description:
      'A sync that would deactivate more than this share of the people the directory manages deactivates nobody and is reported as failed: that many leavers at once is more likely a wrong filter or base DN. Raise it for one run to let a real wave of leavers through.',
  }),
  ACCESSIBILITY_CONTACT_EMAIL: Type.Optional(
    Type.String({
      format: 'email-address',
      description:
        'Where people report accessibility barriers, shown in the accessibility statement (Erklärung zur Barrierefreiheit, BITV 2.0).',
    }),
  ),
  ACCESSIBILITY_CONTACT_URL: Type.Optional(
    Type.String({
      format: 'http-url',
      description:
        'A contact form for accessibility barriers, shown beside or instead of the email address.',
    }),
  ),
  ACCESSIBILITY_STATEMENT_DATE: Type.Optional(
    Type.String({
      format: 'calendar-date',
      description: 'When the accessibility statement was made or last reviewed.',
    }),
  ),
  ACCESSIBILITY_ENFORCEMENT_BODY: Type.Optional(
    Type.String({
      description:
        "The enforcement procedure named in the accessibility statement: the conciliation body (Schlichtungsstelle) of the operator's state, with its address or link.",
    }),
  ),
});

export type Env = Static<typeof EnvSchema>;
export type EnvName = keyof Env;
export type Config = ReturnType<typeof toConfig> & {
  /** The `TANDEM_PLUGIN_*` variables, read by each plugin's own config schema. */
  pluginEnv: Record<string, string>;
  /** The keys for private pair notes and questions; the development key when none is configured. */
  noteKeyring: NoteKeyring;
};

/**
 * Reads and validates the configuration from environment variables. An empty variable counts
 * as unset, so `FOO=` in a compose file falls back to the default. Any variable may instead
 * come from a file named by `<NAME>_FILE` (Docker and Kubernetes secrets).
 *
 * @throws OperatorError naming the first invalid variable, what it must be and what it got.
 */
export function loadConfig(
  environment: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Config {
  const source = readFileVariables(environment, cwd, isVariable);
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
  checkOidc(env as Env, raw);
  checkMigrationUrl(env as Env);
  checkHolidayRegion(env as Env);
  checkManagementPort(env as Env);
  const noteKeyring = noteKeys(env as Env);
  const pluginEnv = pluginVariables(source);
  const config = { ...toConfig(env as Env, cwd), noteKeyring };
  const configured = (name: string) =>
    Object.keys(pluginEnv).some((variable) => variable.startsWith(pluginVariablePrefix(name))) ||
    name in (config.plugins.configFile?.plugins ?? {});
  const specifiers = pluginSpecifiers(env as Env, configured);
  return { ...config, plugins: { ...config.plugins, specifiers }, pluginEnv };
}

/** A variable Tandem reads, so one that `<name>_FILE` may set from a file. */
function isVariable(name: string): boolean {
  return name in EnvSchema.properties || name.startsWith('TANDEM_PLUGIN_');
}

function pluginVariables(source: NodeJS.ProcessEnv): Record<string, string> {
  const entries = Object.entries(source).filter(([name]) => name.startsWith('TANDEM_PLUGIN_'));
  return Object.fromEntries(
    entries.filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Rules that span variables, after each one passed on its own. */
function checkOidc(env: Env, raw: Record<string, string>): void {
  const fail = (message: string) => {
    throw new OperatorError(`Invalid configuration: ${message}`, EXIT_CONFIG);
  };
  if (!env.OIDC_ISSUER) return;
  if (!env.OIDC_CLIENT_ID) fail('OIDC_CLIENT_ID must be set when OIDC_ISSUER is');
  if (!env.OIDC_CLIENT_SECRET) fail('OIDC_CLIENT_SECRET must be set when OIDC_ISSUER is');
  const issuer = new URL(env.OIDC_ISSUER);
  if (issuer.protocol === 'http:' && !isLoopback(issuer.hostname)) {
    fail(
      `OIDC_ISSUER must be an https:// URL; http:// is accepted on loopback addresses only (got ${JSON.stringify(raw.OIDC_ISSUER)})`,
    );
  }
}

function checkMigrationUrl(env: Env): void {
  if (!env.MIGRATION_DATABASE_URL || env.DATABASE_URL) return;
  throw new OperatorError(
    'Invalid configuration: MIGRATION_DATABASE_URL is set without DATABASE_URL (the embedded PostgreSQL has one role)',
    EXIT_CONFIG,
  );
}

function checkHolidayRegion(env: Env): void {
  try {
    holidayCalendar(env.HOLIDAY_REGION);
  } catch (error) {
    throw new OperatorError(
      `Invalid configuration: HOLIDAY_REGION: ${(error as Error).message}`,
      EXIT_CONFIG,
    );
  }
}

function checkManagementPort(env: Env): void {
  if (env.MANAGEMENT_PORT === 'off' || Number(env.MANAGEMENT_PORT) <= 65535) return;
  throw new OperatorError(
    `Invalid configuration: MANAGEMENT_PORT must be ${expectation(EnvSchema.properties.MANAGEMENT_PORT)} (got ${JSON.stringify(env.MANAGEMENT_PORT)})`,
    EXIT_CONFIG,
  );
}

/** Reading people's calendars, or undefined when FREEBUSY_CALDAV_URL is unset. */
function freeBusy(env: Env): FreeBusySettings | undefined {
  if (!env.FREEBUSY_CALDAV_URL) return undefined;
  const required = (name: 'FREEBUSY_CALDAV_USER' | 'FREEBUSY_CALDAV_PASSWORD'): string => {
    const value = env[name];
    if (value) return value;
    throw new OperatorError(
      `Invalid configuration: ${name} must be set when FREEBUSY_CALDAV_URL is`,
      EXIT_CONFIG,
    );
  };
  return {
    calendarUrl: env.FREEBUSY_CALDAV_URL,
    user: required('FREEBUSY_CALDAV_USER'),
    password: required('FREEBUSY_CALDAV_PASSWORD'),
    cacheMs: env.FREEBUSY_CACHE_SECONDS * 1000,
    timeoutMs: env.FREEBUSY_TIMEOUT_MS,
  };
}

/**
 * The reply mailbox, or undefined when REPLY_MAILBOX_URL is unset. It is all or nothing: an
 * organiser address nobody reads loses every answer.
 */
function replyMailbox(env: Env): ReplyMailboxSettings | undefined {
  const fail = (message: string): never => {
    throw new OperatorError(`Invalid configuration: ${message}`, EXIT_CONFIG);
  };
  if (!env.REPLY_MAILBOX_URL) {
    if (env.REPLY_MAILBOX_ADDRESS)
      fail(
        'REPLY_MAILBOX_ADDRESS is set without REPLY_MAILBOX_URL: nothing would read the answers',
      );
    return undefined;
  }
  const required = (
    name: 'REPLY_MAILBOX_USER' | 'REPLY_MAILBOX_PASSWORD' | 'REPLY_MAILBOX_ADDRESS',
  ) => env[name] || fail(`${name} must be set when REPLY_MAILBOX_URL is`);
  const user = required('REPLY_MAILBOX_USER');
  const password = required('REPLY_MAILBOX_PASSWORD');
  const address = required('REPLY_MAILBOX_ADDRESS');
  const url = new URL(env.REPLY_MAILBOX_URL);
  const secure = url.protocol === 'imaps:';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user,
    password,
    address,
    inbox: env.REPLY_MAILBOX_INBOX,
    processedFolder: env.REPLY_MAILBOX_PROCESSED_FOLDER,
    unprocessedFolder: env.REPLY_MAILBOX_UNPROCESSED_FOLDER,
    pollMs: env.REPLY_MAILBOX_POLL_SECONDS * 1000,
  };
}

/**
 * The directory to sync people from, or undefined when LDAP_URL is unset. Its connection is
 * encrypted (ldaps:// or StartTLS) unless it stays on this machine.
 */
function directorySettings(env: Env, cwd: string): DirectorySettings | undefined {
  const fail = (message: string): never => {
    throw new OperatorError(`Invalid configuration: ${message}`, EXIT_CONFIG);
  };
  if (!env.LDAP_URL) return undefined;
  const url = new URL(env.LDAP_URL);
  if (!env.LDAP_BASE_DN) fail('LDAP_BASE_DN must be set when LDAP_URL is');
  if (!env.OIDC_ISSUER)
    fail('OIDC_ISSUER must be set when LDAP_URL is: synced people sign in through it');
  if (url.protocol === 'ldaps:' && env.LDAP_STARTTLS)
    fail('LDAP_STARTTLS=true goes with an ldap:// URL; ldaps:// is TLS already');
  if (url.protocol === 'ldap:' && !env.LDAP_STARTTLS && !isLoopback(url.hostname))
    fail(
      `LDAP_URL ${env.LDAP_URL} sends the password unencrypted: use ldaps:// or set LDAP_STARTTLS=true`,
    );
  if (env.LDAP_BIND_DN && !env.LDAP_BIND_PASSWORD)
    fail('LDAP_BIND_PASSWORD must be set when LDAP_BIND_DN is');
  try {
    parseCrontab(`${env.LDAP_SYNC_CRON} directory-sync`);
  } catch (error) {
    fail(`LDAP_SYNC_CRON: ${(error as Error).message}`);
  }
  return {
    url: env.LDAP_URL,
    startTls: env.LDAP_STARTTLS,
    ca: env.LDAP_CA_FILE ? readCaFile(resolve(cwd, env.LDAP_CA_FILE)) : undefined,
    bindDn: env.LDAP_BIND_DN,
    bindPassword: env.LDAP_BIND_PASSWORD,
    baseDn: env.LDAP_BASE_DN ?? '',
    filter: env.LDAP_FILTER,
    attributes: {
      username: env.LDAP_ATTR_USERNAME,
      externalId: env.LDAP_ATTR_EXTERNAL_ID,
      email: env.LDAP_ATTR_EMAIL,
      name: env.LDAP_ATTR_NAME,
      department: env.LDAP_ATTR_DEPARTMENT,
      title: env.LDAP_ATTR_TITLE,
      manager: env.LDAP_ATTR_MANAGER,
      language: env.LDAP_ATTR_LANGUAGE,
      disabled: env.LDAP_ATTR_DISABLED,
    },
    pageSize: env.LDAP_PAGE_SIZE,
    cron: env.LDAP_SYNC_CRON,
    deactivationLimitPercent: env.LDAP_DEACTIVATION_LIMIT_PERCENT,
  };
}

function readCaFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new OperatorError(
      `Invalid configuration: LDAP_CA_FILE ${path} cannot be read: ${(error as Error).message}`,
      EXIT_CONFIG,
    );
  }
}

function noteKeys(env: Env): NoteKeyring {
  if (!env.NOTES_ENCRYPTION_KEYS) return { keys: [DEVELOPMENT_NOTE_KEY], development: true };
  const keys = parseNoteKeys(env.NOTES_ENCRYPTION_KEYS);
  if (typeof keys === 'string')
    throw new OperatorError(`Invalid configuration: NOTES_ENCRYPTION_KEYS: ${keys}`, EXIT_CONFIG);
  return { keys, development: false };
}

/**
 * 127.0.0.0/8, ::1, localhost and `*.localhost` (RFC 6761 reserves those names for the local
 * machine; the compose file's `keycloak.localhost` uses one so browser and server agree on it).
 */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname)
  );
}

function toConfig(env: Env, cwd: string) {
  const list = (value: string) => value.split(/[\s,]+/).filter(Boolean);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    /** Where metrics and health probes are served; undefined when turned off. */
    management: managementServer(env),
    databaseUrl: env.DATABASE_URL,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL,
    dataDir: resolve(cwd, env.TANDEM_DATA_DIR),
    /** The folder channel instances' `{ "file": … }` secret references must lie in. */
    secretsDir: resolve(cwd, env.TANDEM_SECRETS_DIR),
    webRoot: env.WEB_ROOT
      ? resolve(cwd, env.WEB_ROOT)
      : fileURLToPath(new URL('../../web/dist/', import.meta.url)),
    logLevel: env.LOG_LEVEL,
    worker: { inProcess: env.WORKER_IN_PROCESS, concurrency: env.WORKER_CONCURRENCY },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    authRateLimit: env.AUTH_RATE_LIMIT,
    plugins: {
      specifiers: [] as string[],
      required: list(env.TANDEM_REQUIRED_PLUGINS ?? ''),
      configFile: env.TANDEM_PLUGIN_CONFIG
        ? readPluginConfigFile(resolve(cwd, env.TANDEM_PLUGIN_CONFIG))
        : undefined,
    },
    matchingTimeLimitMs: env.MATCHING_TIME_LIMIT_SECONDS * 1000,
    retentionClosedProgrammeDays: env.RETENTION_CLOSED_PROGRAMME_DAYS,
    retentionLeaverDays: env.RETENTION_LEAVER_DAYS,
    reportMinGroupSize: env.REPORT_MIN_GROUP_SIZE,
    auditRetentionDays: env.AUDIT_RETENTION_DAYS,
    holidayRegion: env.HOLIDAY_REGION.toUpperCase(),
    /** The mailbox calendars answer invitations to; undefined when not configured. */
    replyMailbox: replyMailbox(env),
    /** People's calendars the slot finder avoids busy times of; undefined when not configured. */
    freeBusy: freeBusy(env),
    /** The directory people are synced from; undefined when not configured. */
    directory: directorySettings(env, cwd),
    /** The accessibility statement's contacts and facts; null where the operator set none. */
    accessibility: {
      contactEmail: env.ACCESSIBILITY_CONTACT_EMAIL ?? null,
      contactUrl: env.ACCESSIBILITY_CONTACT_URL ?? null,
      statementDate: env.ACCESSIBILITY_STATEMENT_DATE ?? null,
      enforcementBody: env.ACCESSIBILITY_ENFORCEMENT_BODY ?? null,
    },
    trustProxy: trustProxy(env.TRUST_PROXY),
    /** The organisation's IdP; undefined until configured (demo mode brings its own). */
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
          }
        : undefined,
    claims: {
      scopes: list(env.OIDC_SCOPES),
      roles: env.OIDC_ROLES_CLAIM,
      adminRoles: list(env.OIDC_ADMIN_ROLES),
      programmeManagerRoles: list(env.OIDC_PROGRAMME_MANAGER_ROLES),
      reportReaderRoles: list(env.OIDC_REPORT_READER_ROLES),
      department: env.OIDC_DEPARTMENT_CLAIM,
      title: env.OIDC_TITLE_CLAIM,
      username: env.OIDC_USERNAME_CLAIM,
    },
    session: {
      idleTimeoutMs: env.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
      maxAgeMs: env.SESSION_MAX_AGE_HOURS * 3_600_000,
      /** Secure, `__Host-` cookies when people reach Tandem over https. */
      secureCookies: publicUrl.startsWith('https://'),
    },
  };
}

function managementServer(env: Env): { host: string; port: number } | undefined {
  const port = env.MANAGEMENT_PORT === 'off' ? 0 : Number(env.MANAGEMENT_PORT);
  return port === 0 ? undefined : { host: env.MANAGEMENT_HOST, port };
}

/** The built-ins not disabled, then TANDEM_PLUGINS (commas only: a path may contain spaces). */
function pluginSpecifiers(env: Env, configured: (name: string) => boolean): string[] {
  const disabled = new Set((env.TANDEM_DISABLED_PLUGINS ?? '').split(/[\s,]+/).filter(Boolean));
  const unknown = [...disabled].find((name) => !(name in BUILT_IN_PLUGINS));
  if (unknown)
    throw new OperatorError(
      `Invalid configuration: TANDEM_DISABLED_PLUGINS names ${unknown}, which is not a built-in plugin (${Object.keys(BUILT_IN_PLUGINS).join(', ')})`,
      EXIT_CONFIG,
    );
  const builtIns = Object.entries(BUILT_IN_PLUGINS)
    .filter(([name]) => !disabled.has(name))
    .filter(([name]) => !CONFIGURED_BUILT_INS.has(name) || configured(name))
    .map(([, specifier]) => specifier);
  const extra = (env.TANDEM_PLUGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !builtIns.includes(s));
  return [...builtIns, ...extra];
}

/** Fastify's trustProxy from TRUST_PROXY: off, on, a hop count, or proxy addresses. */
function trustProxy(
  value: string | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
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
  if (schema.format === 'email-address') return 'an email address';
  if (schema.format === 'imap-url') return 'an imap:// or imaps:// URL without a path';
  if (schema.format === 'calendar-date') return 'a date as YYYY-MM-DD';
  // A pattern says nothing to people; a schema with one carries its own wording.
  if (typeof schema.expectation === 'string') return schema.expectation;
  return 'a non-empty string';
}
