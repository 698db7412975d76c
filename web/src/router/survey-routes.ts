import type { RouteDefinition } from './routes.js';

/** A programme's surveys: the invitation and the home page link to one of them. */
export const SURVEY_ROUTES: RouteDefinition[] = [
  {
    path: '/surveys/:id/:survey',
    tag: 'tandem-survey-page',
    load: () => import('../pages/survey-page.js'),
    access: 'participant',
  },
];
