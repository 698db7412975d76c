import type { RouteDefinition } from './routes.js';

/** Certificates of participation: my own to download, and anyone's to verify by number. */
export const CERTIFICATE_ROUTES: RouteDefinition[] = [
  {
    path: '/certificates',
    tag: 'tandem-certificates-page',
    load: () => import('../pages/certificates-page.js'),
    access: 'participant',
  },
  {
    path: '/verify',
    tag: 'tandem-verify-page',
    load: () => import('../pages/verify-page.js'),
    access: 'anonymous',
  },
  {
    path: '/verify/:number',
    tag: 'tandem-verify-page',
    load: () => import('../pages/verify-page.js'),
    access: 'anonymous',
  },
];
