/**
 * `@tandem/matching-lunch`: Tandem's built-in strategy for mystery lunch rounds. Everyone gets a
 * partner when the numbers allow (an odd one out joins a pair), different departments are
 * preferred, and nobody meets the same person again until the pool is exhausted.
 *
 * @packageDocumentation
 */
import { defineMatchingStrategy, Type } from '@tandem/plugin-sdk';
import { proposeLunch } from './propose-lunch.js';
import { suggestPeers } from './suggest-peers.js';

export default defineMatchingStrategy({
  name: 'lunch',
  version: '0.1.0',
  host: '^0.1.0',
  configSchema: Type.Object({}),
  match: (input) => proposeLunch(input),
  suggest: (input, enrolmentId) => suggestPeers(input, enrolmentId),
});
