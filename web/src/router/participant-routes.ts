import type { RouteDefinition } from './routes.js';

/** Programmes, enrolment, profile and preferences. */
export const PARTICIPANT_ROUTES: RouteDefinition[] = [];
