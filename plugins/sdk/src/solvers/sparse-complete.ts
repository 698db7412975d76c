import { ColumnHeap } from './column-heap.js';
import { TightAugmenter, type TightState } from './tight-augment.js';

/** The answer of {@link solveSparseComplete}. */
export interface CompleteSolution {
  /** The entry each row is assigned through. */
  readonly entryOfRow: Int32Array;
  /** The column duals that prove it optimal (see {@link solveSparseComplete}). */
  readonly v: Float64Array;
}

/**
 * A warm start for a square problem: column duals and the column of each row (-1 for a free
 * row), such that every assigned row's column has the smallest `cost - v` among its entries.
 */
export interface WarmStart {
  readonly v: Float64Array;
  readonly colOfRow: Int32Array;
}

/**
 * The minimum-cost assignment in which every row of the inner problem of
 * `maxWeightAssignmentSparse` is assigned (`n <= m`, CSR lists `start`/`target` of the allowed
 * pairs with their `cost`): for each row, the number of the entry it is assigned through, and
 * the column duals; undefined when some row cannot be assigned. Jonker and Volgenant's method for
 * sparse problems (LAPJVsp), with scalar costs, plus augmentation along tight edges for ties:
 *
 * 1. Initialisation. Square: column reduction (each column's dual is its smallest cost, and it
 *    goes to that row if the row holds no column yet) and reduction transfer. Rectangular: all
 *    duals 0 and all rows free, since a column left free must keep the largest dual.
 * 2. Augmenting row reduction (an auction): a free row takes its cheapest entry, lowering that
 *    column's dual by the gap to its second cheapest; the row it displaces bids next.
 * 3. Augmentation along tight edges (see {@link TightAugmenter}).
 * 4. Phases: a Dijkstra search from all free rows at once to the nearest free column, at
 *    distance D; every column settled moves its dual by its distance below D (every free row
 *    gains D), then the path found and every other tight path are taken. When that column lies
 *    next to the part reachable along tight edges, the Hungarian method's dual step does the
 *    same without the search ({@link TightAugmenter.raise}): with integer scores nearly every
 *    phase is such a step. With integer scores a
 *    phase assigns many rows; once one assigns fewer than {@link PHASE_MIN_ROWS}, the remaining
 *    rows get one search each, which is cheaper when few share a distance (fractional scores).
 *
 * Column duals `v` keep every reduced cost `cost - u(row) - v(col)` non-negative, with
 * `u(row) = cost(row, its column) - v(its column)` implicit and zero reduced cost on assigned
 * pairs; free columns keep the largest dual in the rectangular case, so the assignment found is
 * the cheapest among those of all rows. Ties are broken by index, so equal inputs give equal
 * answers. With a `warm` start (square problems) steps 1 and 2 are skipped.
 */
export function solveSparseComplete(
  n: number,
  m: number,
  start: Int32Array,
  target: Int32Array,
  cost: Float64Array,
  warm?: WarmStart,
): CompleteSolution | undefined {
  const state = new CompleteAssignment(n, m, start, target, cost);
  if (warm) {
    state.resume(warm);
  } else {
    if (n === m ? !state.reduceColumns() : !state.freeAll()) return undefined;
    if (!state.reduceRows()) return undefined;
  }
  const tight = new TightAugmenter(n, m, start, target, cost);
  tight.run(state);
  const search = new Search(state);
  // Phases while they assign several rows each, then one search per row left.
  while (state.freeCount > 0) {
    // The cheap dual step first; a search when it would not lead to a free column (or when
    // rounding leaves the gap edges short of tight, so that nothing augments).
    if (tight.raise(state)) {
      const assigned = tight.run(state);
      if (assigned >= PHASE_MIN_ROWS) continue;
      if (assigned > 0) break;
    }
    const root = search.run(0, state.freeCount);
    if (root < 0) return undefined;
    state.removeFree(root);
    if (1 + tight.run(state) < PHASE_MIN_ROWS) break;
  }
  for (let f = 0; f < state.freeCount; f++) if (search.run(f, 1) < 0) return undefined;
  return { entryOfRow: state.entryOfRow, v: state.v };
}

