import type { RouteDefinition } from './routes.js';

/** Admin: matching review, meetings, deliveries, skills, plugins. */
export const ADMIN_MATCHING_ROUTES: RouteDefinition[] = [];
