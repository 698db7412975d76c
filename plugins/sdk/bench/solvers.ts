/**
 * Timings of the exact matching solvers of `@tandem/plugin-sdk/solvers` at the sizes of the
 * matching issue, on seeded random scores and on "realistic" ones (integer scores 0–100 from a
 * few criteria, people in clusters, so many ties). Prints one line per case and asserts nothing.
 *
 *   pnpm bench             every case
 *   pnpm bench matching    every case too (all cases are matching solvers)
 *   pnpm bench sparse      only the cases whose label contains "sparse" (case-insensitive)
 *
 * Each case runs to warm up (once, or while the runs take under 300 ms in all, at most 10 times,
 * so that a case of a few milliseconds is timed on optimised code too: its first runs take
 * several times as long while V8 is still compiling), then `repeat` more times (once if the first
 * run took over 20 s); the median is printed with the pairs and total of the answer and the target of the issue,
 * where there is one. The 10,000-row sparse cases also print the peak memory of solving once in
 * a fresh child process (`--memory`). Instances come from fixed seeds, so runs differ only by
 * machine and load.
 *
 * Every dense and sparse case is also solved by scipy (scipy-reference.py: linear_sum_assignment
 * and min_weight_full_bipartite_matching, maximising) on the same instance, written to a
 * temporary file, with as many timed runs; the line shows scipy's median, the ratio Tandem /
 * scipy, and whether the pairs and totals agree (a mismatch is printed loudly). Debian's
 * /usr/bin/python3 (python3-scipy) is used when it imports scipy, else `python3` on the PATH;
 * without scipy the ratios are skipped and the header says so. Forbidden pairs are -inf for
 * linear_sum_assignment and absent entries for the sparse one; instances are built so that the
 * shorter side can be assigned completely, which scipy requires.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

type Scores = 'random' | 'realistic';

/**
 * People for realistic scores: each belongs to one of `clusters` groups and has five
 * categorical criteria (language, time zone, topic, seniority, goal), drawn from the group's
 * profile most of the time. The score of a pair is the weighted count of equal criteria
 * (weights 30, 25, 20, 15, 10): an integer from 0 to 100 taking few distinct values.
 */
class People {
  readonly cluster: Int32Array;
  private readonly criteria: Int32Array;
  private static readonly WEIGHTS = [30, 25, 20, 15, 10] as const;
  private static readonly VALUES = [3, 5, 8, 4, 6] as const;

  constructor(count: number, clusters: number, random: () => number) {
    const profile = new Int32Array(clusters * 5);
    for (let g = 0; g < clusters; g++)
      for (let c = 0; c < 5; c++)
        profile[g * 5 + c] = Math.floor(random() * (People.VALUES[c] ?? 1));
    this.cluster = new Int32Array(count);
    this.criteria = new Int32Array(count * 5);
    for (let p = 0; p < count; p++) {
      const g = Math.floor(random() * clusters);
      this.cluster[p] = g;
      for (let c = 0; c < 5; c++)
        this.criteria[p * 5 + c] =
          random() < 0.7
            ? (profile[g * 5 + c] ?? 0)
            : Math.floor(random() * (People.VALUES[c] ?? 1));
    }
  }

  score(a: number, b: number): number {
    let s = 0;
    for (let c = 0; c < 5; c++)
      if (this.criteria[a * 5 + c] === this.criteria[b * 5 + c]) s += People.WEIGHTS[c] ?? 0;
    return s;
  }
}

/** A candidate of `p` among `count` people: from p's own cluster with probability 0.8. */
function candidate(
  people: People,
  byCluster: Int32Array[],
  p: number,
  count: number,
  random: () => number,
): number {
  if (random() < 0.8) {
    const own = byCluster[people.cluster[p] ?? 0] ?? new Int32Array(0);
    if (own.length > 0) return own[Math.floor(random() * own.length)] ?? 0;
  }
  return Math.floor(random() * count);
}

function clusterLists(people: People, clusters: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: clusters }, () => []);
  for (let p = 0; p < people.cluster.length; p++) lists[people.cluster[p] as number]?.push(p);
  return lists.map((l) => Int32Array.from(l));
}

/** The instance of a case as files for the scipy reference (scipy-reference.py). */
interface Reference {
  readonly kind: 'dense' | 'sparse';
  readonly rows: number;
  readonly cols: number;
  readonly files: Record<string, Float64Array | Int32Array>;
}

