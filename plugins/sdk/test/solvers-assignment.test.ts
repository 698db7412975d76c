import t from 'tap';
import { maxWeightAssignment, maxWeightAssignmentSparse } from '../src/solvers/index.js';
import {
  bruteForceAssignment,
  hungarianTotal,
  int,
  prng,
  randomWeight,
  toCsr,
} from './solvers-reference.js';

const FORBIDDEN = [Number.NaN, Number.NEGATIVE_INFINITY];

/** A random matrix: sizes up to `maxSize`, some entries forbidden, weights maybe negative. */
function randomMatrix(random: () => number, maxSize: number) {
  const rows = int(random, 0, maxSize);
  const cols = int(random, 0, maxSize);
  const forbidden = random() * 0.7;
  const kind = random() < 0.5 ? 'integer' : 'fraction';
  const weights = new Float64Array(rows * cols);
  for (let i = 0; i < weights.length; i++)
    weights[i] =
      random() < forbidden ? (FORBIDDEN[int(random, 0, 1)] ?? 0) : randomWeight(random, kind);
  return { rows, cols, weights };
}

/**
 * What is wrong with an answer for a dense matrix: a column used twice, a forbidden pair, an
 * index out of range, or a total that is not the sum of the pairs; undefined when valid.
 */
function assignmentProblem(
  weights: Float64Array,
  rows: number,
  cols: number,
  rowToCol: Int32Array,
  total: number,
): string | undefined {
  if (rowToCol.length !== rows) return `rowToCol has length ${rowToCol.length}`;
  const used = new Set<number>();
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    const c = rowToCol[r] ?? -1;
    if (c === -1) continue;
    if (c < 0 || c >= cols) return `row ${r} has column ${c}`;
    if (used.has(c)) return `column ${c} is used twice`;
    used.add(c);
    const w = weights[r * cols + c] ?? Number.NaN;
    if (!(w > Number.NEGATIVE_INFINITY)) return `row ${r} has forbidden column ${c}`;
    sum += w;
  }
  if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(sum)))
    return `total ${total} but the pairs sum to ${sum}`;
  return undefined;
}

const pairsOf = (rowToCol: Int32Array) => rowToCol.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

t.test('dense: as good as brute force on small random matrices', async (t) => {
  const random = prng(20240611);
  for (let i = 0; i < 600; i++) {
    const { rows, cols, weights } = randomMatrix(random, 7);
    const best = bruteForceAssignment(weights, rows, cols);
    const { rowToCol, total } = maxWeightAssignment(weights, rows, cols);
    const label = `instance ${i} (${rows}×${cols})`;
    t.equal(assignmentProblem(weights, rows, cols, rowToCol, total), undefined, `${label}: valid`);
    t.equal(pairsOf(rowToCol), best.pairs, `${label}: most pairs`);
    t.ok(close(total, best.total), `${label}: total ${total}, best ${best.total}`);
  }
});

t.test('sparse: as good as brute force, and agrees with dense', async (t) => {
  const random = prng(77);
  for (let i = 0; i < 600; i++) {
    const { rows, cols, weights } = randomMatrix(random, 7);
    const best = bruteForceAssignment(weights, rows, cols);
    // Half the time the forbidden entries are listed (with their NaN/-Infinity weight).
    const csr = toCsr(weights, rows, cols, random() < 0.5);
    const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const dense = maxWeightAssignment(weights, rows, cols);
    const label = `instance ${i} (${rows}×${cols})`;
    t.equal(
      assignmentProblem(weights, rows, cols, sparse.rowToCol, sparse.total),
      undefined,
      `${label}: valid`,
    );
    t.equal(pairsOf(sparse.rowToCol), best.pairs, `${label}: most pairs`);
    t.ok(close(sparse.total, best.total), `${label}: total ${sparse.total}, best ${best.total}`);
    t.equal(pairsOf(sparse.rowToCol), pairsOf(dense.rowToCol), `${label}: pairs as dense`);
    t.ok(close(sparse.total, dense.total), `${label}: total as dense`);
  }
});

