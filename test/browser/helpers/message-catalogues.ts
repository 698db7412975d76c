import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The web app's two message catalogues as plain text, for tests that look for one language's
 * sentences on the other language's pages: English from the `msg(…)` calls in web/src (the
 * source language), German from web/src/i18n/de/*.ts. A message with placeholders counts as
 * its fixed pieces between them.
 */
const src = fileURLToPath(new URL('../../../web/src/', import.meta.url));
const germanFolder = join(src, 'i18n', 'de');

export interface Catalogue {
  /** Every message id. */
  ids: string[];
  /** Each message's fixed pieces, by id (markup removed, whitespace collapsed). */
  pieces: Map<string, string[]>;
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The fixed pieces of a template: the text between placeholders and tags. */
function piecesOf(template: string): string[] {
  return template
    .split(/\$\{(?:[^{}]|\{[^{}]*\})*\}|<[^>]*>/)
    .map((piece) => tidy(piece.replace(/\\(.)/g, '$1')))
    .filter(Boolean);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === join(src, 'i18n') ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** English: the first argument of every `msg(…, { id })` in the sources. */
export function englishCatalogue(): Catalogue {
  const pieces = new Map<string, string[]>();
  const call =
    /\bmsg\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(?:str|html)`((?:[^`\\]|\\.)*)`)\s*,\s*\{\s*id:\s*'([^']+)'/g;
  for (const file of sourceFiles(src))
    for (const match of readFileSync(file, 'utf8').matchAll(call)) {
      const [, single, double, template, id] = match;
      if (id) pieces.set(id, piecesOf(single ?? double ?? template ?? ''));
    }
  return { ids: [...pieces.keys()], pieces };
}

type GermanTemplate = string | { strings?: readonly string[] };

/** German: the templates of every area module. */
export async function germanCatalogue(): Promise<Catalogue> {
  const pieces = new Map<string, string[]>();
  for (const name of readdirSync(germanFolder).filter((file) => file.endsWith('.ts'))) {
    const area = (await import(join(germanFolder, name))) as {
      templates: Record<string, GermanTemplate>;
    };
    for (const [id, template] of Object.entries(area.templates))
      pieces.set(
        id,
        typeof template === 'string'
          ? piecesOf(template)
          : (template.strings ?? []).flatMap((text) => piecesOf(text)),
      );
  }
  return { ids: [...pieces.keys()], pieces };
}

/**
 * The sentences of `foreign` worth looking for on a page in the other language: pieces of at
 * least three words that appear nowhere in `own` (words both languages share, such as
 * "Reverse Mentoring", say nothing about the page's language).
 */
export function telltales(foreign: Catalogue, own: Catalogue): Map<string, string> {
  const ownText = [...own.pieces.values()].flat().join('\n');
  const found = new Map<string, string>();
  for (const [id, pieces] of foreign.pieces)
    for (const piece of pieces)
      if (piece.split(' ').length >= 3 && piece.length >= 12 && !ownText.includes(piece))
        found.set(piece, id);
  return found;
}
