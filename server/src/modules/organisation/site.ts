import type { EntityManager } from '@mikro-orm/postgresql';
import { organisationSettings } from './organisation-settings.js';
import type { SiteView } from './site-schemas.js';

/** What the operator configured for the site (see config.ts). */
export interface SiteSettings {
  version: string;
  /** Demo sign-in is on (`tandem start --demo` without an OpenID Provider). */
  demo: boolean;
  /** Email goes to the demo mailbox (`tandem start --demo`). */
  demoMailbox: boolean;
  /** The statement's facts from the configuration; the sign language video is the organisation's. */
  accessibility: Omit<SiteView['accessibility'], 'signLanguageVideoUrl'>;
}

/** The languages Tandem speaks, the first the fallback. */
const LANGUAGES = ['de', 'en'] as const;

/** The site's public facts: whose Tandem it is, which version, and whom to tell about barriers. */
export async function readSite(
  em: EntityManager,
  settings: SiteSettings,
  channels: string[],
): Promise<SiteView> {
  const organisation = await organisationSettings(em.fork());
  return {
    organisationName: organisation.name,
    version: settings.version,
    demo: settings.demo || organisation.demo,
    demoMailbox: settings.demoMailbox,
    languages: [...LANGUAGES],
    defaultLocale: organisation.defaultLocale,
    channels,
    accessibility: {
      ...settings.accessibility,
      signLanguageVideoUrl: organisation.signLanguageVideoUrl,
    },
  };
}