t.test('dense and sparse agree on larger random instances', async (t) => {
  const random = prng(4242);
  for (let i = 0; i < 40; i++) {
    const rows = int(random, 20, 120);
    const cols = int(random, 20, 120);
    const candidates = int(random, 1, 15);
    const weights = new Float64Array(rows * cols).fill(Number.NaN);
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < candidates; k++)
        weights[r * cols + int(random, 0, cols - 1)] = randomWeight(random, 'fraction');
    const dense = maxWeightAssignment(weights, rows, cols);
    const csr = toCsr(weights, rows, cols);
    const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const label = `instance ${i} (${rows}×${cols}, ${candidates} candidates)`;
    t.equal(
      assignmentProblem(weights, rows, cols, sparse.rowToCol, sparse.total),
      undefined,
      `${label}: sparse valid`,
    );
    t.equal(
      assignmentProblem(weights, rows, cols, dense.rowToCol, dense.total),
      undefined,
      `${label}: dense valid`,
    );
    t.equal(pairsOf(sparse.rowToCol), pairsOf(dense.rowToCol), `${label}: same pairs`);
    t.ok(close(sparse.total, dense.total), `${label}: ${sparse.total} vs ${dense.total}`);
  }
});

t.test('dense, every pair allowed (Jonker–Volgenant path): as good as brute force', async (t) => {
  const random = prng(1987);
  for (let i = 0; i < 800; i++) {
    const rows = int(random, 1, 8);
    const cols = int(random, 1, 8);
    // Small integer ranges give many ties; fractions give none; negatives are allowed.
    const kind = i % 3;
    const weights = new Float64Array(rows * cols);
    for (let k = 0; k < weights.length; k++)
      weights[k] =
        kind === 0 ? int(random, 0, 3) : randomWeight(random, kind === 1 ? 'integer' : 'fraction');
    const best = bruteForceAssignment(weights, rows, cols);
    const { rowToCol, total } = maxWeightAssignment(weights, rows, cols);
    const label = `instance ${i} (${rows}×${cols})`;
    t.equal(assignmentProblem(weights, rows, cols, rowToCol, total), undefined, `${label}: valid`);
    t.equal(pairsOf(rowToCol), Math.min(rows, cols), `${label}: complete`);
    t.ok(close(total, best.total), `${label}: total ${total}, best ${best.total}`);
  }
});

t.test('dense complete matrices agree with the sparse solver at moderate sizes', async (t) => {
  const random = prng(2718);
  for (let i = 0; i < 36; i++) {
    const rows = int(random, 30, 260);
    const cols = i % 3 === 0 ? rows : int(random, 30, 260);
    const weights = new Float64Array(rows * cols);
    if (i % 2 === 0) {
      // Clustered integer scores 0–100 from a few criteria: many ties.
      const groups = int(random, 2, 8);
      const traits = (count: number) =>
        Array.from({ length: count }, () => {
          const g = int(random, 0, groups - 1);
          return [0, 1, 2, 3].map((c) => (random() < 0.7 ? (g * 7 + c) % 5 : int(random, 0, 4)));
        });
      const a = traits(rows);
      const b = traits(cols);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          let score = 0;
          for (let k = 0; k < 4; k++)
            if (a[r]?.[k] === b[c]?.[k]) score += [40, 30, 20, 10][k] ?? 0;
          weights[r * cols + c] = score;
        }
    } else {
      for (let k = 0; k < weights.length; k++) weights[k] = randomWeight(random, 'fraction');
    }
    const dense = maxWeightAssignment(weights, rows, cols);
    const csr = toCsr(weights, rows, cols);
    const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const label = `instance ${i} (${rows}×${cols}, ${i % 2 === 0 ? 'clustered' : 'random'})`;
    t.equal(
      assignmentProblem(weights, rows, cols, dense.rowToCol, dense.total),
      undefined,
      `${label}: dense valid`,
    );
    t.equal(pairsOf(dense.rowToCol), Math.min(rows, cols), `${label}: complete`);
    t.ok(close(dense.total, sparse.total), `${label}: ${dense.total} vs ${sparse.total}`);
  }
});

