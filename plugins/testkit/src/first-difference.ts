import { isDeepStrictEqual } from 'node:util';

/**
 * Where two JSON-like values first differ, as a path and both values
 * (`groups[2].score: 61 vs 74`), or `undefined` when they are deeply equal. A determinism
 * failure is only actionable when it says which part of the answer changed.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
    for (const key of keysOf(a, b)) {
      const step = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      const inner = firstDifference(entry(a, key), entry(b, key), step);
      if (inner) return inner;
    }
  }
  return `${path || '(root)'}: ${show(a)} vs ${show(b)}`;
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function keysOf(a: Container, b: Container): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function entry(container: Container, key: string): unknown {
  return (container as Record<string, unknown>)[key];
}

function show(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
