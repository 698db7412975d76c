import type { RouteDefinition } from './routes.js';

/** Lunch rounds: the admin's view of a lunch programme's rounds. */
export const LUNCH_ROUTES: RouteDefinition[] = [
  {
    path: '/admin/programmes/:id/lunch',
    tag: 'tandem-lunch-rounds-page',
    load: () => import('../pages/lunch-rounds-page.js'),
    access: 'programme',
  },
];