t.test(
  'few forbidden pairs (complete assignments with forbidden pairs): as good as brute force',
  async (t) => {
    const random = prng(1031);
    for (let i = 0; i < 600; i++) {
      const rows = int(random, 1, 7);
      const cols = int(random, 1, 7);
      // Small integer ranges give many ties; a few forbidden pairs usually leave a complete
      // assignment of the shorter side, sometimes not.
      const ties = i % 2 === 0;
      const weights = new Float64Array(rows * cols);
      for (let k = 0; k < weights.length; k++)
        weights[k] =
          random() < 0.15
            ? (FORBIDDEN[int(random, 0, 1)] ?? 0)
            : ties
              ? int(random, 0, 3)
              : randomWeight(random, 'fraction');
      const best = bruteForceAssignment(weights, rows, cols);
      const dense = maxWeightAssignment(weights, rows, cols);
      const csr = toCsr(weights, rows, cols, random() < 0.5);
      const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
      const label = `instance ${i} (${rows}×${cols})`;
      for (const [name, answer] of [
        ['dense', dense],
        ['sparse', sparse],
      ] as const) {
        t.equal(
          assignmentProblem(weights, rows, cols, answer.rowToCol, answer.total),
          undefined,
          `${label}: ${name} valid`,
        );
        t.equal(pairsOf(answer.rowToCol), best.pairs, `${label}: ${name} most pairs`);
        t.ok(
          close(answer.total, best.total),
          `${label}: ${name} ${answer.total}, best ${best.total}`,
        );
      }
    }
  },
);

t.test('dense and sparse agree at moderate sizes with 10 % forbidden pairs', async (t) => {
  const random = prng(3141);
  for (let i = 0; i < 24; i++) {
    const rows = int(random, 40, 200);
    // Square, wide and tall in turn.
    const cols = i % 3 === 0 ? rows : i % 3 === 1 ? rows * 2 : Math.ceil(rows / 2);
    const weights = new Float64Array(rows * cols);
    for (let k = 0; k < weights.length; k++)
      weights[k] =
        random() < 0.1
          ? Number.NaN
          : i % 2 === 0
            ? int(random, 0, 4) * 25
            : randomWeight(random, 'fraction');
    const dense = maxWeightAssignment(weights, rows, cols);
    const csr = toCsr(weights, rows, cols);
    const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const label = `instance ${i} (${rows}×${cols})`;
    t.equal(
      assignmentProblem(weights, rows, cols, dense.rowToCol, dense.total),
      undefined,
      `${label}: dense valid`,
    );
    t.equal(pairsOf(dense.rowToCol), Math.min(rows, cols), `${label}: complete`);
    t.equal(pairsOf(sparse.rowToCol), Math.min(rows, cols), `${label}: sparse complete`);
    t.ok(close(dense.total, sparse.total), `${label}: ${dense.total} vs ${sparse.total}`);
  }
});

