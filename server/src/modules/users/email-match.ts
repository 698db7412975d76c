import { type FilterQuery, raw } from '@mikro-orm/postgresql';
import type { User } from './user.js';

/**
 * People whose email is `email` whatever its case, found through the index on lower(email):
 * an escaped ILIKE, as before, read every person for each lookup.
 */
export function emailMatch(email: string): FilterQuery<User> {
  return { [raw('lower(email)')]: email.toLowerCase() };
}