interface Case {
  readonly label: string;
  readonly target?: string;
  readonly repeat: number;
  /** Builds the instance and returns its solver, and the instance for scipy. */
  readonly build: () => { solve: () => { pairs: number; total: number }; reference?: Reference };
  /** Prints the peak memory of one solve in a child process. */
  readonly memory?: boolean;
}

const pairsOf = (rowToCol: Int32Array) => rowToCol.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);

/** " 10 % forbidden" for a label, or nothing. */
const forbiddenLabel = (share: number) => (share > 0 ? `, ${share * 100} % forbidden` : '');

function dense(
  rows: number,
  cols: number,
  scores: Scores,
  seed: number,
  forbidden = 0,
  target?: string,
): Case {
  return {
    label: `dense ${rows}×${cols}, ${scores}${forbiddenLabel(forbidden)}`,
    target,
    repeat: rows * cols >= 4e6 ? 3 : 5,
    build: () => {
      const random = prng(seed);
      const weights = new Float64Array(rows * cols);
      if (scores === 'random') {
        for (let i = 0; i < weights.length; i++) weights[i] = random() * 100;
      } else {
        // Mentees (rows) and mentors (columns) from one population of clusters.
        const people = new People(rows + cols, 12, random);
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < cols; c++) weights[r * cols + c] = people.score(r, rows + c);
      }
      // Forbidden pairs (NaN) at random: few enough that every row of the shorter side can
      // still be assigned, as scipy requires.
      if (forbidden > 0)
        for (let i = 0; i < weights.length; i++) if (random() < forbidden) weights[i] = Number.NaN;
      return {
        solve: () => {
          const { rowToCol, total } = maxWeightAssignment(weights, rows, cols);
          return { pairs: pairsOf(rowToCol), total };
        },
        reference: { kind: 'dense', rows, cols, files: { 'weights.f64': weights } },
      };
    },
  };
}

/**
 * Candidate lists: `candidates` distinct columns per row (scipy would add up repeated
 * entries), of which a share `forbidden` is listed with weight NaN.
 */
function sparseInstance(
  rows: number,
  cols: number,
  candidates: number,
  scores: Scores,
  seed: number,
  forbidden: number,
) {
  const random = prng(seed);
  const rowStart = new Int32Array(rows + 1);
  const colIndex = new Int32Array(rows * candidates);
  const weight = new Float64Array(rows * candidates);
  const people = scores === 'realistic' ? new People(rows + cols, 40, random) : undefined;
  const byCluster = people ? clusterLists(people, 40) : [];
  const listedBy = new Int32Array(cols).fill(-1);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < candidates; k++) {
      const e = r * candidates + k;
      let c = -1;
      // A candidate from the mentor side, mostly from the row's cluster, not listed yet.
      while (c < 0 || listedBy[c] === r) {
        c = people
          ? candidate(people, byCluster, r, rows + cols, random) - rows
          : Math.floor(random() * cols);
      }
      listedBy[c] = r;
      colIndex[e] = c;
      weight[e] = people ? people.score(r, rows + c) : random() * 100;
      if (random() < forbidden) weight[e] = Number.NaN;
    }
    rowStart[r + 1] = (r + 1) * candidates;
  }
  return { rowStart, colIndex, weight };
}

function sparse(
  rows: number,
  cols: number,
  candidates: number,
  scores: Scores,
  seed: number,
  forbidden = 0,
  target?: string,
): Case {
  return {
    label: `sparse ${rows}×${cols}, ${candidates} candidates, ${scores}${forbiddenLabel(forbidden)}`,
    target,
    repeat: 5,
    memory: rows >= 10_000,
    build: () => {
      const { rowStart, colIndex, weight } = sparseInstance(
        rows,
        cols,
        candidates,
        scores,
        seed,
        forbidden,
      );
      return {
        solve: () => {
          const { rowToCol, total } = maxWeightAssignmentSparse(
            rows,
            cols,
            rowStart,
            colIndex,
            weight,
          );
          return { pairs: pairsOf(rowToCol), total };
        },
        reference: {
          kind: 'sparse',
          rows,
          cols,
          files: { 'row_start.i32': rowStart, 'col_index.i32': colIndex, 'weight.f64': weight },
        },
      };
    },
  };
}