t.test('sparse lists with heavy ties and many forbidden entries agree with dense', async (t) => {
  const random = prng(2718);
  for (let i = 0; i < 36; i++) {
    const rows = int(random, 20, 160);
    // Square, wide and tall in turn.
    const cols = i % 3 === 0 ? rows : i % 3 === 1 ? rows * 2 : Math.ceil(rows / 2);
    const perRow = int(random, 2, 12);
    // A third of the instances with half of the listed entries forbidden (often no full
    // assignment then), the rest with a few; weights from three values (ties everywhere) or
    // fractions.
    const forbidden = i % 3 === 2 ? 0.5 : 0.1;
    const tied = i % 2 === 0;
    const rowStart = new Int32Array(rows + 1);
    const colIndex: number[] = [];
    const weight: number[] = [];
    const matrix = new Float64Array(rows * cols).fill(Number.NaN);
    for (let r = 0; r < rows; r++) {
      const listed = new Set<number>();
      while (listed.size < Math.min(perRow, cols)) listed.add(int(random, 0, cols - 1));
      for (const c of listed) {
        const w =
          random() < forbidden
            ? (FORBIDDEN[int(random, 0, 1)] ?? 0)
            : tied
              ? int(random, 0, 2)
              : randomWeight(random, 'fraction');
        colIndex.push(c);
        weight.push(w);
        matrix[r * cols + c] = w;
      }
      rowStart[r + 1] = colIndex.length;
    }
    const dense = maxWeightAssignment(matrix, rows, cols);
    const sparse = maxWeightAssignmentSparse(
      rows,
      cols,
      rowStart,
      Int32Array.from(colIndex),
      Float64Array.from(weight),
    );
    const label = `instance ${i} (${rows}×${cols}, ${perRow} listed)`;
    t.equal(
      assignmentProblem(matrix, rows, cols, sparse.rowToCol, sparse.total),
      undefined,
      `${label}: sparse valid`,
    );
    t.equal(pairsOf(sparse.rowToCol), pairsOf(dense.rowToCol), `${label}: as many pairs`);
    t.ok(close(dense.total, sparse.total), `${label}: ${dense.total} vs ${sparse.total}`);
  }
});

t.test('sparse, clustered integer scores (ties at every distance) agree with dense', async (t) => {
  // People in a few clusters with five criteria each; a pair scores the weighted number of
  // equal criteria (0-100 in steps of 5), and rows list candidates mostly from their own
  // cluster. Most reduced costs tie, so the solver assigns many rows along tight paths and in
  // phases from all free rows at once, square, wide and tall.
  const random = prng(5150);
  const weights = [30, 25, 20, 15, 10];
  for (let i = 0; i < 24; i++) {
    const rows = int(random, 120, 400);
    const cols = i % 3 === 0 ? rows : i % 3 === 1 ? Math.ceil(rows * 1.5) : Math.ceil(rows * 0.7);
    const clusters = int(random, 3, 12);
    const person = (count: number) =>
      Array.from({ length: count }, () => {
        const g = int(random, 0, clusters - 1);
        return {
          g,
          traits: [0, 1, 2, 3, 4].map((c) =>
            random() < 0.7 ? (g * 3 + c) % 5 : int(random, 0, 4),
          ),
        };
      });
    const a = person(rows);
    const b = person(cols);
    const matrix = new Float64Array(rows * cols).fill(Number.NaN);
    const perRow = int(random, 6, 25);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < perRow; k++) {
        let c = int(random, 0, cols - 1);
        // Mostly a candidate from the row's own cluster.
        for (let tries = 0; tries < 20 && random() < 0.8 && b[c]?.g !== a[r]?.g; tries++)
          c = int(random, 0, cols - 1);
        let score = 0;
        for (let q = 0; q < 5; q++)
          if (a[r]?.traits[q] === b[c]?.traits[q]) score += weights[q] ?? 0;
        matrix[r * cols + c] = random() < 0.05 ? Number.NaN : score;
      }
    }
    const csr = toCsr(matrix, rows, cols);
    const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const dense = maxWeightAssignment(matrix, rows, cols);
    const label = `instance ${i} (${rows}×${cols}, ${perRow} listed)`;
    t.equal(
      assignmentProblem(matrix, rows, cols, sparse.rowToCol, sparse.total),
      undefined,
      `${label}: sparse valid`,
    );
    t.equal(pairsOf(sparse.rowToCol), pairsOf(dense.rowToCol), `${label}: as many pairs`);
    t.ok(close(dense.total, sparse.total), `${label}: ${dense.total} vs ${sparse.total}`);
  }
});

