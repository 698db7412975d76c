import type { Match } from '../matching/match.js';

/**
 * A sign of life at `at`: the pair is not stale (any more), and the stale check counts its
 * quiet weeks from then. Never moves backwards: a late follow-up of an older meeting must not
 * make a pair look quieter than a session it has marked done since.
 */
export function markActive(match: Match, at: Date): void {
  if (!match.activeAt || match.activeAt < at) match.activeAt = at;
  match.staleSince = null;
}
