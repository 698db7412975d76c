import type { RouteDefinition } from './routes.js';

/** My tandem (partner, meetings, plan, notes, feedback) and the inbox. */
export const TANDEM_ROUTES: RouteDefinition[] = [];