t.test(
  'sparse, scores from a few values (long tied phases) match a textbook Hungarian',
  async (t) => {
    // Each row lists a dozen columns or so, including one of a hidden permutation (so that every
    // row can be assigned), with scores from a handful of values: whole numbers, or steps of 0.1,
    // whose sums round. Most phases then end at the same small gap next to the part reachable
    // along tight edges (the dual step without a search), with searches between them when no free
    // column lies at the gap. The reference is an independent O(n³) implementation.
    const random = prng(4242);
    for (let i = 0; i < 30; i++) {
      const rows = int(random, 60, 240);
      const cols = i % 2 === 0 ? rows : rows + int(random, 1, 60);
      const step = i % 3 === 2 ? 0.1 : int(random, 1, 5);
      const values = int(random, 2, 6);
      const perm = Array.from({ length: cols }, (_, c) => c);
      for (let c = cols - 1; c > 0; c--) {
        const d = int(random, 0, c);
        [perm[c], perm[d]] = [perm[d] ?? 0, perm[c] ?? 0];
      }
      const matrix = new Float64Array(rows * cols).fill(Number.NaN);
      const perRow = int(random, 4, 16);
      for (let r = 0; r < rows; r++) {
        matrix[r * cols + (perm[r] ?? 0)] = int(random, 0, values - 1) * step;
        for (let k = 0; k < perRow; k++)
          matrix[r * cols + int(random, 0, cols - 1)] = int(random, 0, values - 1) * step;
      }
      const csr = toCsr(matrix, rows, cols);
      const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
      const expected = hungarianTotal(matrix, rows, cols);
      const label = `instance ${i} (${rows}×${cols}, step ${step}, ${values} values)`;
      t.equal(
        assignmentProblem(matrix, rows, cols, sparse.rowToCol, sparse.total),
        undefined,
        `${label}: valid`,
      );
      t.equal(pairsOf(sparse.rowToCol), rows, `${label}: complete`);
      t.ok(
        expected !== undefined && close(sparse.total, expected),
        `${label}: ${sparse.total} vs ${expected}`,
      );
    }
  },
);

t.test(
  'dense square matrices (solved on candidate pairs) match a textbook Hungarian',
  async (t) => {
    // Square matrices go through candidate lists, a sparse solve and a check of every pair; tied
    // scores make the first candidates miss pairs the optimum needs (rows re-solved in rounds),
    // a constant matrix has too many candidates (dense solver instead). The reference is an
    // independent O(n³) implementation.
    const random = prng(8086);
    for (let i = 0; i < 40; i++) {
      const n = int(random, 30, 260);
      const kind = i % 4;
      const weights = new Float64Array(n * n);
      if (kind === 0) {
        // Clustered integer scores, 0-100 in steps of 5.
        const groups = int(random, 2, 12);
        const person = () => {
          const g = int(random, 0, groups - 1);
          return [0, 1, 2, 3, 4].map((c) => (random() < 0.7 ? (g * 3 + c) % 5 : int(random, 0, 4)));
        };
        const a = Array.from({ length: n }, person);
        const b = Array.from({ length: n }, person);
        for (let r = 0; r < n; r++)
          for (let c = 0; c < n; c++) {
            let score = 0;
            for (let q = 0; q < 5; q++)
              if (a[r]?.[q] === b[c]?.[q]) score += [30, 25, 20, 15, 10][q] ?? 0;
            weights[r * n + c] = score;
          }
      } else if (kind === 1) {
        for (let k = 0; k < weights.length; k++) weights[k] = randomWeight(random, 'fraction');
      } else if (kind === 2) {
        for (let k = 0; k < weights.length; k++) weights[k] = int(random, 0, 3);
      } else {
        weights.fill(i % 8 === 3 ? 7 : int(random, 0, 9));
      }
      // A few forbidden pairs in half of them.
      if (i % 2 === 1)
        for (let k = 0; k < weights.length; k++) if (random() < 0.05) weights[k] = Number.NaN;
      const expected = hungarianTotal(weights, n, n);
      const { rowToCol, total } = maxWeightAssignment(weights, n, n);
      const label = `instance ${i} (${n}×${n}, kind ${kind})`;
      t.equal(assignmentProblem(weights, n, n, rowToCol, total), undefined, `${label}: valid`);
      t.equal(pairsOf(rowToCol), n, `${label}: complete`);
      t.ok(expected !== undefined && close(total, expected), `${label}: ${total} vs ${expected}`);
    }
  },
);

