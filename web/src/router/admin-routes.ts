import type { RouteDefinition } from './routes.js';

/** Admin: programmes dashboard, create wizard, programme settings, enrolments. */
export const ADMIN_ROUTES: RouteDefinition[] = [
  {
    path: '/admin',
    tag: 'tandem-admin-page',
    load: () => import('../pages/admin-page.js'),
    access: 'staff',
  },
  {
    path: '/admin/programmes/new',
    tag: 'tandem-admin-programme-new-page',
    load: () => import('../pages/admin-programme-new-page.js'),
    access: 'admin',
  },
  {
    path: '/admin/programmes/:id',
    tag: 'tandem-admin-programme-page',
    load: () => import('../pages/admin-programme-page.js'),
    access: 'programme',
  },
  {
    path: '/admin/programmes/:id/enrolments',
    tag: 'tandem-admin-enrolments-page',
    load: () => import('../pages/admin-enrolments-page.js'),
    access: 'programme',
  },
  {
    path: '/admin/programmes/:id/report',
    tag: 'tandem-report-page',
    load: () => import('../pages/report-page.js'),
    access: 'staff',
  },
  {
    path: '/admin/programmes/:id/impact',
    tag: 'tandem-impact-page',
    load: () => import('../pages/impact-page.js'),
    access: 'staff',
  },
  {
    path: '/admin/audit',
    tag: 'tandem-audit-page',
    load: () => import('../pages/audit-page.js'),
    access: 'reports',
  },
  {
    path: '/admin/tokens',
    tag: 'tandem-api-tokens-page',
    load: () => import('../pages/api-tokens-page.js'),
    access: 'admin',
  },
  {
    path: '/admin/people',
    tag: 'tandem-people-roles-page',
    load: () => import('../pages/people-roles-page.js'),
    access: 'admin',
  },
];
