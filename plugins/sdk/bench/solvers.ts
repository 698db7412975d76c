/**
 * Timings of the exact matching solvers of `@tandem/plugin-sdk/solvers` on random instances
 * of sizes a matching run may meet. Prints one line per case; asserts nothing.
 *
 *   node --conditions=tandem-source --import tsx plugins/sdk/bench/solvers.ts
 *
 * Instances come from a fixed seed, so runs differ only by machine and load.
 */
import {
  maxWeightAssignment,
  maxWeightAssignmentSparse,
  maxWeightMatching,
} from '@tandem/plugin-sdk/solvers';

/** Mulberry32, a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `solve` `repeat` times after one warm-up run; prints the median and the pairs found. */
function time(name: string, repeat: number, solve: () => { pairs: number; total: number }): void {
  solve();
  const times: number[] = [];
  let last = { pairs: 0, total: 0 };
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    last = solve();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(
    `${name.padEnd(44)} ${median.toFixed(1).padStart(9)} ms   pairs ${last.pairs}, total ${last.total.toFixed(2)}`,
  );
}

const pairsOf = (rowToCol: Int32Array) => rowToCol.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);

function dense(rows: number, cols: number, forbidden: number, seed: number): void {
  const random = prng(seed);
  const weights = new Float64Array(rows * cols);
  for (let i = 0; i < weights.length; i++)
    weights[i] = random() < forbidden ? Number.NaN : Math.round(random() * 100);
  const label = `dense ${rows}×${cols}${forbidden > 0 ? `, ${forbidden * 100}% forbidden` : ''}`;
  time(label, rows >= 1000 ? 3 : 9, () => {
    const { rowToCol, total } = maxWeightAssignment(weights, rows, cols);
    return { pairs: pairsOf(rowToCol), total };
  });
}

function sparse(rows: number, cols: number, candidates: number, seed: number): void {
  const random = prng(seed);
  const rowStart = new Int32Array(rows + 1);
  const colIndex = new Int32Array(rows * candidates);
  const weight = new Float64Array(rows * candidates);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < candidates; k++) {
      const e = r * candidates + k;
      colIndex[e] = Math.floor(random() * cols);
      weight[e] = Math.round(random() * 100);
    }
    rowStart[r + 1] = (r + 1) * candidates;
  }
  time(`sparse ${rows} rows × ${candidates} candidates, ${cols} cols`, 5, () => {
    const { rowToCol, total } = maxWeightAssignmentSparse(rows, cols, rowStart, colIndex, weight);
    return { pairs: pairsOf(rowToCol), total };
  });
}

function general(n: number, degree: number, seed: number): void {
  const random = prng(seed);
  const m = Math.round((n * degree) / 2);
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const w = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    u[i] = Math.floor(random() * n);
    v[i] = Math.floor(random() * n);
    w[i] = Math.round(random() * 100);
  }
  time(`general ${n} vertices, ${m} random edges`, n >= 2000 ? 3 : 5, () => {
    const { mate, total } = maxWeightMatching(n, u, v, w);
    return { pairs: pairsOf(mate) / 2, total };
  });
}

dense(200, 200, 0, 1);
dense(200, 200, 0.5, 2);
dense(1000, 1000, 0, 3);
dense(300, 1000, 0, 4);
sparse(5000, 5000, 30, 5);
sparse(5000, 1000, 30, 6);
sparse(5000, 4000, 10, 7);
general(500, 20, 8);
general(2000, 20, 9);
general(2000, 200, 10);
