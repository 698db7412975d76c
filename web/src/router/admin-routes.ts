import type { RouteDefinition } from './routes.js';

/** Admin: programmes dashboard, create wizard, programme settings, enrolments. */
export const ADMIN_ROUTES: RouteDefinition[] = [];
