import type { RouteDefinition } from './routes.js';

/** Line managers approve their people's enrolments; the notification links to one request. */
export const APPROVAL_ROUTES: RouteDefinition[] = [
  {
    path: '/approvals',
    tag: 'tandem-approvals-page',
    load: () => import('../pages/approvals-page.js'),
    access: 'participant',
  },
  {
    path: '/approvals/:id',
    tag: 'tandem-approvals-page',
    load: () => import('../pages/approvals-page.js'),
    access: 'participant',
  },
];
