import type { Curriculum } from './curriculum.js';
import type { MatchingStrategy } from './matching.js';
import type { NotificationChannel } from './notification.js';

/**
 * Any plugin a `define*` helper made, whatever its kind and configuration. Narrow it by
 * {@link pluginKind} or by the brand.
 */
export type TandemPlugin = MatchingStrategy | Curriculum | NotificationChannel;