t.test('the most pairs come first, then the weight', async (t) => {
  const N = Number.NaN;
  const cases: [string, number, number, number[], number[], number][] = [
    // [name, rows, cols, weights, rowToCol, total]
    ['two pairs beat one heavy pair', 2, 2, [10, 1, 1, N], [1, 0], 2],
    ['a negative pair is taken for the count', 1, 1, [-5], [0], -5],
    ['all negative, the least bad pairs', 2, 2, [-1, -10, -10, -1], [0, 1], -2],
    ['a later row may take the only column', 2, 1, [1, 10], [-1, 0], 10],
    ['a row is pushed out for a better pair', 3, 2, [10, N, 9, 1, N, 8], [0, -1, 1], 18],
    ['tall matrix: the best rows win', 3, 2, [5, 1, 6, 2, 1, 9], [-1, 0, 1], 15],
    ['wide matrix: the best columns win', 2, 3, [5, 6, 1, 1, 2, 9], [1, 2], 15],
    ['-Infinity forbids like NaN', 2, 2, [Number.NEGATIVE_INFINITY, 3, 4, N], [1, 0], 7],
    ['a row with nothing allowed stays single', 2, 2, [N, N, 1, 2], [-1, 1], 2],
    ['a path of displacements', 3, 3, [5, 4, N, N, 5, 4, N, N, 5], [0, 1, 2], 15],
    // Plain maximum weight would pair row 0 with column 0 (100) and row 2 with column 1: 101.
    ['a cheap pair makes room for a third', 3, 3, [100, 1, N, 1, N, N, N, 1, 1], [1, 0, 2], 3],
  ];
  for (const [name, rows, cols, w, rowToCol, total] of cases) {
    const weights = Float64Array.from(w);
    const dense = maxWeightAssignment(weights, rows, cols);
    const csr = toCsr(weights, rows, cols);
    const sparse = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const best = bruteForceAssignment(weights, rows, cols);
    t.same(Array.from(dense.rowToCol), rowToCol, `${name}: dense rowToCol`);
    t.equal(dense.total, total, `${name}: dense total`);
    t.same(Array.from(sparse.rowToCol), rowToCol, `${name}: sparse rowToCol`);
    t.equal(sparse.total, total, `${name}: sparse total`);
    t.same([best.pairs, best.total], [pairsOf(dense.rowToCol), total], `${name}: brute force`);
  }
});

t.test('empty inputs', async (t) => {
  for (const [rows, cols] of [
    [0, 0],
    [0, 4],
    [3, 0],
  ] as const) {
    const dense = maxWeightAssignment(new Float64Array(0), rows, cols);
    t.same(Array.from(dense.rowToCol), new Array(rows).fill(-1), `dense ${rows}×${cols}`);
    t.equal(dense.total, 0);
    const sparse = maxWeightAssignmentSparse(
      rows,
      cols,
      new Int32Array(rows + 1),
      new Int32Array(0),
      new Float64Array(0),
    );
    t.same(Array.from(sparse.rowToCol), new Array(rows).fill(-1), `sparse ${rows}×${cols}`);
    t.equal(sparse.total, 0);
  }
  const allForbidden = maxWeightAssignment(Float64Array.from([Number.NaN, Number.NaN]), 1, 2);
  t.same(Array.from(allForbidden.rowToCol), [-1], 'everything forbidden');
  t.equal(allForbidden.total, 0);
});

