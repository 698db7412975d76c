import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '@tandem/plugin-sdk';
import { ORGANISATION_ID, Organisation } from './organisation.js';

/** What every message and meeting plan reads from the organisation. */
export interface OrganisationSettings {
  /** The organisation's name; null until it is set up (the demo names its own). */
  name: string | null;
  /** True when the data is the demo's, made up by `tandem start --demo`. */
  demo: boolean;
  /** IANA time zone of availability windows and meeting times. */
  timeZone: string;
  /** The language of people who chose none. */
  defaultLocale: Locale;
  /** An https link to the operator's video about the site in German Sign Language; null if none. */
  signLanguageVideoUrl: string | null;
}

/** The organisation's settings; the defaults (Europe/Berlin, German) until it has a row. */
export async function organisationSettings(em: EntityManager): Promise<OrganisationSettings> {
  const organisation = await em.findOne(Organisation, ORGANISATION_ID);
  return {
    name: organisation?.name ?? null,
    demo: organisation?.demo ?? false,
    timeZone: organisation?.timeZone ?? 'Europe/Berlin',
    defaultLocale: organisation?.defaultLocale ?? 'de',
    signLanguageVideoUrl: organisation?.signLanguageVideoUrl ?? null,
  };
}
