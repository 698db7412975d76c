import { redactUrl } from './redact.js';

const EXCERPT_LENGTH = 200;

/**
 * A short, one-line excerpt of what a webhook answered, for the reason an admin reads: tags
 * dropped (error pages are often HTML), whitespace collapsed, the URL's secrets removed (some
 * servers echo the path), at most 200 characters.
 */
export function bodyExcerpt(body: string, url: URL): string {
  const plain = redactUrl(body.replace(/<[^>]*>/g, ' '), url)
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= EXCERPT_LENGTH ? plain : `${plain.slice(0, EXCERPT_LENGTH - 1)}…`;
}
