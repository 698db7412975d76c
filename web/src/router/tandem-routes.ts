import type { RouteDefinition } from './routes.js';

/** My tandem (partner, meetings, plan, notes, feedback) and the inbox. */
export const TANDEM_ROUTES: RouteDefinition[] = [
  {
    path: '/tandem',
    tag: 'tandem-tandem-page',
    load: () => import('../pages/tandem-page.js'),
    access: 'participant',
  },
  {
    path: '/tandem/:pairId',
    tag: 'tandem-tandem-page',
    load: () => import('../pages/tandem-page.js'),
    access: 'participant',
  },
  {
    // Tandem 0.1 linked pairs here in its messages; inbox entries and emails sent then still do.
    path: '/pairs/:pairId',
    tag: 'tandem-tandem-page',
    load: () => import('../pages/tandem-page.js'),
    access: 'participant',
  },
  {
    path: '/inbox',
    tag: 'tandem-inbox-page',
    load: () => import('../pages/inbox-page.js'),
    access: 'participant',
  },
];
