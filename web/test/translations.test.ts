import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

/**
 * Every string the app shows goes through `msg(…, { id })`; this test finds each call in the
 * sources and checks that German has a translation with the same placeholders, that no id means
 * two different English texts, and that German has nothing no page uses any more.
 */
const src = fileURLToPath(new URL('../src/', import.meta.url));
const germanFolder = join(src, 'i18n', 'de');

interface Message {
  id: string;
  english: string;
  placeholders: number;
  file: string;
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === join(src, 'i18n') ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The text of a call starting at `start` (just after `msg(`), up to its closing parenthesis. */
function callText(text: string, start: number): string {
  let depth = 1;
  const stack: string[] = [];
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    const inside = stack.at(-1);
    if (inside === '`') {
      if (char === '\\') i++;
      else if (char === '`') stack.pop();
      else if (char === '$' && text[i + 1] === '{') {
        stack.push('}');
        i++;
      }
    } else if (inside === "'" || inside === '"') {
      if (char === '\\') i++;
      else if (char === inside) stack.pop();
    } else if (char === "'" || char === '"' || char === '`') stack.push(char);
    else if (char === '{' && inside === '}') stack.push('}');
    else if (char === '}' && inside === '}') stack.pop();
    else if (!inside && char === '(') depth++;
    else if (!inside && char === ')' && --depth === 0) return text.slice(start, i);
  }
  throw new Error(`unclosed msg( at ${start}`);
}

function messages(): Message[] {
  const found: Message[] = [];
  for (const file of sources(src)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bmsg\(/g)) {
      const call = callText(text, (match.index ?? 0) + 4);
      const id = /\{\s*id:\s*'([^']+)'\s*,?\s*\}\s*,?\s*$/.exec(call)?.[1];
      const english = call.replace(/,\s*\{\s*id:[^}]*\}\s*,?\s*$/, '').trim();
      found.push({
        id: id ?? '',
        english,
        placeholders: (english.match(/\$\{/g) ?? []).length,
        file: relative(src, file),
      });
    }
  }
  return found;
}

type German = string | { values?: unknown[] };

async function german(): Promise<Map<string, German>> {
  const all = new Map<string, German>();
  for (const name of readdirSync(germanFolder).filter((file) => file.endsWith('.ts'))) {
    const area = (await import(join(germanFolder, name))) as {
      templates: Record<string, German>;
    };
    for (const [id, text] of Object.entries(area.templates)) {
      if (all.has(id)) throw new Error(`${name}: id ${id} is already translated in another area`);
      all.set(id, text);
    }
  }
  return all;
}

t.test('every message has an id, one English text per id, and German for each', async (t) => {
  const found = messages();
  const translations = await german();
  t.ok(found.length > 10, `${found.length} messages found in the sources`);

  const withoutId = found.filter((message) => !message.id);
  t.same(
    withoutId.map((m) => `${m.file}: ${m.english}`),
    [],
    'msg() always carries { id }',
  );

  const english = new Map<string, string>();
  const clashes: string[] = [];
  for (const message of found) {
    const before = english.get(message.id);
    if (before !== undefined && before !== message.english) clashes.push(message.id);
    english.set(message.id, message.english);
  }
  t.same(clashes, [], 'an id never stands for two different English texts');

  const missing = found.filter((m) => m.id && !translations.has(m.id)).map((m) => m.id);
  t.same([...new Set(missing)], [], 'German for every message');

  const placeholderMismatch = found
    .filter((m) => translations.has(m.id))
    .filter((m) => {
      const text = translations.get(m.id);
      const count = typeof text === 'string' ? 0 : (text?.values?.length ?? 0);
      return count !== m.placeholders;
    })
    .map((m) => m.id);
  t.same(placeholderMismatch, [], 'German keeps every placeholder of the English');

  const unused = [...translations.keys()].filter((id) => !english.has(id));
  t.same(unused, [], 'German has no message the app no longer shows');
});
