import type { RouteDefinition } from './routes.js';

/** Tandem in Leichte Sprache (§ 4 BITV 2.0): one page element, a route per part. */
export const LEICHTE_SPRACHE_ROUTES: RouteDefinition[] = [
  {
    path: '/leichte-sprache',
    tag: 'tandem-leichte-sprache-page',
    load: () => import('../pages/leichte-sprache-page.js'),
    access: 'anonymous',
  },
  {
    path: '/leichte-sprache/bedienung',
    tag: 'tandem-leichte-sprache-page',
    load: () => import('../pages/leichte-sprache-page.js'),
    access: 'anonymous',
  },
  {
    path: '/leichte-sprache/barrierefreiheit',
    tag: 'tandem-leichte-sprache-page',
    load: () => import('../pages/leichte-sprache-page.js'),
    access: 'anonymous',
  },
];
