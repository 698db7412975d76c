import t from 'tap';
import { maxWeightAssignment, maxWeightMatching } from '../src/solvers/index.js';
import { bruteForceMatching, int, prng, randomWeight } from './solvers-reference.js';

type Edge = readonly [number, number, number];

function solve(n: number, edges: readonly Edge[]) {
  return maxWeightMatching(
    n,
    Int32Array.from(edges.map((e) => e[0])),
    Int32Array.from(edges.map((e) => e[1])),
    Float64Array.from(edges.map((e) => e[2])),
  );
}

/** The heaviest allowed weight between each pair as a dense matrix (NaN = no edge). */
function adjacencyOf(n: number, edges: readonly Edge[]): Float64Array {
  const adjacency = new Float64Array(n * n).fill(Number.NaN);
  for (const [a, b, w] of edges) {
    if (a === b || !(w > Number.NEGATIVE_INFINITY)) continue;
    const current = adjacency[a * n + b] ?? Number.NaN;
    if (!Number.isNaN(current) && current >= w) continue;
    adjacency[a * n + b] = w;
    adjacency[b * n + a] = w;
  }
  return adjacency;
}

/**
 * What is wrong with a matching: an asymmetric mate, a pair without an edge, or a total that
 * is not the sum of the pairs' (best) weights; undefined when valid.
 */
function matchingProblem(
  n: number,
  adjacency: Float64Array,
  mate: Int32Array,
  total: number,
): string | undefined {
  if (mate.length !== n) return `mate has length ${mate.length}`;
  let sum = 0;
  for (let x = 0; x < n; x++) {
    const y = mate[x] ?? -1;
    if (y === -1) continue;
    if (y < 0 || y >= n || y === x) return `vertex ${x} has mate ${y}`;
    if (mate[y] !== x) return `${x} is paired with ${y}, but ${y} with ${mate[y]}`;
    const w = adjacency[x * n + y] ?? Number.NaN;
    if (Number.isNaN(w)) return `${x} and ${y} are paired without an edge`;
    if (x < y) sum += w;
  }
  if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(sum)))
    return `total ${total} but the pairs sum to ${sum}`;
  return undefined;
}

const pairsOf = (mate: Int32Array) => mate.reduce((n, y) => (y >= 0 ? n + 1 : n), 0) / 2;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A random graph, with the occasional parallel edge, self-loop and forbidden weight. */
function randomGraph(random: () => number, maxN: number): { n: number; edges: Edge[] } {
  const n = int(random, 0, maxN);
  const density = random();
  const kind = random() < 0.5 ? 'integer' : 'fraction';
  const edges: Edge[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (random() >= density) continue;
      const [x, y] = random() < 0.5 ? [a, b] : [b, a];
      edges.push([x, y, randomWeight(random, kind)]);
      if (random() < 0.1) edges.push([y, x, randomWeight(random, kind)]);
      if (random() < 0.05) edges.push([x, y, random() < 0.5 ? Number.NaN : -Infinity]);
    }
    if (random() < 0.1) edges.push([a, a, 1000]);
  }
  // A fixed shuffle, so that edges do not arrive sorted.
  for (let i = edges.length - 1; i > 0; i--) {
    const j = int(random, 0, i);
    const swap = edges[i] as Edge;
    edges[i] = edges[j] as Edge;
    edges[j] = swap;
  }
  return { n, edges };
}

t.test('as good as brute force on small random graphs', async (t) => {
  const random = prng(1986);
  for (let i = 0; i < 800; i++) {
    const { n, edges } = randomGraph(random, 10);
    const adjacency = adjacencyOf(n, edges);
    const best = bruteForceMatching(n, adjacency);
    const { mate, total } = solve(n, edges);
    const label = `graph ${i} (${n} vertices, ${edges.length} edges)`;
    t.equal(matchingProblem(n, adjacency, mate, total), undefined, `${label}: valid`);
    t.equal(pairsOf(mate), best.pairs, `${label}: most pairs`);
    t.ok(close(total, best.total), `${label}: total ${total}, best ${best.total}`);
  }
});

