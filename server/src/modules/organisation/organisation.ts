import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { createdAt } from '../../db/common-properties.js';

/** The organisation this Tandem serves: one row, id 1. */
export const Organisation = defineEntity({
  name: 'Organisation',
  tableName: 'organisation',
  properties: {
    id: p.integer().primary().autoincrement(false),
    name: p.string(),
    /** IANA time zone in which availability windows and meeting times are read. */
    timeZone: p.string().default('Europe/Berlin'),
    defaultLocale: p.enum(['de', 'en']).default('de'),
    /** True when `tandem start --demo` created it: the data is made up. */
    demo: p.boolean().default(false),
    /** The operator's video about the site in German Sign Language (DGS, § 4 BITV 2.0). */
    signLanguageVideoUrl: p.text().nullable(),
    createdAt: createdAt(),
  },
});
export type Organisation = InferEntity<typeof Organisation>;

export const ORGANISATION_ID = 1;
