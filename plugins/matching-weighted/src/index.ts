/**
 * `@tandem/matching-weighted`: Tandem's built-in strategy for reverse and classic mentoring.
 * It scores every mentor–mentee pair on weighted criteria, keeps the hard rules as filters, and
 * finds the exact best assignment for the whole cohort with the SDK's solver.
 *
 * @packageDocumentation
 */
import { defineMatchingStrategy, Type } from '@tandem/plugin-sdk';
import { propose } from './propose.js';
import { suggest } from './suggest.js';

export default defineMatchingStrategy({
  name: 'weighted',
  version: '0.1.0',
  host: '^0.1.0',
  configSchema: Type.Object({}),
  match: (input) => propose(input),
  suggest: (input, enrolmentId) => suggest(input, enrolmentId),
});