t.test('inputs are not modified and answers repeat', async (t) => {
  const random = prng(5);
  for (let i = 0; i < 20; i++) {
    const rows = int(random, 1, 30);
    const cols = int(random, 1, 30);
    // Integer weights from a small range: many ties, which must still be broken the same way.
    const weights = new Float64Array(rows * cols);
    for (let k = 0; k < weights.length; k++)
      weights[k] = random() < 0.3 ? Number.NaN : int(random, 0, 3);
    const before = Float64Array.from(weights);
    const first = maxWeightAssignment(weights, rows, cols);
    const second = maxWeightAssignment(weights, rows, cols);
    t.same(Array.from(weights), Array.from(before), `instance ${i}: dense input untouched`);
    t.same(Array.from(second.rowToCol), Array.from(first.rowToCol), `instance ${i}: dense repeats`);

    const csr = toCsr(weights, rows, cols, true);
    const copies = [csr.rowStart.slice(), csr.colIndex.slice(), csr.weight.slice()];
    const a = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    const b = maxWeightAssignmentSparse(rows, cols, csr.rowStart, csr.colIndex, csr.weight);
    t.same(
      [csr.rowStart, csr.colIndex, csr.weight].map((x) => Array.from(x)),
      copies.map((x) => Array.from(x)),
      `instance ${i}: sparse input untouched`,
    );
    t.same(Array.from(b.rowToCol), Array.from(a.rowToCol), `instance ${i}: sparse repeats`);
  }
});

t.test('sparse: repeated candidates count with their best weight', async (t) => {
  // Row 0 lists column 0 three times; row 1 lists column 1 once with a forbidden NaN.
  const rowStart = Int32Array.from([0, 3, 5]);
  const colIndex = Int32Array.from([0, 0, 0, 1, 1]);
  const weight = Float64Array.from([1, 7, 3, Number.NaN, 2]);
  const { rowToCol, total } = maxWeightAssignmentSparse(2, 2, rowStart, colIndex, weight);
  t.same(Array.from(rowToCol), [0, 1]);
  t.equal(total, 9);

  const onlyNaN = maxWeightAssignmentSparse(
    1,
    1,
    Int32Array.from([0, 1]),
    Int32Array.from([0]),
    Float64Array.from([Number.NaN]),
  );
  t.same(Array.from(onlyNaN.rowToCol), [-1], 'a listed NaN pair is forbidden');
});

t.test('sparse: thousands of rows with tens of candidates', async (t) => {
  for (const [rows, cols, candidates] of [
    [3000, 3000, 20],
    [3000, 800, 20], // more rows than columns: solved transposed
    [800, 3000, 20],
  ] as const) {
    const random = prng(rows * 7 + cols);
    const rowStart = new Int32Array(rows + 1);
    const colIndex = new Int32Array(rows * candidates);
    const weight = new Float64Array(rows * candidates);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < candidates; k++) {
        colIndex[r * candidates + k] = int(random, 0, cols - 1);
        weight[r * candidates + k] = randomWeight(random, 'integer');
      }
      rowStart[r + 1] = (r + 1) * candidates;
    }
    const started = performance.now();
    const { rowToCol, total } = maxWeightAssignmentSparse(rows, cols, rowStart, colIndex, weight);
    const elapsed = performance.now() - started;
    // Validity against the best listed weight of each pair.
    const used = new Set<number>();
    let sum = 0;
    let problem: string | undefined;
    for (let r = 0; r < rows && !problem; r++) {
      const c = rowToCol[r] ?? -1;
      if (c < 0) continue;
      if (used.has(c)) problem = `column ${c} twice`;
      used.add(c);
      let best = Number.NEGATIVE_INFINITY;
      for (let e = rowStart[r] ?? 0; e < (rowStart[r + 1] ?? 0); e++)
        if (colIndex[e] === c) best = Math.max(best, weight[e] ?? Number.NaN);
      if (best === Number.NEGATIVE_INFINITY) problem = `row ${r} got unlisted column ${c}`;
      sum += best;
    }
    const label = `${rows} rows × ${candidates} of ${cols} columns`;
    t.equal(problem, undefined, `${label}: valid`);
    t.ok(close(total, sum), `${label}: total is the sum of the pairs`);
    t.ok(used.size >= Math.min(rows, cols) * 0.9, `${label}: ${used.size} pairs`);
    t.ok(elapsed < 10_000, `${label}: ${elapsed.toFixed(0)} ms`);
  }
});

