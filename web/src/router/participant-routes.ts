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
    path: '/profile',
    tag: 'tandem-profile-page',
    load: () => import('../pages/profile-page.js'),
    access: 'participant',
  },
];