function peers(n: number, degree: number, scores: Scores, seed: number, target?: string): Case {
  return {
    label: `peer rounds ${n} people, ${degree} candidates, ${scores}`,
    target,
    repeat: 3,
    build: () => {
      const random = prng(seed);
      // Each person proposes `degree` others: about n · degree edges (a few parallel).
      const m = n * degree;
      const u = new Int32Array(m);
      const v = new Int32Array(m);
      const w = new Float64Array(m);
      const people = scores === 'realistic' ? new People(n, 30, random) : undefined;
      const byCluster = people ? clusterLists(people, 30) : [];
      for (let p = 0; p < n; p++) {
        for (let k = 0; k < degree; k++) {
          const i = p * degree + k;
          let q = p;
          while (q === p)
            q = people ? candidate(people, byCluster, p, n, random) : Math.floor(random() * n);
          u[i] = p;
          v[i] = q;
          w[i] = people ? people.score(p, q) : random() * 100;
        }
      }
      return {
        solve: () => {
          const { mate, total } = maxWeightMatching(n, u, v, w);
          return { pairs: pairsOf(mate) / 2, total };
        },
      };
    },
  };
}

// Dense and sparse cases: 1,000 to 4,000 rows, square and rectangular both ways, realistic
// and random scores, without and with forbidden pairs; each is compared with scipy.
const CASES: Case[] = [
  dense(1000, 1000, 'random', 1),
  dense(1000, 1000, 'realistic', 2),
  dense(1000, 1000, 'random', 13, 0.1),
  dense(1000, 1000, 'realistic', 14, 0.1),
  dense(2000, 2000, 'random', 3),
  dense(2000, 2000, 'realistic', 4),
  dense(2000, 2000, 'random', 15, 0.1),
  dense(2000, 2000, 'realistic', 16, 0.1),
  dense(4000, 4000, 'random', 5),
  dense(4000, 4000, 'realistic', 6),
  dense(2000, 4000, 'random', 7),
  dense(2000, 4000, 'realistic', 8),
  dense(4000, 2000, 'random', 17, 0.1),
  dense(4000, 2000, 'realistic', 18, 0.1),
  dense(2000, 4000, 'realistic', 19, 0.1),
  sparse(1000, 1000, 50, 'random', 20, 0.1),
  sparse(1000, 1000, 50, 'realistic', 21, 0.1),
  sparse(2000, 2000, 50, 'random', 22),
  sparse(2000, 2000, 50, 'realistic', 23),
  sparse(2000, 2000, 50, 'random', 24, 0.1),
  sparse(2000, 2000, 50, 'realistic', 25, 0.1),
  sparse(4000, 4000, 50, 'random', 26, 0.1),
  sparse(4000, 4000, 50, 'realistic', 27, 0.1),
  sparse(2000, 4000, 50, 'random', 28, 0.1),
  sparse(2000, 4000, 50, 'realistic', 29, 0.1),
  sparse(4000, 2000, 50, 'random', 30, 0.1),
  sparse(4000, 2000, 50, 'realistic', 31, 0.1),
  sparse(10_000, 10_000, 50, 'random', 9, 0, '≤ 1000 ms, < 100 MB'),
  sparse(10_000, 10_000, 50, 'realistic', 10, 0, '≤ 1000 ms, < 100 MB'),
  peers(10_000, 20, 'random', 11, '≤ 5000 ms'),
  peers(10_000, 20, 'realistic', 12, '≤ 5000 ms'),
];

const MB = 1024 * 1024;

/** Solves the case once in this (fresh) process and prints its memory as JSON. */
function measureMemory(label: string): void {
  const found = CASES.find((c) => c.label === label);
  if (!found) throw new Error(`no case ${label}`);
  const { solve } = found.build();
  const before = process.memoryUsage();
  solve();
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      inputRss: before.rss / MB,
      // maxRSS is in kilobytes: the peak resident set of the whole process.
      peakRss: process.resourceUsage().maxRSS / 1024,
      heapAndBuffers:
        (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB,
    }),
  );
}

function memoryLine(label: string): string {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--memory', label],
    { encoding: 'utf8' },
  );
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const m = JSON.parse(line) as { inputRss: number; peakRss: number; heapAndBuffers: number };
    return `    memory of one solve (fresh process): peak RSS ${m.peakRss.toFixed(0)} MB, of which ${m.inputRss.toFixed(0)} MB before solving (Node, tsx and the input); solver allocations ≈ ${m.heapAndBuffers.toFixed(0)} MB`;
  } catch {
    return `    memory: the child process failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`;
  }
}

const SCIPY_SCRIPT = fileURLToPath(new URL('./scipy-reference.py', import.meta.url));

/**
 * The Python that has scipy: Debian's /usr/bin/python3 (python3-scipy) first, else `python3`
 * on the PATH; undefined when neither imports scipy.
 */
