/**
 * Who may open a page: anyone, a signed-in person, an HR admin, anyone with a Tandem role
 * (`staff`), admins and programme managers (`programme`), admins and report readers (`reports`).
 */
export type RouteAccess = 'anonymous' | 'participant' | 'admin' | 'staff' | 'programme' | 'reports';

export interface RouteDefinition {
  /** A path with `:name` segments, e.g. `/programmes/:id`. */
  path: string;
  /** The page's custom element, defined by the module `load` imports. */
  tag: string;
  load: () => Promise<unknown>;
  access: RouteAccess;
}

import { ADMIN_MATCHING_ROUTES } from './admin-matching-routes.js';
import { ADMIN_ROUTES } from './admin-routes.js';
import { APPROVAL_ROUTES } from './approval-routes.js';
import { CERTIFICATE_ROUTES } from './certificate-routes.js';
import { LEICHTE_SPRACHE_ROUTES } from './leichte-sprache-routes.js';
import { LUNCH_ROUTES } from './lunch-routes.js';
import { PARTICIPANT_ROUTES } from './participant-routes.js';
import { SURVEY_ROUTES } from './survey-routes.js';
import { TANDEM_ROUTES } from './tandem-routes.js';

/**
 * Every page of the app. Pages load lazily: only the shell is in the first download, so a
 * participant never downloads the admin pages.
 */
export const ROUTES: RouteDefinition[] = [
  {
    path: '/',
    tag: 'tandem-home-page',
    load: () => import('../pages/home-page.js'),
    access: 'anonymous',
  },
  {
    path: '/accessibility',
    tag: 'tandem-accessibility-page',
    load: () => import('../pages/accessibility-page.js'),
    access: 'anonymous',
  },
  {
    path: '/api/docs',
    tag: 'tandem-api-docs-page',
    load: () => import('../pages/api-docs-page.js'),
    access: 'anonymous',
  },
  ...LEICHTE_SPRACHE_ROUTES,
  ...PARTICIPANT_ROUTES,
  ...TANDEM_ROUTES,
  ...ADMIN_ROUTES,
  ...ADMIN_MATCHING_ROUTES,
  ...LUNCH_ROUTES,
  ...APPROVAL_ROUTES,
  ...CERTIFICATE_ROUTES,
  ...SURVEY_ROUTES,
];

export const NOT_FOUND: RouteDefinition = {
  path: '*',
  tag: 'tandem-not-found-page',
  load: () => import('../pages/not-found-page.js'),
  access: 'anonymous',
};
