/**
 * Fails `pnpm build` when the JavaScript a browser must download before the first page shows
 * grows beyond 80 KB gzipped: the entry chunk and every chunk it imports statically. Pages load
 * later, on demand, and are not counted.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const LIMIT_BYTES = 80 * 1024;
const dist = new URL('../dist/', import.meta.url);

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<
  string,
  ManifestChunk
>;

const initial = new Set<string>();
const visit = (key: string) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const imported of manifest[key]?.imports ?? []) visit(imported);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

let total = 0;
for (const key of initial) {
  const file = manifest[key]?.file;
  if (!file?.endsWith('.js')) continue;
  total += gzipSync(readFileSync(new URL(file, dist))).length;
}
const kilobytes = (total / 1024).toFixed(1);
if (total > LIMIT_BYTES) {
  console.error(`initial JavaScript ${kilobytes} KB gzipped: over the limit of 80 KB`);
  process.exit(1);
}
console.log(`initial JavaScript ${kilobytes} KB gzipped (limit 80 KB)`);