/**
 * A phase that assigns fewer rows than this ends the phases: from then on one search per row,
 * from one row only, is cheaper than searches from all free rows at once.
 */
const PHASE_MIN_ROWS = 3;

/** The assignment and duals shared by the steps of {@link solveSparseComplete}. */
class CompleteAssignment implements TightState {
  /** The dual of each column. */
  readonly v: Float64Array;
  readonly rowOfCol: Int32Array;
  /** The entry each row is assigned through, or -1. */
  readonly entryOfRow: Int32Array;
  /** The free rows are `free[0 .. freeCount-1]`. */
  readonly free: Int32Array;
  freeCount = 0;

  constructor(
    readonly n: number,
    readonly m: number,
    readonly start: Int32Array,
    readonly target: Int32Array,
    readonly cost: Float64Array,
  ) {
    this.v = new Float64Array(m);
    this.rowOfCol = new Int32Array(m).fill(-1);
    this.entryOfRow = new Int32Array(n).fill(-1);
    this.free = new Int32Array(n);
  }

  /** Takes row `r` off the free list, keeping the order of the others. */
  removeFree(r: number): void {
    const { free } = this;
    const f = free.indexOf(r);
    free.copyWithin(f, f + 1, this.freeCount);
    this.freeCount--;
  }

  /** Starts from `warm`: its duals, and its rows' columns through their entries. */
  resume(warm: WarmStart): void {
    const { n, start, target, v, rowOfCol, entryOfRow, free } = this;
    v.set(warm.v);
    let freeCount = 0;
    for (let i = 0; i < n; i++) {
      const c = warm.colOfRow[i] as number;
      const to = start[i + 1] as number;
      let e = start[i] as number;
      if (c >= 0) while (e < to && target[e] !== c) e++;
      if (c < 0 || e === to) {
        free[freeCount++] = i;
        continue;
      }
      rowOfCol[c] = i;
      entryOfRow[i] = e;
    }
    this.freeCount = freeCount;
  }

