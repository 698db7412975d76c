#!/usr/bin/env node
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Locale } from '@tandem/plugin-sdk';
import type { Config } from './config.js';
import { EXIT_USAGE, OperatorError } from './errors.js';
import { version } from './version.js';

const USAGE = `Usage: tandem <command> [options]

Commands:
  start [--demo]   run the server (and its job worker); --demo seeds a demo organisation once
  worker           run background jobs only (needs DATABASE_URL)
  migrate          apply pending database migrations and exit
  plugins          load the configured plugins and list them with their status
  notes rotate     re-encrypt every pair note with the first of NOTES_ENCRYPTION_KEYS
  import people <file.csv>                      create people before their first sign-in
  import enrolments <programme> <file.csv>      enrol known people into a programme
  export enrolments <programme> [--out <file>]  a programme's enrolments as CSV
  export audit [--since <date>] [--out <file>]  the audit log as CSV
  admin grant|revoke <email or subject>         give or take the admin role
  directory sync [--dry-run]                    sync people from the directory (LDAP) now
  organisation [--name <name>] [--time-zone <zone>] [--language de|en]
               [--sign-language-video <https URL, or "" for none>]
                   show, or set, the organisation's name, meeting time zone, default language
                   and link to a video about the site in German Sign Language (DGS)
  doctor           check configuration, database, identity provider, plugins and mail server

Options:
  --dry-run        (import) check every row, save nothing; (directory sync) show what
                   would change, save nothing
  --report <file>  (import) write the rejected rows with their reasons as CSV
  --locale de|en   (import, export) CSV for German Excel (;) or English Excel (,);
                   default: the organisation's language
  -h, --help       show this help
  -v, --version    print the version

Configuration comes from environment variables: see docs/operators/configuration.md.`;

const OPTIONS = {
  demo: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  report: { type: 'string' },
  out: { type: 'string' },
  since: { type: 'string' },
  locale: { type: 'string' },
  name: { type: 'string' },
  'time-zone': { type: 'string' },
  language: { type: 'string' },
  'sign-language-video': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const satisfies ParseArgsConfig['options'];

/** The command each option belongs to: given to another, it is refused rather than ignored. */
const OPTION_COMMAND = [
  ['demo', 'start'],
  ['dry-run', 'import'],
  ['dry-run', 'directory'],
  ['report', 'import'],
  ['out', 'export'],
  ['since', 'export'],
  ['locale', 'import'],
  ['locale', 'export'],
  ['name', 'organisation'],
  ['time-zone', 'organisation'],
  ['language', 'organisation'],
  ['sign-language-video', 'organisation'],
] as const satisfies readonly (readonly [keyof typeof OPTIONS, string])[];

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: OPTIONS,
  });
  if (values.help) return void console.log(USAGE);
  if (values.version) return void console.log(version);

  const [command, ...rest] = positionals;
  for (const [option] of OPTION_COMMAND) {
    const given = values[option];
    const owners = OPTION_COMMAND.filter(([name]) => name === option).map(([, owner]) => owner);
    if (given !== undefined && given !== false && !owners.some((owner) => owner === command))
      throw new OperatorError(
        `--${option} goes with ${owners.map((owner) => `\`tandem ${owner}\``).join(' or ')}.`,
        EXIT_USAGE,
      );
  }
  const locale = csvLocale(values.locale);
  // These commands check their own arguments.
  if (command === 'import') {
    const config = await configuration();
    const { importCommand } = await import('./cli/import-command.js');
    return importCommand(config, rest, {
      dryRun: values['dry-run'],
      report: values.report,
      locale,
    });
  }
  if (command === 'export') {
    const config = await configuration();
    const { exportCommand } = await import('./cli/export-command.js');
    return exportCommand(config, rest, { out: values.out, since: values.since, locale });
  }
  if (command === 'admin') {
    const config = await configuration();
    const { adminCommand } = await import('./cli/admin-command.js');
    return adminCommand(config, rest);
  }
  if (command === 'directory') {
    const config = await configuration();
    const { directoryCommand } = await import('./cli/directory-command.js');
    return directoryCommand(config, rest, { dryRun: values['dry-run'] });
  }
  if (command === 'organisation') {
    const config = await configuration();
    const { organisationCommand } = await import('./cli/organisation-command.js');
    return organisationCommand(config, rest, {
      name: values.name,
      timeZone: values['time-zone'],
      language: values.language,
      signLanguageVideo: values['sign-language-video'],
    });
  }
  // `notes` takes one action word after it; every other command takes none.
  const action = command === 'notes' ? rest.shift() : undefined;
  if (rest.length > 0)
    throw new OperatorError(`Unexpected argument: ${rest[0]}\n\n${USAGE}`, EXIT_USAGE);

  // Each command's modules load when it is called: the server's take seconds to load, which
  // `--help`, a typo or a bad setting should not wait for.
  switch (command) {
    case 'start': {
      const config = await configuration();
      const { startCommand } = await import('./cli/start-command.js');
      return startCommand(config, { demo: values.demo });
    }
    case 'worker': {
      const config = await configuration();
      const { workerCommand } = await import('./cli/worker-command.js');
      return workerCommand(config);
    }
    case 'migrate': {
      const config = await configuration();
      const { migrateCommand } = await import('./cli/migrate-command.js');
      return migrateCommand(config);
    }
    case 'plugins': {
      const config = await configuration();
      const { pluginsCommand } = await import('./cli/plugins-command.js');
      return pluginsCommand(config);
    }
    case 'notes': {
      const config = await configuration();
      const { notesCommand } = await import('./cli/notes-command.js');
      return notesCommand(config, action);
    }
    case 'doctor': {
      // Loads the configuration itself: an invalid one is a failed check, not a stop.
      const { doctorCommand } = await import('./cli/doctor-command.js');
      return doctorCommand(process.env);
    }
    case undefined:
      throw new OperatorError(USAGE, EXIT_USAGE);
    default:
      throw new OperatorError(`Unknown command: ${command}\n\n${USAGE}`, EXIT_USAGE);
  }
}

/** The validated configuration; its module loads graphile-worker and the built-in plugins. */
async function configuration(): Promise<Config> {
  const { loadConfig } = await import('./config.js');
  return loadConfig();
}

/** `--locale de` or `en`, or undefined for the organisation's language. */
function csvLocale(value: string | undefined): Locale | undefined {
  if (value === undefined || value === 'de' || value === 'en') return value;
  throw new OperatorError(`--locale must be de or en (got ${JSON.stringify(value)})`, EXIT_USAGE);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof OperatorError) {
    console.error(`tandem: ${error.message}`);
    process.exit(error.exitCode);
  }
  if (
    error instanceof TypeError &&
    'code' in error &&
    String(error.code).startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`tandem: ${error.message}\n\n${USAGE}`);
    process.exit(EXIT_USAGE);
  }
  console.error('tandem: unexpected error', error);
  process.exit(1);
});