function findScipy(): { python: string; version: string } | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const child = spawnSync(python, [SCIPY_SCRIPT, 'version'], { encoding: 'utf8' });
    if (child.status !== 0) continue;
    try {
      const { scipy, numpy } = JSON.parse(child.stdout) as { scipy: string; numpy: string };
      return { python, version: `scipy ${scipy}, numpy ${numpy}` };
    } catch {}
  }
  return undefined;
}

// Not looked for in the child that only measures memory.
const scipy = process.argv[2] === '--memory' ? undefined : findScipy();

interface ScipyAnswer {
  readonly ms?: number;
  readonly pairs?: number;
  readonly total?: number;
  readonly error?: string;
}

/** Writes the instance to a temporary directory and times scipy on it, as many runs as ours. */
function timeScipy(reference: Reference, repeat: number): ScipyAnswer | undefined {
  if (!scipy) return undefined;
  const directory = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  try {
    for (const [name, array] of Object.entries(reference.files))
      writeFileSync(
        join(directory, name),
        new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
      );
    const child = spawnSync(
      scipy.python,
      [
        SCIPY_SCRIPT,
        reference.kind,
        directory,
        String(reference.rows),
        String(reference.cols),
        String(repeat),
      ],
      { encoding: 'utf8' },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(line) as ScipyAnswer;
    } catch {
      return { error: child.stderr.trim().split('\n').slice(-2).join(' ') };
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const formatTotal = (total: number) => (Number.isInteger(total) ? String(total) : total.toFixed(3));

/** The scipy part of a case's line: its time and our ratio, or why there is none. */
function scipyColumns(
  ours: { pairs: number; total: number },
  median: number,
  answer?: ScipyAnswer,
): string {
  if (!answer) return 'scipy missing, no ratio';
  if (answer.error !== undefined || answer.ms === undefined) return `scipy failed: ${answer.error}`;
  const theirs = answer.total ?? Number.NaN;
  const same =
    answer.pairs === ours.pairs &&
    Math.abs(theirs - ours.total) <= 1e-9 * Math.max(1, Math.abs(ours.total));
  const check = same
    ? 'same total'
    : `!!! MISMATCH: scipy ${answer.pairs} pairs, total ${formatTotal(theirs)} !!!`;
  return `scipy ${answer.ms.toFixed(1).padStart(8)} ms  ratio ${(median / answer.ms).toFixed(2).padStart(5)}  ${check}`;
}

function run(c: Case): void {
  const { solve, reference } = c.build();
  const warmStarted = performance.now();
  solve();
  // A case slower than 20 s is timed once more instead of `repeat` times.
  const repeat = performance.now() - warmStarted > 20_000 ? 1 : c.repeat;
  for (let runs = 1; runs < 10 && performance.now() - warmStarted < 300; runs++) solve();
  const times: number[] = [];
  let last = { pairs: 0, total: 0 };
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    last = solve();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const comparison = reference ? scipyColumns(last, median, timeScipy(reference, repeat)) : '';
  console.log(
    `${c.label.padEnd(58)} ${median.toFixed(1).padStart(9)} ms${repeat === 1 ? '*' : ' '} ${c.target ? `(target ${c.target})`.padEnd(30) : ''}pairs ${last.pairs}, total ${formatTotal(last.total)}  ${comparison}`,
  );
  if (c.memory) console.log(memoryLine(c.label));
}

const args = process.argv.slice(2);
if (args[0] === '--memory') {
  measureMemory(args[1] ?? '');
} else {
  // "matching" (or "solvers") names the whole benchmark; any other word filters the labels.
  const filter = (args[0] ?? '').toLowerCase();
  const all = filter === '' || filter === 'matching' || filter === 'solvers';
  const chosen = CASES.filter((c) => all || c.label.toLowerCase().includes(filter));
  if (chosen.length === 0) console.log(`No case matches "${filter}".`);
  console.log(`Solver benchmark: median of warm runs (Node ${process.version}).`);
  console.log(
    scipy
      ? `Reference: ${scipy.version} via ${scipy.python}, same instances, same number of runs, median; ratio = Tandem / scipy (≤ 1.00: Tandem as fast or faster).`
      : 'Reference: scipy not found (neither /usr/bin/python3 nor python3 imports it): no ratios.',
  );
  for (const c of chosen) run(c);
  console.log('(* timed once after the warm-up run, as that run took over 20 s)');
}
