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

/**
 * The best total of a complete assignment of the rows of a dense matrix with rows <= cols
 * (NaN and -Infinity forbidden), by the textbook O(rows² · cols) Hungarian method with
 * potentials, written independently of the solvers under test. A forbidden pair costs `big`
 * (far beyond any total), so an answer that needs one means no complete assignment: undefined.
 */
export function hungarianTotal(
  weights: Float64Array,
  rows: number,
  cols: number,
): number | undefined {
  const big = 1e12;
  const cost = (i: number, j: number) => {
    const w = weights[i * cols + j] ?? Number.NaN;
    return w > Number.NEGATIVE_INFINITY ? -w : big;
  };
  // 1-based, column 0 is the virtual start (e-maxx formulation).
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const p = new Int32Array(cols + 1);
  const way = new Int32Array(cols + 1);
  for (let i = 1; i <= rows; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(cols + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(cols + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= cols; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? 0)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? 0) < delta) {
          delta = minv[j] ?? 0;
          j1 = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (used[j]) {
          const r = p[j] ?? 0;
          u[r] = (u[r] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else {
          minv[j] = (minv[j] ?? 0) - delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= cols; j++) {
    const i = p[j] ?? 0;
    if (i === 0) continue;
    const w = weights[(i - 1) * cols + (j - 1)] ?? Number.NaN;
    if (!(w > Number.NEGATIVE_INFINITY)) return undefined;
    total += w;
  }
  return total;
}
