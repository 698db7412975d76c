import type { TemplateMap } from '@lit/localize';

/**
 * The German translations, one module per area of the app under de/ (so the people working
 * on different pages never edit the same file). Each area's `templates` maps message ids to German text; ids
 * must not clash, which web/test/translations.test.ts checks along with completeness.
 */
const areas = import.meta.glob<TemplateMap>('./de/*.ts', { eager: true, import: 'templates' });

// Only `templates`: an area may export more for its pages (Leichte Sprache does), and that
// stays in the page's own chunk.
export const templates: TemplateMap = Object.assign({}, ...Object.values(areas));
