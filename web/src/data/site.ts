import type { Static } from '@sinclair/typebox';
import type { SiteSchema } from '@tandem/server/schemas/modules/organisation/site-schemas';
import { api } from './api-client.js';

export type Site = Static<typeof SiteSchema>;
export type AccessibilityFacts = Site['accessibility'];

/** The site's public facts: organisation, version, languages and the accessibility contacts. */
export const readSite = (signal?: AbortSignal) => api<Site>('/api/site', signal ? { signal } : {});
