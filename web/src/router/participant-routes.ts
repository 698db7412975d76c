import type { RouteDefinition } from './routes.js';

/** Programmes, enrolment, profile and preferences. */
export const PARTICIPANT_ROUTES: RouteDefinition[] = [
  {
    path: '/programmes/:id/enrol',
    tag: 'tandem-enrol-page',
    load: () => import('../pages/enrol-page.js'),
    access: 'participant',
  },
  {
    // Self-service programmes: suggested partners and tandem requests (notifications link here).
    path: '/programmes/:id/partners',
    tag: 'tandem-partners-page',
    load: () => import('../pages/partners-page.js'),
    access: 'participant',
  },
  {
    path: '/profile',
    tag: 'tandem-profile-page',
    load: () => import('../pages/profile-page.js'),
    access: 'participant',
  },
];
