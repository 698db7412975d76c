/**
 * Test helpers for the solver tests: a seeded PRNG, random instances and brute-force
 * reference answers (dynamic programming over subsets, so exact for small instances).
 */

/** Mulberry32: a small seeded PRNG, so that every failing instance can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer from `low` to `high` inclusive. */
export function int(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** A weight: integer or fractional, possibly negative, as `kind` says. */
export function randomWeight(random: () => number, kind: 'integer' | 'fraction'): number {
  return kind === 'integer' ? int(random, -20, 50) : (random() - 0.3) * 100;
}

/** The best (pairs, total) found by a brute force, to compare a solver's answer with. */
export interface Best {
  readonly pairs: number;
  readonly total: number;
}

/** Lexicographically better: more pairs, or as many with a larger total. */
function better(pairs: number, total: number, than: Best): boolean {
  return pairs > than.pairs || (pairs === than.pairs && total > than.total);
}

/**
 * The best assignment of a dense matrix (NaN and -Infinity forbidden), by dynamic programming
 * over rows and the set of used columns; cols must be small (the state is a bit mask).
 */
export function bruteForceAssignment(weights: Float64Array, rows: number, cols: number): Best {
  // best[mask] after processing rows 0 .. r-1: the best (pairs, total) using exactly `mask`.
  const size = 1 << cols;
  let pairs = new Int32Array(size).fill(-1);
  let totals = new Float64Array(size);
  pairs[0] = 0;
  for (let r = 0; r < rows; r++) {
    const nextPairs = Int32Array.from(pairs);
    const nextTotals = Float64Array.from(totals);
    for (let mask = 0; mask < size; mask++) {
      const p = pairs[mask] ?? -1;
      if (p < 0) continue;
      const t = totals[mask] ?? 0;
      for (let c = 0; c < cols; c++) {
        if ((mask & (1 << c)) !== 0) continue;
        const w = weights[r * cols + c] ?? Number.NaN;
        if (!(w > Number.NEGATIVE_INFINITY)) continue;
        const to = mask | (1 << c);
        const current = { pairs: nextPairs[to] ?? -1, total: nextTotals[to] ?? 0 };
        if (better(p + 1, t + w, current)) {
          nextPairs[to] = p + 1;
          nextTotals[to] = t + w;
        }
      }
    }
    pairs = nextPairs;
    totals = nextTotals;
  }
  let best: Best = { pairs: 0, total: 0 };
  for (let mask = 0; mask < size; mask++) {
    const p = pairs[mask] ?? -1;
    if (p >= 0 && better(p, totals[mask] ?? 0, best)) best = { pairs: p, total: totals[mask] ?? 0 };
  }
  return best;
}

/**
 * The best matching of a general graph given as a dense symmetric matrix (NaN = no edge), by
 * dynamic programming over vertex subsets: the lowest vertex is left single or paired.
 */
export function bruteForceMatching(n: number, adjacency: Float64Array): Best {
  const size = 1 << n;
  const pairs = new Int32Array(size);
  const totals = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    const v = 31 - Math.clz32(mask & -mask);
    const rest = mask & ~(1 << v);
    let best: Best = { pairs: pairs[rest] ?? 0, total: totals[rest] ?? 0 };
    for (let u = v + 1; u < n; u++) {
      if ((rest & (1 << u)) === 0) continue;
      const w = adjacency[v * n + u] ?? Number.NaN;
      if (Number.isNaN(w)) continue;
      const other = rest & ~(1 << u);
      const p = (pairs[other] ?? 0) + 1;
      const t = (totals[other] ?? 0) + w;
      if (better(p, t, best)) best = { pairs: p, total: t };
    }
    pairs[mask] = best.pairs;
    totals[mask] = best.total;
  }
  return { pairs: pairs[size - 1] ?? 0, total: totals[size - 1] ?? 0 };
}

/** The dense matrix as CSR lists, skipping forbidden entries or (with `keepForbidden`) not. */
export function toCsr(
  weights: Float64Array,
  rows: number,
  cols: number,
  keepForbidden = false,
): { rowStart: Int32Array; colIndex: Int32Array; weight: Float64Array } {
  const rowStart = new Int32Array(rows + 1);
  const colIndex: number[] = [];
  const weight: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const w = weights[r * cols + c] ?? Number.NaN;
      if (!keepForbidden && !(w > Number.NEGATIVE_INFINITY)) continue;
      colIndex.push(c);
      weight.push(w);
    }
    rowStart[r + 1] = colIndex.length;
  }
  return { rowStart, colIndex: Int32Array.from(colIndex), weight: Float64Array.from(weight) };
}