t.test('small integer weights: many ties and blossoms', async (t) => {
  const random = prng(2008);
  for (let i = 0; i < 800; i++) {
    const n = int(random, 3, 12);
    const density = 0.3 + random() * 0.7;
    const edges: Edge[] = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) if (random() < density) edges.push([a, b, int(random, 1, 3)]);
    const adjacency = adjacencyOf(n, edges);
    const best = bruteForceMatching(n, adjacency);
    const { mate, total } = solve(n, edges);
    const label = `graph ${i} (${n} vertices)`;
    t.equal(matchingProblem(n, adjacency, mate, total), undefined, `${label}: valid`);
    t.same([pairsOf(mate), total], [best.pairs, best.total], `${label}: optimal`);
  }
});

t.test('mostly equal weights, as in a lunch round: as good as brute force', async (t) => {
  // The search starts from pairs of the heaviest weight taken greedily; ties everywhere make
  // that start wrong often, and blossoms common.
  const random = prng(2126);
  for (let i = 0; i < 600; i++) {
    const n = int(random, 2, 14);
    const density = 0.15 + random() * 0.85;
    const edges: Edge[] = [];
    for (let a = 0; a < n; a++)
      for (let b = a + 1; b < n; b++) {
        if (random() >= density) continue;
        const odd = random();
        edges.push([a, b, odd < 0.8 ? 100 : odd < 0.9 ? 40 : odd < 0.95 ? 1 : -1401]);
      }
    const adjacency = adjacencyOf(n, edges);
    const best = bruteForceMatching(n, adjacency);
    const { mate, total } = solve(n, edges);
    const label = `graph ${i} (${n} vertices, ${edges.length} edges)`;
    t.equal(matchingProblem(n, adjacency, mate, total), undefined, `${label}: valid`);
    t.same([pairsOf(mate), total], [best.pairs, best.total], `${label}: optimal`);
  }
});

t.test('a first pairing of equal weights that blocks more pairs is undone', async (t) => {
  // 0's first neighbour is 2: taken first, 0 - 2 would leave 1 and 3 alone.
  const path = solve(4, [
    [0, 2, 5],
    [0, 1, 5],
    [2, 3, 5],
  ]);
  t.same(Array.from(path.mate), [1, 0, 3, 2]);
  // A triangle with a pendant at each corner: 0 - 1 first leaves 3 and 4 single; only the
  // pendant edges pair everyone.
  const triangle = solve(6, [
    [0, 1, 5],
    [1, 2, 5],
    [2, 0, 5],
    [0, 3, 5],
    [1, 4, 5],
    [2, 5, 5],
  ]);
  t.same(Array.from(triangle.mate), [3, 4, 5, 0, 1, 2]);
  // Heaviest first only: with 0 - 2 heavier, the greedy start keeps it; two pairs still win.
  const heavier = solve(4, [
    [0, 2, 9],
    [0, 1, 5],
    [2, 3, 5],
  ]);
  t.same([Array.from(heavier.mate), heavier.total], [[1, 0, 3, 2], 10]);
});

t.test('large rounds of equal weights pair everyone a perfect matching allows', async (t) => {
  // People each propose 30 others, all worth the same or less; a hidden perfect matching of
  // the best weight makes the optimum known: everyone paired, every pair at the top weight.
  for (const [n, seed] of [
    [2000, 1],
    [6000, 2],
  ] as const) {
    const random = prng(seed);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = int(random, 0, i);
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const edges: Edge[] = [];
    for (let i = 0; i < n; i += 2) edges.push([order[i] ?? 0, order[i + 1] ?? 0, 100]);
    for (let a = 0; a < n; a++)
      for (let k = 0; k < 30; k++)
        edges.push([a, int(random, 0, n - 1), random() < 0.9 ? 100 : 40]);
    const { mate, total } = solve(n, edges);
    t.equal(matchingProblem(n, adjacencyOf(n, edges), mate, total), undefined, `${n}: valid`);
    t.same([pairsOf(mate), total], [n / 2, (n / 2) * 100], `${n}: everyone, at 100 each`);
  }
});

