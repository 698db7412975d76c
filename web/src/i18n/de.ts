import type { TemplateMap } from '@lit/localize';

/**
 * The German translations, one module per area of the app under de/ (so the people working
 * on different pages never edit the same file). Each maps message ids to German text; ids
 * must not clash, which web/test/translations.test.ts checks along with completeness.
 */
const areas = import.meta.glob<{ templates: TemplateMap }>('./de/*.ts', { eager: true });

export const templates: TemplateMap = Object.assign(
  {},
  ...Object.values(areas).map((area) => area.templates),
);