  /** v(j) = the smallest cost of column j, through entry minEntry(j) of row minRow(j). */
  private columnMinima(minRow: Int32Array, minEntry: Int32Array): void {
    const { n, start, target, cost, v } = this;
    v.fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < n; i++) {
      const to = start[i + 1] as number;
      for (let e = start[i] as number; e < to; e++) {
        const j = target[e] as number;
        const c = cost[e] as number;
        if (c < (v[j] as number)) {
          v[j] = c;
          minRow[j] = i;
          minEntry[j] = e;
        }
      }
    }
  }

  /** Rectangular start: every row free, every dual 0. Always true. */
  freeAll(): boolean {
    for (let i = 0; i < this.n; i++) this.free[i] = i;
    this.freeCount = this.n;
    return true;
  }

  /**
   * Square start: column reduction and reduction transfer (LAPJV's initialisation). False when
   * a column is listed by no row, so that no complete assignment exists.
   */
  reduceColumns(): boolean {
    const minRow = new Int32Array(this.m).fill(-1);
    const minEntry = new Int32Array(this.m);
    this.columnMinima(minRow, minEntry);
    // A column no row lists: no complete assignment of a square problem.
    if (minRow.includes(-1)) return false;
    this.freeCount = this.transferReductions(this.assignColumns(minRow, minEntry));
    return true;
  }

  /**
   * Each column to its cheapest row, if that row holds none yet (the last such column); returns
   * how many columns each row was the cheapest of.
   */
  private assignColumns(minRow: Int32Array, minEntry: Int32Array): Int32Array {
    const { n, m, rowOfCol, entryOfRow } = this;
    const held = new Int32Array(n);
    for (let j = m - 1; j >= 0; j--) {
      const i = minRow[j] as number;
      const count = (held[i] as number) + 1;
      held[i] = count;
      if (count === 1) {
        rowOfCol[j] = i;
        entryOfRow[i] = minEntry[j] as number;
      }
    }
    return held;
  }

  /**
   * Reduction transfer: a row that was the cheapest of one column only passes its slack (the gap
   * to its next cheapest column) on to that column's dual. Lists the rows that hold no column as
   * free and returns their number.
   */
  private transferReductions(held: Int32Array): number {
    const { n, start, target, cost, v, entryOfRow, free } = this;
    let freeCount = 0;
    for (let i = 0; i < n; i++) {
      const count = held[i] as number;
      if (count === 0) free[freeCount++] = i;
      if (count !== 1) continue;
      const j1 = target[entryOfRow[i] as number] as number;
      let slack = Number.POSITIVE_INFINITY;
      const to = start[i + 1] as number;
      for (let e = start[i] as number; e < to; e++) {
        const j = target[e] as number;
        if (j === j1) continue;
        const h = (cost[e] as number) - (v[j] as number);
        if (h < slack) slack = h;
      }
      if (slack < Number.POSITIVE_INFINITY) v[j1] = (v[j1] as number) - slack;
    }
    return freeCount;
  }

  /**
   * Augmenting row reduction, two passes: a free row takes the entry of smallest reduced cost,
   * lowering its column's dual by the gap to the second smallest; the row it displaces bids next.
   * False when a row has no allowed entry at all.
   */
  reduceRows(): boolean {
    const { n, start, target, cost, v, rowOfCol, entryOfRow, free } = this;
    // Near-ties start long price wars; past a few bids per row the searches are cheaper.
    const bidLimit = BIDS_PER_ROW * n + 64;
    let bids = 0;
    let freeCount = this.freeCount;
    for (let pass = 0; pass < 2 && freeCount > 0; pass++) {
      let k = 0;
      const previous = freeCount;
      freeCount = 0;
      while (k < previous) {
        const i = free[k++] as number;
        if (bids++ > bidLimit) {
          free[freeCount++] = i;
          continue;
        }
        let best = Number.POSITIVE_INFINITY;
        let bestE = -1;
        let second = Number.POSITIVE_INFINITY;
        let secondE = -1;
        const to = start[i + 1] as number;
        for (let e = start[i] as number; e < to; e++) {
          const h = (cost[e] as number) - (v[target[e] as number] as number);
          if (h < second) {
            if (h < best) {
              second = best;
              secondE = bestE;
              best = h;
              bestE = e;
            } else {
              second = h;
              secondE = e;
            }
          }
        }
        if (bestE < 0) return false;
        let e1 = bestE;
        let j1 = target[e1] as number;
        let i0 = rowOfCol[j1] as number;
        const strict = best < second;
        if (strict && secondE >= 0) {
          v[j1] = (v[j1] as number) - (second - best);
        } else if (!strict && i0 >= 0 && (rowOfCol[target[secondE] as number] as number) < 0) {
          // A tie with a free column: take it, displacing nobody.
          e1 = secondE;
          j1 = target[e1] as number;
          i0 = -1;
        } else if (i0 >= 0 && secondE < 0) {
          // Its only candidate is taken: nothing to bid with; the searches settle the row.
          free[freeCount++] = i;
          continue;
        }
        if (i0 >= 0) entryOfRow[i0] = -1;
        rowOfCol[j1] = i;
        entryOfRow[i] = e1;
        if (i0 >= 0) {
          // Strictly outbid: the displaced row bids at once; on a tie it waits for the next pass.
          if (strict) free[--k] = i0;
          else free[freeCount++] = i0;
        }
      }
    }
    this.freeCount = freeCount;
    return true;
  }
}

/** Bids per row before the augmenting row reduction leaves the rest to the searches. */
const BIDS_PER_ROW = 10;

/**
 * Dijkstra searches on reduced costs from free rows to the nearest free column, each followed
 * by the dual update and the augmentation along the path found. The arrays are allocated once
 * and reset after each search in time proportional to what it touched.
 */
class Search {
  /** +Infinity while unreached, the distance while in the heap, -Infinity once settled. */
  private readonly dist: Float64Array;
  private readonly predEntry: Int32Array;
  private readonly predRow: Int32Array;
  private readonly settledList: Int32Array;
  private readonly settledDist: Float64Array;
  private readonly heap: ColumnHeap;