t.test('on bipartite graphs it agrees with the assignment solver', async (t) => {
  const random = prng(314);
  for (let i = 0; i < 30; i++) {
    const rows = int(random, 5, 60);
    const cols = int(random, 5, 60);
    const weights = new Float64Array(rows * cols);
    const edges: Edge[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const w = random() < 0.8 ? Number.NaN : randomWeight(random, 'fraction');
        weights[r * cols + c] = w;
        if (!Number.isNaN(w)) edges.push([r, rows + c, w]);
      }
    }
    const assignment = maxWeightAssignment(weights, rows, cols);
    const matching = solve(rows + cols, edges);
    const assigned = assignment.rowToCol.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);
    const label = `instance ${i} (${rows}×${cols})`;
    t.equal(pairsOf(matching.mate), assigned, `${label}: same pairs`);
    t.ok(close(matching.total, assignment.total), `${label}: same total`);
  }
});

t.test('on complete bipartite graphs with ties it agrees with the assignment solver', async (t) => {
  const random = prng(1729);
  for (let i = 0; i < 12; i++) {
    const rows = int(random, 20, 70);
    const cols = int(random, 20, 70);
    const weights = new Float64Array(rows * cols);
    const edges: Edge[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const w = i % 2 === 0 ? int(random, 0, 10) * 10 : randomWeight(random, 'fraction');
        weights[r * cols + c] = w;
        edges.push([r, rows + c, w]);
      }
    }
    const assignment = maxWeightAssignment(weights, rows, cols);
    const matching = solve(rows + cols, edges);
    const label = `instance ${i} (${rows}×${cols})`;
    t.equal(pairsOf(matching.mate), Math.min(rows, cols), `${label}: same pairs`);
    t.ok(close(matching.total, assignment.total), `${label}: same total`);
  }
});

t.test('larger sparse bipartite graphs agree with the assignment solver', async (t) => {
  // Hundreds of augmentations, most of them while other alternating trees are still growing:
  // the trees that survive an augmentation must be repaired, not rebuilt.
  const random = prng(4242);
  for (let i = 0; i < 16; i++) {
    const rows = int(random, 80, 250);
    const cols = int(random, 80, 250);
    const degree = int(random, 1, 6);
    const weights = new Float64Array(rows * cols).fill(Number.NaN);
    const edges: Edge[] = [];
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < degree; k++) {
        const c = int(random, 0, cols - 1);
        const w = i % 2 === 0 ? int(random, -2, 4) : randomWeight(random, 'fraction');
        const current = weights[r * cols + c] ?? Number.NaN;
        if (Number.isNaN(current) || w > current) weights[r * cols + c] = w;
        edges.push([r, rows + c, w]);
      }
    }
    const assignment = maxWeightAssignment(weights, rows, cols);
    const matching = solve(rows + cols, edges);
    const assigned = assignment.rowToCol.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);
    const label = `instance ${i} (${rows}×${cols}, ${degree} per row)`;
    t.equal(pairsOf(matching.mate), assigned, `${label}: same pairs`);
    t.ok(close(matching.total, assignment.total), `${label}: same total`);
  }
});

t.test('the most pairs come first, then the weight', async (t) => {
  // A path 0 - 1 - 2 - 3: plain maximum weight takes the middle edge alone.
  const path = solve(4, [
    [0, 1, 1],
    [1, 2, 10],
    [2, 3, 1],
  ]);
  t.same(Array.from(path.mate), [1, 0, 3, 2]);
  t.equal(path.total, 2);

  // Negative weights are used when they add a pair.
  const negative = solve(4, [
    [0, 1, 5],
    [1, 2, -1],
    [0, 3, -7],
  ]);
  t.same(Array.from(negative.mate), [3, 2, 1, 0]);
  t.equal(negative.total, -8);
});

