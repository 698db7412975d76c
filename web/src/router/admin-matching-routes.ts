import type { RouteDefinition } from './routes.js';

/** Admin: matching review, meetings, deliveries, demo mailbox, skills, plugins. */
export const ADMIN_MATCHING_ROUTES: RouteDefinition[] = [
  {
    path: '/admin/programmes/:id/matching',
    tag: 'tandem-matching-review-page',
    load: () => import('../pages/matching-review-page.js'),
    access: 'programme',
  },
  {
    path: '/admin/programmes/:id/meetings',
    tag: 'tandem-programme-meetings-page',
    load: () => import('../pages/programme-meetings-page.js'),
    access: 'programme',
  },
  {
    path: '/admin/deliveries',
    tag: 'tandem-deliveries-page',
    load: () => import('../pages/deliveries-page.js'),
    access: 'programme',
  },
  {
    path: '/admin/demo-mailbox',
    tag: 'tandem-demo-mailbox-page',
    load: () => import('../pages/demo-mailbox-page.js'),
    access: 'admin',
  },
  {
    path: '/admin/skills',
    tag: 'tandem-skills-page',
    load: () => import('../pages/skills-page.js'),
    access: 'admin',
  },
  {
    path: '/admin/plugins',
    tag: 'tandem-plugins-page',
    load: () => import('../pages/plugins-page.js'),
    access: 'admin',
  },
];
