import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a cookie: 256 random bits. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a cookie token: its SHA-256, so the table cannot replay it. */
export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
