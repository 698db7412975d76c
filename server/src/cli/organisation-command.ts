import type { Config } from '../config.js';
import { EXIT_USAGE, OperatorError } from '../errors.js';
import {
  type OrganisationSettings,
  organisationSettings,
} from '../modules/organisation/organisation-settings.js';
import {
  type OrganisationChange,
  updateOrganisation,
} from '../modules/organisation/organisation-update.js';
import { ServiceError } from '../service-error.js';
import { withDatabase } from './cli-database.js';

export const ORGANISATION_USAGE =
  'Usage: tandem organisation [--name <name>] [--time-zone <zone>] [--language de|en] [--sign-language-video <https URL, or "" for none>]';

export interface OrganisationOptions {
  name: string | undefined;
  timeZone: string | undefined;
  language: string | undefined;
  signLanguageVideo: string | undefined;
}

/**
 * `tandem organisation`: shows the organisation's name, the time zone its meetings are planned
 * in, the language of people who chose none and the link to a video in German Sign Language;
 * with options, sets them first.
 */
export async function organisationCommand(
  config: Config,
  args: string[],
  options: OrganisationOptions,
): Promise<void> {
  if (args.length) throw new OperatorError(ORGANISATION_USAGE, EXIT_USAGE);
  const change = changeOf(options);
  const settings = await withDatabase(config, (orm) =>
    Object.keys(change).length
      ? updateOrganisation(orm.em, change, 'cli').catch((error: unknown) => {
          throw error instanceof ServiceError ? new OperatorError(error.message) : error;
        })
      : organisationSettings(orm.em.fork()),
  );
  console.log(describe(settings));
}

function changeOf({
  name,
  timeZone,
  language,
  signLanguageVideo,
}: OrganisationOptions): OrganisationChange {
  if (language !== undefined && language !== 'de' && language !== 'en')
    throw new OperatorError(`--language is de or en (got "${language}").`, EXIT_USAGE);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(timeZone !== undefined ? { timeZone } : {}),
    ...(language !== undefined ? { defaultLocale: language } : {}),
    ...(signLanguageVideo !== undefined ? { signLanguageVideoUrl: signLanguageVideo } : {}),
  };
}

function describe(settings: OrganisationSettings): string {
  return [
    `Name:      ${settings.name ?? '(not set: tandem organisation --name "…")'}`,
    `Time zone: ${settings.timeZone}`,
    `Language:  ${settings.defaultLocale} (for people who chose none)`,
    `Sign language video: ${settings.signLanguageVideoUrl ?? '(none)'}`,
  ].join('\n');
}
