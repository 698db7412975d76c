import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { IANAZone } from 'luxon';
import { ServiceError } from '../../service-error.js';
import { recordAudit } from '../audit/audit-log.js';
import { ORGANISATION_ID, Organisation } from './organisation.js';
import { type OrganisationSettings, organisationSettings } from './organisation-settings.js';

/** What an operator may change; what is not given stays as it is. */
export interface OrganisationChange {
  name?: string;
  timeZone?: string;
  defaultLocale?: Locale;
  /** An https link to a video in German Sign Language; null removes it. */
  signLanguageVideoUrl?: string | null;
}

const MAX_NAME_LENGTH = 200;
const MAX_URL_LENGTH = 2000;

/**
 * Names the organisation and sets the time zone of its meetings and the language of people who
 * chose none, audited as an operator's action. The first change must name it: until then there
 * is no organisation row, and its defaults (Europe/Berlin, German) apply.
 *
 * @throws ServiceError invalid for an empty or overlong name, an unknown time zone, a sign
 *   language video that is not an https URL, or a first change without a name.
 */
export async function updateOrganisation(
  em: EntityManager,
  change: OrganisationChange,
  via: string,
): Promise<OrganisationSettings> {
  const checked = checkedChange(change);
  const fork = em.fork();
  const before = await organisationSettings(fork);
  const existing = await fork.findOne(Organisation, ORGANISATION_ID);
  if (existing) fork.assign(existing, checked);
  else if (checked.name !== undefined)
    fork.create(Organisation, { ...checked, id: ORGANISATION_ID, name: checked.name });
  else
    throw new ServiceError(
      'invalid',
      'The organisation has no name yet: name it in the same change.',
    );
  await fork.flush();
  await recordAudit(em, {
    action: 'organisation.updated',
    data: { via, before: { ...before }, change: { ...checked } },
  });
  return organisationSettings(em.fork());
}

function checkedChange(change: OrganisationChange): OrganisationChange {
  const name = change.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > MAX_NAME_LENGTH))
    throw new ServiceError('invalid', `The name must have 1 to ${MAX_NAME_LENGTH} characters.`);
  if (change.timeZone !== undefined && !isTimeZone(change.timeZone))
    throw new ServiceError(
      'invalid',
      `Unknown time zone "${change.timeZone}": use an IANA name such as Europe/Berlin.`,
    );
  const video = change.signLanguageVideoUrl?.trim();
  return {
    ...(name !== undefined ? { name } : {}),
    ...(change.timeZone !== undefined ? { timeZone: change.timeZone } : {}),
    ...(change.defaultLocale !== undefined ? { defaultLocale: change.defaultLocale } : {}),
    ...(change.signLanguageVideoUrl !== undefined
      ? { signLanguageVideoUrl: video ? checkedVideoUrl(video) : null }
      : {}),
  };
}

/**
 * The link is shown to everyone on the Leichte Sprache pages, so only an absolute https URL is
 * taken: no plain http, and no javascript: or data: link that would run in the site.
 */
function checkedVideoUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== 'https:' || !parsed.hostname || url.length > MAX_URL_LENGTH)
    throw new ServiceError(
      'invalid',
      `The sign language video must be an https URL of at most ${MAX_URL_LENGTH} characters, such as https://example.org/dgs (got "${url}").`,
    );
  return parsed.href;
}

/** As the slot finder reads it (luxon's IANA zones), so that meetings can be planned in it. */
function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
