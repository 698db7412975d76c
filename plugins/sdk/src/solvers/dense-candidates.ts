import { solveSparseComplete, type WarmStart } from './sparse-complete.js';

/**
 * The best complete assignment of a square `n × n` profit matrix, found on a sparse subset of
 * its pairs and proven optimal on all of them; undefined when this route gives up (the caller
 * then uses the dense solver, which also decides whether a complete assignment exists).
 *
 * An optimal assignment rarely uses a pair that is much worse for its row than the row's best,
 * measured against the column minima: with `v(j)` the smallest cost (`-profit`) of column j and
 * u(i) the smallest `cost - v` of row i, the candidates of row i are its pairs within `delta` of
 * u(i). The scalar sparse solver finds the best assignment among the candidates together with
 * column duals `v`; it is optimal on the whole matrix exactly when no pair of any row has a
 * smaller `cost - v` than the row's own pair (the duals are then feasible for every pair, and
 * complementary slackness holds). The rows where that fails are freed and given, besides their
 * candidates, their pairs within twice the width around the new duals, and the solver resumes
 * from the rest of the assignment; a round or two settle it. Each round reads the matrix once, row by row in memory order, while
 * the searches work on tens of candidates per row instead of all n columns: a square matrix of
 * a few thousand rows is solved several times faster than by dense searches.
 *
 * Candidate lists with more than {@link MAX_CANDIDATES} pairs per row on average (scores so
 * tied that most pairs are near every row's best) are not worth it: then, and when the
 * candidates admit no complete assignment even at the wider width, the answer is undefined.
 */
export function solveByCandidates(n: number, profit: Float64Array): Int32Array | undefined {
  const v = columnMinima(n, profit);
  if (!v) return undefined;
  // A narrow width first, a wider one when the narrow candidates admit no complete assignment.
  for (const { delta, perRow } of chooseWidths(n, profit, v)) {
    if (perRow > MAX_CANDIDATES) return undefined;
    const lists = initialCandidates(n, profit, v, delta, perRow);
    if (!lists) return undefined;
    const outcome = solveAndVerify(n, profit, lists, delta);
    if (outcome !== 'infeasible') return outcome;
  }
  return undefined;
}

/** On average at most this many candidates per row; beyond that the dense solver is used. */
const MAX_CANDIDATES = 256;
/**
 * The narrow width aims at about this many candidates per row (at most an eighth of the row),
 * the wide one at 4 times as many.
 */
const TARGET_CANDIDATES = 96;
/** Rounds of solving and verifying before giving up. */
const MAX_ROUNDS = 6;

/**
 * Solves on the candidates, then frees the rows the full matrix shows to be wrong and resumes,
 * until none is. 'infeasible' when the candidates admit no complete assignment, undefined
 * after {@link MAX_ROUNDS} rounds.
 */
function solveAndVerify(
  n: number,
  profit: Float64Array,
  initial: Candidates,
  delta: number,
): Int32Array | 'infeasible' | undefined {
  let lists = initial;
  let warm: WarmStart | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const solution = solveSparseComplete(n, n, lists.start, lists.target, lists.cost, warm);
    if (!solution) return 'infeasible';
    const colOfRow = new Int32Array(n);
    for (let i = 0; i < n; i++)
      colOfRow[i] = lists.target[solution.entryOfRow[i] as number] as number;
    const wrong = violatedRows(n, profit, solution.v, colOfRow);
    if (wrong.length === 0) return colOfRow;
    // The wrong rows start again, free, with their candidates and those within twice the width
    // of their best at the new duals (keeping the old ones keeps a complete assignment possible).
    const next = new Candidates(n, lists.size + wrong.length * 64);
    let w = 0;
    for (let i = 0; i < n; i++) {
      next.copyRow(lists, i, false);
      if (wrong[w] === i) {
        w++;
        colOfRow[i] = -1;
        if (!next.addPairs(i, profit, solution.v, 2 * delta)) return undefined;
      }
      next.endRow();
    }
    lists = next;
    warm = { v: solution.v, colOfRow };
  }
  return undefined;
}

/**
 * The rows, in order, that have a pair with a smaller `cost - v` than their own: the pairs the
 * candidates missed. The same floating-point expression as the sparse solver's reduced costs;
 * a shortfall within {@link ROUNDING} of the row's value is rounding (the searches add and
 * subtract duals), not a better pair, and freeing the row would only find the same answer.
 */
function violatedRows(
  n: number,
  profit: Float64Array,
  v: Float64Array,
  colOfRow: Int32Array,
): number[] {
  const wrong: number[] = [];
  for (let i = 0; i < n; i++) {
    const base = i * n;
    const own = colOfRow[i] as number;
    const u = -(profit[base + own] as number) - (v[own] as number);
    const floor = u - ROUNDING * (Math.abs(u) + 1);
    for (let j = 0; j < n; j++) {
      if (-(profit[base + j] as number) - (v[j] as number) < floor) {
        wrong.push(i);
        break;
      }
    }
  }
  return wrong;
}

/**
 * Relative size of the rounding tolerated when checking the duals: far above the few units in
 * the last place that sums of duals drift by, far below any difference between scores (with
 * integer scores nothing is rounded at all).
 */
const ROUNDING = 1e-12;

/** The smallest cost (`-profit`) of each column; undefined when a column has no allowed pair. */
function columnMinima(n: number, profit: Float64Array): Float64Array | undefined {
  const v = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const c = -(profit[base + j] as number);
      if (c < (v[j] as number)) v[j] = c;
    }
  }
  return v.includes(Number.POSITIVE_INFINITY) ? undefined : v;
}