t.test('odd cycles and blossoms', async (t) => {
  // A triangle with a pendant vertex: the pendant edge must be used for two pairs.
  const triangle = solve(4, [
    [0, 1, 5],
    [1, 2, 5],
    [2, 0, 5],
    [2, 3, 1],
  ]);
  t.same(Array.from(triangle.mate), [1, 0, 3, 2]);
  t.equal(triangle.total, 6);

  // A 5-cycle with a pendant at each of two vertices: the augmenting path crosses the blossom.
  const pentagon = solve(7, [
    [0, 1, 3],
    [1, 2, 3],
    [2, 3, 3],
    [3, 4, 3],
    [4, 0, 3],
    [0, 5, 1],
    [2, 6, 1],
  ]);
  t.equal(pairsOf(pentagon.mate), 3);
  t.equal(pentagon.total, 7);

  // The test graphs of mwmatching.py (vertex 0 unused), each built to reach a particular path
  // through the blossom code: S-blossoms, T-blossoms, nesting, relabeling and expansion. Their
  // optimal matchings are perfect on 1 .. n-1, so the maximum-cardinality answer is the same.
  const cases: [string, Edge[], number[]][] = [
    ['single edge', [[0, 1, 1]], [1, 0]],
    [
      'path, middle edge',
      [
        [1, 2, 10],
        [2, 3, 11],
      ],
      [-1, -1, 3, 2],
    ],
    [
      'maximum cardinality',
      [
        [1, 2, 5],
        [2, 3, 11],
        [3, 4, 5],
      ],
      [-1, 2, 1, 4, 3],
    ],
    [
      'fractional weights',
      [
        [1, 2, Math.PI],
        [2, 3, Math.E],
        [1, 3, 3],
        [1, 4, Math.SQRT2],
      ],
      [-1, 4, 3, 2, 1],
    ],
    [
      'negative weights',
      [
        [1, 2, 2],
        [1, 3, -2],
        [2, 3, 1],
        [2, 4, -1],
        [3, 4, -6],
      ],
      [-1, 3, 4, 1, 2],
    ],
    [
      'S-blossom used for augmentation',
      [
        [1, 2, 8],
        [1, 3, 9],
        [2, 3, 10],
        [3, 4, 7],
        [1, 6, 5],
        [4, 5, 6],
      ],
      [-1, 6, 3, 2, 5, 4, 1],
    ],
    [
      'S-blossom relabeled as T-blossom',
      [
        [1, 2, 9],
        [1, 3, 8],
        [2, 3, 10],
        [1, 4, 5],
        [4, 5, 4],
        [1, 6, 3],
      ],
      [-1, 6, 3, 2, 5, 4, 1],
    ],
    [
      'T-blossom, other augmenting path',
      [
        [1, 2, 9],
        [1, 3, 8],
        [2, 3, 10],
        [1, 4, 5],
        [4, 5, 3],
        [3, 6, 4],
      ],
      [-1, 2, 1, 6, 5, 4, 3],
    ],
    [
      'nested S-blossom',
      [
        [1, 2, 9],
        [1, 3, 9],
        [2, 3, 10],
        [2, 4, 8],
        [3, 5, 8],
        [4, 5, 10],
        [5, 6, 6],
      ],
      [-1, 3, 4, 1, 2, 6, 5],
    ],
    [
      'S-blossom relabeled as S, nested',
      [
        [1, 2, 10],
        [1, 7, 10],
        [2, 3, 12],
        [3, 4, 20],
        [3, 5, 20],
        [4, 5, 25],
        [5, 6, 10],
        [6, 7, 10],
        [7, 8, 8],
      ],
      [-1, 2, 1, 4, 3, 6, 5, 8, 7],
    ],
    [
      'nested S-blossom, augment, expand recursively',
      [
        [1, 2, 8],
        [1, 3, 8],
        [2, 3, 10],
        [2, 4, 12],
        [3, 5, 12],
        [4, 5, 14],
        [4, 6, 12],
        [5, 7, 12],
        [6, 7, 14],
        [7, 8, 12],
      ],
      [-1, 2, 1, 5, 6, 3, 4, 8, 7],
    ],
    [
      'S-blossom relabeled as T, expanded',
      [
        [1, 2, 23],
        [1, 5, 22],
        [1, 6, 15],
        [2, 3, 25],
        [3, 4, 22],
        [4, 5, 25],
        [4, 8, 14],
        [5, 7, 13],
      ],
      [-1, 6, 3, 2, 8, 7, 1, 5, 4],
    ],
    [
      'nested S-blossom relabeled as T, expanded',
      [
        [1, 2, 19],
        [1, 3, 20],
        [1, 8, 8],
        [2, 3, 25],
        [2, 4, 18],
        [3, 5, 18],
        [4, 5, 13],
        [4, 7, 7],
        [5, 6, 7],
      ],
      [-1, 8, 3, 2, 7, 6, 5, 4, 1],
    ],
    [
      'blossom relabeled as T in more than one way, expanded',
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 35],
        [5, 7, 26],
        [9, 10, 5],
      ],
      [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
    ],
    [
      'the same, slightly different',
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 26],
        [5, 7, 40],
        [9, 10, 5],
      ],
      [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
    ],
    [
      'T-blossom expanded into a new least-slack edge',
      [
        [1, 2, 45],
        [1, 5, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 50],
        [1, 6, 30],
        [3, 9, 35],
        [4, 8, 28],
        [5, 7, 26],
        [9, 10, 5],
      ],
      [-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9],
    ],
    [
      'nested blossom on an augmenting path after expansion',
      [
        [1, 2, 45],
        [1, 7, 45],
        [2, 3, 50],
        [3, 4, 45],
        [4, 5, 95],
        [4, 6, 94],
        [5, 6, 94],
        [6, 7, 50],
        [1, 8, 30],
        [3, 11, 35],
        [5, 9, 36],
        [7, 10, 26],
        [11, 12, 5],
      ],
      [-1, 8, 3, 2, 6, 9, 4, 10, 1, 5, 7, 12, 11],
    ],
    [
      'nested S-blossom relabeled as S, expanded recursively',
      [
        [1, 2, 40],
        [1, 3, 40],
        [2, 3, 60],
        [2, 4, 55],
        [3, 5, 55],
        [4, 5, 50],
        [1, 8, 15],
        [5, 7, 30],
        [7, 6, 10],
        [8, 10, 10],
        [4, 9, 30],
      ],
      [-1, 2, 1, 5, 9, 3, 7, 6, 10, 4, 8],
    ],
  ];
  for (const [name, edges, mate] of cases) {
    const n = mate.length;
    const result = solve(n, edges);
    t.same(Array.from(result.mate), mate, name);
    const best = bruteForceMatching(n, adjacencyOf(n, edges));
    t.ok(close(result.total, best.total), `${name}: total ${result.total}`);
  }
});

