/**
 * Why an admin dissolved a pair, as a code the web app words in the reader's language; kept
 * for admins only, never told to the members.
 */
export const DISSOLVE_REASONS = [
  'did-not-fit',
  'no-time',
  'left-organisation',
  'member-asked',
  'other',
] as const;
export type DissolveReason = (typeof DISSOLVE_REASONS)[number];