/** A width for the candidates and the number of pairs per row it is expected to take. */
interface Width {
  readonly delta: number;
  readonly perRow: number;
}

/**
 * Two widths for the candidates: the median, over up to 32 rows spread over the matrix, of how
 * far a row's {@link TARGET_CANDIDATES}-th best pair (or n/8-th, if fewer) is from its best
 * (both as `cost - v`), and the same for the pair 4 times further down; each with the average number of pairs those rows
 * have within it (ties included), to size the lists.
 */
function chooseWidths(n: number, profit: Float64Array, v: Float64Array): Width[] {
  const samples = Math.min(n, 32);
  const sorted: Float64Array[] = [];
  const row = new Float64Array(n);
  for (let k = 0; k < samples; k++) {
    const base = Math.floor((k * n) / samples) * n;
    let allowed = 0;
    for (let j = 0; j < n; j++) {
      const h = -(profit[base + j] as number) - (v[j] as number);
      if (h < Number.POSITIVE_INFINITY) row[allowed++] = h;
    }
    if (allowed > 0) sorted.push(row.slice(0, allowed).sort());
  }
  const narrow = Math.min(TARGET_CANDIDATES, Math.ceil(n / 8));
  return [narrow, 4 * narrow].map((rank) => {
    const gaps = sorted
      .map((r) => (r[Math.min(rank, r.length) - 1] as number) - (r[0] as number))
      .sort((a, b) => a - b);
    const delta = gaps[gaps.length >> 1] ?? 0;
    let within = 0;
    for (const r of sorted) within += countAtMost(r, (r[0] as number) + delta);
    return { delta, perRow: sorted.length > 0 ? within / sorted.length : 1 };
  });
}

/** How many values of the ascending `sorted` are at most `limit` (binary search). */
function countAtMost(sorted: Float64Array, limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every row's pairs within `delta` of its smallest `cost - v`. With `v` the column minima, every
 * column is listed at least by the row that gave its minimum (that pair's `cost - v` is 0, the
 * smallest possible). Undefined when a row has no allowed pair or the lists grow too long.
 */
function initialCandidates(
  n: number,
  profit: Float64Array,
  v: Float64Array,
  delta: number,
  perRow: number,
): Candidates | undefined {
  const lists = new Candidates(n, Math.ceil(n * perRow * 1.25) + 16);
  for (let i = 0; i < n; i++) {
    if (!lists.addPairs(i, profit, v, delta)) return undefined;
    lists.endRow();
  }
  return lists;
}

/** Candidate lists in CSR form, filled row by row, growing as needed. */
class Candidates {
  readonly start: Int32Array;
  target = new Int32Array(0);
  cost = new Float64Array(0);
  /** Entries so far. */
  size = 0;
  private rows = 0;
  /** The row each column was last appended for, so that a row lists a column once. */
  private readonly lastRow: Int32Array;

  constructor(
    private readonly n: number,
    capacity: number,
  ) {
    this.start = new Int32Array(n + 1);
    this.lastRow = new Int32Array(n).fill(-1);
    this.reserve(capacity);
  }

  /**
   * Appends to the current row (`i`) its pairs within `delta` of its smallest `cost - v` that it
   * does not list yet. False when the row has no allowed pair, or when the lists outgrow
   * {@link MAX_CANDIDATES} per row on average.
   */
  addPairs(i: number, profit: Float64Array, v: Float64Array, delta: number): boolean {
    const n = this.n;
    const base = i * n;
    let u = Number.POSITIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      const h = -(profit[base + j] as number) - (v[j] as number);
      if (h < u) u = h;
    }
    if (u === Number.POSITIVE_INFINITY) return false;
    const limit = u + delta;
    for (let j = 0; j < n; j++) {
      const c = -(profit[base + j] as number);
      if (!(c - (v[j] as number) <= limit) || this.lastRow[j] === this.rows) continue;
      if (this.size === this.target.length && this.size >= MAX_CANDIDATES * n) return false;
      this.push(j, c);
    }
    return true;
  }

  /** Appends a pair with column `j` and cost `c` to the current row. */
  private push(j: number, c: number): void {
    if (this.size === this.target.length) this.reserve(this.size * 2);
    this.target[this.size] = j;
    this.cost[this.size++] = c;
    this.lastRow[j] = this.rows;
  }

  /** Closes the current row. */
  endRow(): void {
    this.start[++this.rows] = this.size;
  }

  /** Appends row `i` of `from` to the current row, and closes it unless `open`. */
  copyRow(from: Candidates, i: number, close = true): void {
    const a = from.start[i] as number;
    const b = from.start[i + 1] as number;
    this.reserve(this.size + b - a);
    for (let e = a; e < b; e++) this.lastRow[from.target[e] as number] = this.rows;
    this.target.set(from.target.subarray(a, b), this.size);
    this.cost.set(from.cost.subarray(a, b), this.size);
    this.size += b - a;
    if (close) this.endRow();
  }

  /**
   * Room for at least `size` entries. Grows by half at least: the wrong rows of a round add
   * hundreds of pairs each, and growing by each copied row instead copied the lists once per row
   * after the first overflow.
   */
  private reserve(size: number): void {
    const length = this.target.length;
    if (size <= length) return;
    const capacity = Math.max(size, length + (length >> 1));
    const target = new Int32Array(capacity);
    const cost = new Float64Array(capacity);
    target.set(this.target);
    cost.set(this.cost);
    this.target = target;
    this.cost = cost;
  }
}