t.test('empty graphs, isolated vertices, parallel edges and self-loops', async (t) => {
  const empty = solve(0, []);
  t.same(Array.from(empty.mate), []);
  t.equal(empty.total, 0);

  const noEdges = solve(3, []);
  t.same(Array.from(noEdges.mate), [-1, -1, -1]);
  t.equal(noEdges.total, 0);

  const isolated = solve(5, [[1, 3, 2]]);
  t.same(Array.from(isolated.mate), [-1, 3, -1, 1, -1]);
  t.equal(isolated.total, 2);

  const parallel = solve(2, [
    [0, 1, 2],
    [1, 0, 9],
    [0, 1, 4],
  ]);
  t.same(Array.from(parallel.mate), [1, 0]);
  t.equal(parallel.total, 9, 'the heaviest parallel edge counts');

  const loops = solve(3, [
    [0, 0, 100],
    [2, 2, 100],
    [0, 1, 1],
  ]);
  t.same(Array.from(loops.mate), [1, 0, -1], 'self-loops are ignored');
  t.equal(loops.total, 1);

  const forbidden = solve(3, [
    [0, 1, Number.NaN],
    [1, 2, Number.NEGATIVE_INFINITY],
    [0, 2, -3],
  ]);
  t.same(Array.from(forbidden.mate), [2, -1, 0], 'NaN and -Infinity edges are absent');
  t.equal(forbidden.total, -3);

  const onlyForbidden = solve(2, [[0, 1, Number.NaN]]);
  t.same(Array.from(onlyForbidden.mate), [-1, -1]);
});

