import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

/**
 * One concept, one word: German readers who meet "Zuordnung" on one page and "Matching" on the
 * next, or "Digital-Mentor/in" beside "Mentor/Mentorin", wonder whether these are two things.
 * The words chosen are "Matching" and "Mentor/Mentorin"; this test fails when the other word
 * comes back into the German catalogue of the web app or the server's German messages.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

const FORBIDDEN: { word: RegExp; use: string }[] = [
  { word: /zuordnung/i, use: 'Matching' },
  { word: /Mentor\/in\b/, use: 'Mentor/Mentorin' },
  { word: /Digital-Mentor/i, use: 'Mentor/Mentorin für Digitales' },
];

function files(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return files(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

/** The web app's German areas, and the server's texts for messages and emails (both languages). */
const GERMAN_SOURCES = [
  ...files(join(root, 'web/src/i18n/de'), (name) => name.endsWith('.ts')),
  ...files(join(root, 'server/src/modules'), (name) => name.endsWith('-texts.ts')),
];

t.test('the German texts use one word per concept', async (t) => {
  t.ok(GERMAN_SOURCES.length > 10, `${GERMAN_SOURCES.length} files read`);
  const found: string[] = [];
  for (const file of GERMAN_SOURCES) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      for (const { word, use } of FORBIDDEN)
        if (word.test(line))
          found.push(`${relative(root, file)}:${index + 1}: "${word.source}" — use "${use}"`);
    });
  }
  t.same(found, [], 'no second word for matching or for the mentor');
});
