import type { RouteDefinition } from './routes.js';

/** Admin: matching review, meetings, deliveries, skills, plugins. */
export const ADMIN_MATCHING_ROUTES: RouteDefinition[] = [
  {
    path: '/admin/programmes/:id/matching',
    tag: 'tandem-matching-review-page',
    load: () => import('../pages/matching-review-page.js'),
    access: 'admin',
  },
];