t.test('inputs are not modified and answers repeat', async (t) => {
  const random = prng(99);
  for (let i = 0; i < 20; i++) {
    const n = int(random, 2, 40);
    const m = int(random, 0, 200);
    const u = new Int32Array(m);
    const v = new Int32Array(m);
    const w = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      u[k] = int(random, 0, n - 1);
      v[k] = int(random, 0, n - 1);
      w[k] = int(random, 0, 2); // many ties
    }
    const copies = [u.slice(), v.slice(), w.slice()];
    const first = maxWeightMatching(n, u, v, w);
    const second = maxWeightMatching(n, u, v, w);
    t.same(
      [u, v, w].map((x) => Array.from(x)),
      copies.map((x) => Array.from(x)),
      `graph ${i}: input untouched`,
    );
    t.same(Array.from(second.mate), Array.from(first.mate), `graph ${i}: answer repeats`);
  }
});

t.test('larger graphs finish and stay valid', async (t) => {
  const random = prng(500);
  const n = 500;
  const edges: Edge[] = [];
  for (let k = 0; k < 4000; k++)
    edges.push([int(random, 0, n - 1), int(random, 0, n - 1), int(random, 0, 100)]);
  const started = performance.now();
  const { mate, total } = solve(n, edges);
  const elapsed = performance.now() - started;
  t.equal(matchingProblem(n, adjacencyOf(n, edges), mate, total), undefined, 'valid');
  t.ok(pairsOf(mate) >= 240, `${pairsOf(mate)} pairs`);
  t.ok(elapsed < 10_000, `${elapsed.toFixed(0)} ms`);
});

t.test('invalid input is refused with a clear RangeError', async (t) => {
  const u = Int32Array.from([0, 1]);
  const v = Int32Array.from([1, 2]);
  const w = Float64Array.from([1, 2]);
  t.throws(() => maxWeightMatching(-1, u, v, w), {
    name: 'RangeError',
    message: 'maxWeightMatching: n must be an integer from 0 to 1073741824, got -1',
  });
  t.throws(() => maxWeightMatching(2.5, u, v, w), { name: 'RangeError' });
  t.throws(() => maxWeightMatching(3, u, Int32Array.from([1]), w), {
    name: 'RangeError',
    message: 'maxWeightMatching: v has length 1, expected u.length = 2',
  });
  t.throws(() => maxWeightMatching(3, u, v, Float64Array.from([1, 2, 3])), {
    name: 'RangeError',
    message: 'maxWeightMatching: w has length 3, expected u.length = 2',
  });
  t.throws(() => maxWeightMatching(2, u, v, w), {
    name: 'RangeError',
    message: 'maxWeightMatching: v[1] is 2, outside 0 .. n - 1 = 1',
  });
  t.throws(() => maxWeightMatching(3, Int32Array.from([0, -1]), v, w), {
    name: 'RangeError',
    message: 'maxWeightMatching: u[1] is -1, outside 0 .. n - 1 = 2',
  });
  t.throws(() => maxWeightMatching(3, u, v, Float64Array.from([1, Number.POSITIVE_INFINITY])), {
    name: 'RangeError',
    message:
      'maxWeightMatching: w[1] is +Infinity; use a finite weight, or NaN or -Infinity to forbid the pair',
  });
  t.throws(() => maxWeightMatching(0, new Int32Array(0), new Int32Array(0), w), {
    name: 'RangeError',
    message: 'maxWeightMatching: w has length 2, expected u.length = 0',
  });
  t.throws(() => maxWeightMatching(3, [0] as unknown as Int32Array, v, w), {
    name: 'TypeError',
    message: 'maxWeightMatching: u must be an Int32Array',
  });
});