t.test('invalid input is refused with a clear RangeError', async (t) => {
  const w = new Float64Array(6);
  t.throws(() => maxWeightAssignment(w, -1, 6), {
    name: 'RangeError',
    message: 'maxWeightAssignment: rows must be an integer from 0 to 1073741824, got -1',
  });
  t.throws(() => maxWeightAssignment(w, 2, 1.5), {
    name: 'RangeError',
    message: 'maxWeightAssignment: cols must be an integer from 0 to 1073741824, got 1.5',
  });
  t.throws(() => maxWeightAssignment(w, Number.NaN, 3), { name: 'RangeError' });
  t.throws(() => maxWeightAssignment(w, 2, 4), {
    name: 'RangeError',
    message: 'maxWeightAssignment: weights has length 6, expected rows * cols = 8',
  });
  t.throws(() => maxWeightAssignment(Float64Array.from([1, Number.POSITIVE_INFINITY]), 1, 2), {
    name: 'RangeError',
    message:
      'maxWeightAssignment: weights[1] is +Infinity; use a finite weight, or NaN or -Infinity to forbid the pair',
  });
  t.throws(() => maxWeightAssignment([1, 2] as unknown as Float64Array, 1, 2), {
    name: 'TypeError',
    message: 'maxWeightAssignment: weights must be a Float64Array',
  });

  const ok: { rowStart: Int32Array; colIndex: Int32Array; weight: Float64Array } = {
    rowStart: Int32Array.from([0, 1, 2]),
    colIndex: Int32Array.from([0, 1]),
    weight: Float64Array.from([1, 2]),
  };
  const sparse = (rows: number, cols: number, changes: Partial<typeof ok>): (() => unknown) => {
    const input = { ...ok, ...changes };
    return () =>
      maxWeightAssignmentSparse(rows, cols, input.rowStart, input.colIndex, input.weight);
  };
  t.doesNotThrow(sparse(2, 2, {}), 'the valid base case');
  t.throws(sparse(-2, 2, {}), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: rows must be an integer from 0 to 1073741824, got -2',
  });
  t.throws(sparse(3, 2, {}), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: rowStart has length 3, expected rows + 1 = 4',
  });
  t.throws(sparse(2, 2, { weight: Float64Array.from([1]) }), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: weight has length 1, expected colIndex.length = 2',
  });
  t.throws(sparse(2, 2, { rowStart: Int32Array.from([1, 1, 2]) }), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: rowStart[0] must be 0, got 1',
  });
  t.throws(sparse(2, 2, { rowStart: Int32Array.from([0, 2, 1]) }), {
    name: 'RangeError',
    message:
      'maxWeightAssignmentSparse: rowStart must not decrease, but rowStart[2] = 1 < rowStart[1] = 2',
  });
  t.throws(sparse(2, 2, { rowStart: Int32Array.from([0, 1, 1]) }), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: rowStart[2] must equal colIndex.length = 2, got 1',
  });
  t.throws(sparse(2, 2, { colIndex: Int32Array.from([0, 2]) }), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: colIndex[1] is 2, outside 0 .. cols - 1 = 1',
  });
  t.throws(sparse(2, 2, { colIndex: Int32Array.from([-1, 0]) }), {
    name: 'RangeError',
    message: 'maxWeightAssignmentSparse: colIndex[0] is -1, outside 0 .. cols - 1 = 1',
  });
  t.throws(sparse(2, 2, { weight: Float64Array.from([Number.POSITIVE_INFINITY, 2]) }), {
    name: 'RangeError',
    message:
      'maxWeightAssignmentSparse: weight[0] is +Infinity; use a finite weight, or NaN or -Infinity to forbid the pair',
  });
  t.throws(sparse(2, 2, { colIndex: [0, 1] as unknown as Int32Array }), {
    name: 'TypeError',
    message: 'maxWeightAssignmentSparse: colIndex must be an Int32Array',
  });
});