  constructor(private readonly a: CompleteAssignment) {
    const m = a.m;
    this.dist = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
    this.predEntry = new Int32Array(m);
    this.predRow = new Int32Array(m);
    this.settledList = new Int32Array(m);
    this.settledDist = new Float64Array(m);
    this.heap = new ColumnHeap(m, this.dist);
  }

  /**
   * One search from the free rows `free[first .. first+count-1]` together (each at distance 0
   * from its smallest reduced cost) to the nearest free column, then the dual update and the
   * augmentation. Returns the free row the path started from (now assigned; the caller keeps
   * the free list), or -1 when no free column can be reached (no complete assignment).
   */
  run(first: number, count: number): number {
    const { start, target, cost, v, rowOfCol, entryOfRow, free } = this.a;
    const { dist, predEntry, predRow, settledList, settledDist, heap } = this;
    let settledCount = 0;
    let endCol = -1;
    let end = 0;
    // The free rows' edges, at distance cost - v - u(row) from them.
    for (let f = first; f < first + count && endCol < 0; f++) {
      const s = free[f] as number;
      const from = start[s] as number;
      const to = start[s + 1] as number;
      let us = Number.POSITIVE_INFINITY;
      for (let e = from; e < to; e++) {
        const h = (cost[e] as number) - (v[target[e] as number] as number);
        if (h < us) us = h;
      }
      if (us === Number.POSITIVE_INFINITY) return -1;
      endCol = this.relax(s, from, to, us, 0);
    }
    let x = -1;
    let ux = 0;
    let dx = 0;
    for (;;) {
      if (x >= 0) endCol = this.relax(x, start[x] as number, start[x + 1] as number, ux, dx);
      if (endCol >= 0) {
        end = dx;
        break;
      }
      const j = heap.pop();
      if (j < 0) return -1; // no free column reachable: no complete assignment
      const h = dist[j] as number;
      if ((rowOfCol[j] as number) < 0) {
        endCol = j;
        end = h;
        break;
      }
      settledDist[settledCount] = h;
      settledList[settledCount++] = j;
      dist[j] = Number.NEGATIVE_INFINITY;
      x = rowOfCol[j] as number;
      // u(x) = cost(x, j) - v(j); a column reached from x is at h + cost - v - u(x).
      ux = (cost[entryOfRow[x] as number] as number) - (v[j] as number) - h;
      dx = h;
    }

    // Dual update: settled columns move by their distance below the end's. Then every column
    // this search reached is unreached again for the next one.
    for (let k = 0; k < settledCount; k++) {
      const j = settledList[k] as number;
      v[j] = (v[j] as number) + (settledDist[k] as number) - end;
      dist[j] = Number.POSITIVE_INFINITY;
    }
    heap.clear();
    dist[endCol] = Number.POSITIVE_INFINITY;
    // Augment along the path, back to the free row it started from.
    let col = endCol;
    let r = -1;
    for (;;) {
      r = predRow[col] as number;
      const previous = entryOfRow[r] as number;
      rowOfCol[col] = r;
      entryOfRow[r] = predEntry[col] as number;
      if (previous < 0) break;
      col = target[previous] as number;
    }
    return r;
  }

  /**
   * Relaxes the edges `from .. to-1` of row `x`, measured against `ux` (u(x) minus the distance
   * `dx` of x). Returns a free column at distance `dx` if one is found (nothing left is nearer,
   * so the search can end there), else -1.
   */
  private relax(x: number, from: number, to: number, ux: number, dx: number): number {
    const { target, cost, v, rowOfCol } = this.a;
    const { dist, predEntry, predRow, heap } = this;
    for (let e = from; e < to; e++) {
      const j = target[e] as number;
      const dj = (cost[e] as number) - (v[j] as number) - ux;
      if (!(dj < (dist[j] as number))) continue;
      dist[j] = dj;
      predEntry[j] = e;
      predRow[j] = x;
      if (dj === dx && (rowOfCol[j] as number) < 0) return j;
      heap.update(j);
    }
    return -1;
  }
}
