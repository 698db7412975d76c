import type { AssignmentResult } from './assignment.js';
import { PairHeap } from './pair-heap.js';
import { solveSparseComplete } from './sparse-complete.js';
import {
  checkFloat64Array,
  checkInt32Array,
  checkLength,
  checkSize,
  checkWeights,
  indexError,
  isForbidden,
} from './validate.js';

const FN = 'maxWeightAssignmentSparse';

/**
 * An optimal assignment on candidate lists: first as many pairs as possible, then, among all
 * assignments with that many pairs, the largest total weight. Same answer as
 * {@link maxWeightAssignment}, for graphs where each row has only a few candidates.
 *
 * The lists are in CSR form: row `r`'s candidates are `colIndex[rowStart[r] .. rowStart[r+1]-1]`
 * with their scores at the same positions of `weight`. `rowStart` has `rows + 1` entries, starts
 * at 0, never decreases and ends at `colIndex.length`. Only listed pairs are allowed; a listed
 * pair with weight `NaN` or `-Infinity` is forbidden too. Negative weights are allowed. A pair
 * listed twice counts with its larger weight. No input array is modified, and equal inputs give
 * equal answers.
 *
 * Method: when the shorter side can be assigned completely (the usual case), Jonker and
 * Volgenant's sparse method with scalar costs finds the best such assignment; only when it finds
 * that none exists does the exact pair-cost solver run: successive shortest augmenting paths
 * with Dijkstra (binary heap) and potentials on the sparse graph, one search per row of the shorter side (the lists are transposed when there
 * are more rows than columns). Each row may also end on a private dummy column whose cost
 * outranks any weight (costs are compared as pairs), which makes the maximum-cardinality-first
 * rule exact without a big-M constant. An auction-like warm start (augmenting row reduction)
 * assigns most rows before any search. A search stops at the nearest free column, so it usually
 * touches a small part of the graph; the worst case is O(k · E log E) time for E candidates and
 * k = min(rows, cols), memory O(rows + cols + E). Thousands of rows with tens of candidates each
 * take milliseconds to a few tenths of a second.
 *
 * @example
 * ```ts
 * // Row 0 may take column 0 (weight 5) or 1 (weight 4); row 1 only column 0 (weight 3).
 * const rowStart = Int32Array.from([0, 2, 3]);
 * const colIndex = Int32Array.from([0, 1, 0]);
 * const weight = Float64Array.from([5, 4, 3]);
 * const { rowToCol, total } = maxWeightAssignmentSparse(2, 2, rowStart, colIndex, weight);
 * // rowToCol = [1, 0], total = 7
 * ```
 *
 * @throws {RangeError} when `rows` or `cols` is not an integer from 0 to 2³⁰, when an array has
 *   the wrong length, when `rowStart` is not a valid CSR index, when a column index is outside
 *   `0 .. cols - 1`, or when a weight is `+Infinity`.
 * @throws {TypeError} when an array is not of the documented typed-array type.
 */
export function maxWeightAssignmentSparse(
  rows: number,
  cols: number,
  rowStart: Int32Array,
  colIndex: Int32Array,
  weight: Float64Array,
): AssignmentResult {
  checkSize(FN, 'rows', rows);
  checkSize(FN, 'cols', cols);
  checkInt32Array(FN, 'rowStart', rowStart);
  checkInt32Array(FN, 'colIndex', colIndex);
  checkFloat64Array(FN, 'weight', weight);
  checkLength(FN, 'rowStart', rowStart, rows + 1, 'rows + 1');
  checkLength(FN, 'weight', weight, colIndex.length, 'colIndex.length');
  checkRowStart(rowStart, rows, colIndex.length);
  checkWeights(FN, 'weight', weight);
  // The column indices are checked while the inner problem is built (one pass fewer).

  // The inner problem: the shorter side as rows, CSR lists of the allowed pairs only.
  const inner = innerProblem(rows, cols, rowStart, colIndex, weight);
  const { n, m, start, target, cost } = inner;
  // The scalar solver finds the best full assignment of the shorter side when there is one;
  // otherwise the exact solver that maximises the number of pairs first runs.
  const entryOfRow =
    solveSparseComplete(n, m, start, target, cost)?.entryOfRow ??
    solveSparse(n, m, start, target, cost);
  return answer(rows, inner, entryOfRow, colIndex, weight);
}

/**
 * The inner problem: n rows (the shorter side), m columns, CSR lists of the allowed pairs only
 * (forbidden ones can never be chosen, so the searches need not see them) with costs to
 * minimise and, per entry, the caller's entry number. (Kept apart from the solvers so that each
 * of its loops is optimised with full type feedback: V8 otherwise keeps re-entering one large
 * function's loops through on-stack replacement and falling back out of them.)
 */
interface InnerProblem {
  readonly transpose: boolean;
  readonly n: number;
  readonly m: number;
  readonly start: Int32Array;
  readonly target: Int32Array;
  readonly entry: Int32Array;
  readonly cost: Float64Array;
}

function innerProblem(
  rows: number,
  cols: number,
  rowStart: Int32Array,
  colIndex: Int32Array,
  weight: Float64Array,
): InnerProblem {
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  // Room for every entry: counting the allowed ones first would cost a pass of its own.
  const edges = colIndex.length;
  const inner = {
    transpose,
    n,
    m,
    start: new Int32Array(n + 1),
    target: new Int32Array(edges),
    entry: new Int32Array(edges),
    cost: new Float64Array(edges),
  };
  if (transpose) fillTransposed(inner, rows, rowStart, colIndex, weight);
  else fillRows(inner, rows, cols, rowStart, colIndex, weight);
  return inner;
}

/**
 * The caller's rows as inner rows, without the forbidden entries; throws on a column index
 * outside `0 .. cols - 1` (the entries are read in order, so it names the first, as
 * `checkIndices` would).
 */
function fillRows(
  inner: InnerProblem,
  rows: number,
  cols: number,
  rowStart: Int32Array,
  colIndex: Int32Array,
  weight: Float64Array,
): void {
  const { start, target, entry, cost } = inner;
  let at = 0;
  for (let r = 0; r < rows; r++) {
    const end = rowStart[r + 1] as number;
    for (let e = rowStart[r] as number; e < end; e++) {
      const j = colIndex[e] as number;
      if (!(j >= 0 && j < cols)) throw indexError(FN, 'colIndex', colIndex, e, cols, 'cols');
      const w = weight[e] as number;
      if (isForbidden(w)) continue;
      target[at] = j;
      entry[at] = e;
      cost[at++] = -w;
    }
    start[r + 1] = at;
  }
}

/**
 * The caller's columns as inner rows (counting sort by column; within a column the entries keep
 * the caller's row order), without the forbidden entries; throws on a column index outside
 * `0 .. n - 1` (the first, as `checkIndices` would).
 */
function fillTransposed(
  inner: InnerProblem,
  rows: number,
  rowStart: Int32Array,
  colIndex: Int32Array,
  weight: Float64Array,
): void {
  const { n, start, target, entry, cost } = inner;
  for (let e = 0; e < colIndex.length; e++) {
    const c = colIndex[e] as number;
    if (!(c >= 0 && c < n)) throw indexError(FN, 'colIndex', colIndex, e, n, 'cols');
    if (isForbidden(weight[e] as number)) continue;
    start[c + 1] = (start[c + 1] as number) + 1;
  }
  for (let c = 0; c < n; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const next = start.slice(0, n);
  for (let r = 0; r < rows; r++) {
    const end = rowStart[r + 1] as number;
    for (let e = rowStart[r] as number; e < end; e++) {
      const w = weight[e] as number;
      if (isForbidden(w)) continue;
      const c = colIndex[e] as number;
      const at = next[c] as number;
      next[c] = at + 1;
      target[at] = r;
      entry[at] = e;
      cost[at] = -w;
    }
  }
}

/** Back to the caller's orientation: the column of each caller row, and the total. */
function answer(
  rows: number,
  inner: InnerProblem,
  entryOfRow: Int32Array,
  colIndex: Int32Array,
  weight: Float64Array,
): AssignmentResult {
  const { transpose, n, target, entry } = inner;
  const rowToCol = new Int32Array(rows).fill(-1);
  const entryOfCallerRow = new Int32Array(rows).fill(-1);
  for (let i = 0; i < n; i++) {
    const e = entryOfRow[i] ?? -1;
    if (e < 0) continue;
    const original = entry[e] ?? 0;
    const r = transpose ? (target[e] ?? 0) : i;
    entryOfCallerRow[r] = original;
    rowToCol[r] = colIndex[original] ?? -1;
  }
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const e = entryOfCallerRow[r] ?? -1;
    if (e >= 0) total += weight[e] ?? 0;
  }
  return { rowToCol, total };
}

/** Throws unless `rowStart` is a CSR row index: from 0, never decreasing, ending at `edges`. */
function checkRowStart(rowStart: Int32Array, rows: number, edges: number): void {
  if (rowStart[0] !== 0) throw new RangeError(`${FN}: rowStart[0] must be 0, got ${rowStart[0]}`);
  for (let r = 0; r < rows; r++) {
    const from = rowStart[r] ?? 0;
    const to = rowStart[r + 1] ?? 0;
    if (to < from)
      throw new RangeError(
        `${FN}: rowStart must not decrease, but rowStart[${r + 1}] = ${to} < rowStart[${r}] = ${from}`,
      );
  }
  if (rowStart[rows] !== edges)
    throw new RangeError(
      `${FN}: rowStart[${rows}] must equal colIndex.length = ${edges}, got ${rowStart[rows]}`,
    );
}

/**
 * The minimum-cost assignment of the inner problem, maximum cardinality first: for each row,
 * the number of the CSR entry it is assigned through, or -1.
 *
 * The same method as the dense solver (see `solveDense` in assignment.ts): row by row, a
 * Dijkstra search on reduced costs to the nearest free column or dummy, with costs, distances
 * and potentials as lexicographic pairs (`…H`, `…L`) where a dummy costs (1, 0). Here the
 * queue is a heap of columns (0 .. m-1) and dummies (m + row), and stamps replace clearing
 * per-column arrays, so a search costs only what it touches.
 */
function solveSparse(
  n: number,
  m: number,
  start: Int32Array,
  target: Int32Array,
  cost: Float64Array,
): Int32Array {
  const rowPotH = new Float64Array(n);
  const rowPotL = new Float64Array(n);
  const colPotH = new Float64Array(m);
  const colPotL = new Float64Array(m);
  const rowOfCol = new Int32Array(m).fill(-1);
  // The entry each row is assigned through; -1 for a row not yet added or left on its dummy
  // (such a row can never be reached again, since no column leads to it).
  const entryOfRow = new Int32Array(n).fill(-1);
  const distH = new Float64Array(m);
  const distL = new Float64Array(m);
  const predEntry = new Int32Array(m);
  const predRow = new Int32Array(m);
  // seen[j] === stamp: dist[j] belongs to the current search; done[j] === stamp: j is settled.
  const seen = new Int32Array(m);
  const done = new Int32Array(m);
  const settledList = new Int32Array(Math.min(n, m));
  const heap = new PairHeap(256);

  // Warm start: two passes of augmenting row reduction (an auction, as in Jonker and
  // Volgenant's LAPJV) assign most rows cheaply while keeping the invariants of the searches
  // below: every assigned row (to a column or its dummy) has reduced cost 0 on its pair and
  // non-negative ones elsewhere, and free columns keep potential 0, the largest.
  const free = new Int32Array(n);
  let freeCount = 0;
  for (let i = 0; i < n; i++) free[freeCount++] = i;
  // On random scores long price wars are common; past ten bids a row the searches are cheaper.
  const bidLimit = 10 * n + 64;
  let bids = 0;
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
      // The best and second best of p(col) - cost over the row's entries and its dummy, whose
      // value is (-1, 0); entry -1 stands for the dummy.
      let bH = -1;
      let bL = 0;
      let bE = -1;
      let sH = Number.NEGATIVE_INFINITY;
      let sL = Number.NEGATIVE_INFINITY;
      let sE = -2;
      const to = start[i + 1] as number;
      for (let e = start[i] as number; e < to; e++) {
        const c = cost[e] as number;
        if (Number.isNaN(c)) continue;
        const j = target[e] as number;
        const h = colPotH[j] as number;
        const l = (colPotL[j] as number) - c;
        if (h > bH || (h === bH && l > bL)) {
          sH = bH;
          sL = bL;
          sE = bE;
          bH = h;
          bL = l;
          bE = e;
        } else if (h > sH || (h === sH && l > sL)) {
          sH = h;
          sL = l;
          sE = e;
        }
      }
      const strict = bH > sH || (bH === sH && bL > sL);
      let e1 = bE;
      if (!strict) {
        // A tie: take a free column (or the dummy) of the two if there is one, else the best.
        const freeOf = (e: number) =>
          e === -1 || (e >= 0 && (rowOfCol[target[e] as number] as number) < 0);
        if (!freeOf(bE) && freeOf(sE)) e1 = sE;
      }
      if (e1 < 0) {
        // The row settles on its dummy for good.
        rowPotH[i] = bH;
        rowPotL[i] = bL;
        entryOfRow[i] = -1;
        continue;
      }
      const j1 = target[e1] as number;
      const i0 = rowOfCol[j1] as number;
      if (strict) {
        // Lower the column's potential by the gap, so the row is indifferent to its second.
        colPotH[j1] = (colPotH[j1] as number) - (bH - sH);
        colPotL[j1] = (colPotL[j1] as number) - (bL - sL);
        rowPotH[i] = sH;
        rowPotL[i] = sL;
      } else {
        rowPotH[i] = bH;
        rowPotL[i] = bL;
      }
      rowOfCol[j1] = i;
      entryOfRow[i] = e1;
      if (i0 >= 0) {
        entryOfRow[i0] = -1;
        // Strictly outbid: the displaced row bids at once; on a tie it waits for the next pass.
        if (strict) free[--k] = i0;
        else free[freeCount++] = i0;
      }
    }
  }

  for (let f = 0; f < freeCount; f++) {
    const s = free[f] as number;
    const stamp = f + 1;
    const sFrom = start[s] as number;
    const sTo = start[s + 1] as number;
    // The smallest potential for row s that keeps its reduced costs non-negative (its dummy
    // needs p(s) >= (-1, 0)).
    let potH = -1;
    let potL = 0;
    for (let e = sFrom; e < sTo; e++) {
      const c = cost[e] as number;
      if (Number.isNaN(c)) continue;
      const j = target[e] as number;
      const h = colPotH[j] as number;
      const l = (colPotL[j] as number) - c;
      if (h > potH || (h === potH && l > potL)) {
        potH = h;
        potL = l;
      }
    }
    rowPotH[s] = potH;
    rowPotL[s] = potL;

    heap.clear();
    let settledCount = 0;
    let x = s;
    let dxH = 0;
    let dxL = 0;
    let endNode = -1;
    let endH = 0;
    let endL = 0;
    for (;;) {
      // Scan row x: relax its candidates, and offer its dummy.
      const baseH = dxH + (rowPotH[x] as number);
      const baseL = dxL + (rowPotL[x] as number);
      const to = start[x + 1] as number;
      for (let e = start[x] as number; e < to; e++) {
        const c = cost[e] as number;
        if (Number.isNaN(c)) continue;
        const j = target[e] as number;
        if (done[j] === stamp) continue;
        const nh = baseH - (colPotH[j] as number);
        const nl = baseL + c - (colPotL[j] as number);
        if (seen[j] === stamp) {
          const h = distH[j] as number;
          if (nh > h || (nh === h && nl >= (distL[j] as number))) continue;
        } else {
          seen[j] = stamp;
        }
        distH[j] = nh;
        distL[j] = nl;
        predEntry[j] = e;
        predRow[j] = x;
        // A free column at the distance of x is a nearest terminal (nothing left in the queue
        // is nearer): end here instead of first popping every column tied with it.
        if (nh === dxH && nl === dxL && (rowOfCol[j] as number) < 0) {
          endNode = j;
          endH = nh;
          endL = nl;
          break;
        }
        heap.push(nh, nl, j);
      }
      if (endNode >= 0) break;
      heap.push(baseH + 1, baseL, m + x);

      // Pop the nearest column or dummy. Columns are numbered below dummies, so on equal
      // distance a real column wins, as in the dense solver.
      let j = -1;
      for (;;) {
        j = heap.pop();
        if (j >= m || done[j] !== stamp) break; // a stale entry of a settled column otherwise
      }
      const h = heap.poppedHigh;
      const l = heap.poppedLow;
      if (j >= m || (rowOfCol[j] as number) < 0) {
        endNode = j;
        endH = h;
        endL = l;
        break;
      }
      done[j] = stamp;
      settledList[settledCount++] = j;
      x = rowOfCol[j] as number;
      dxH = h;
      dxL = l;
    }

    // Johnson update on everything settled (row s at distance 0); see solveDense.
    rowPotH[s] = potH - endH;
    rowPotL[s] = potL - endL;
    for (let k = 0; k < settledCount; k++) {
      const j = settledList[k] as number;
      const dh = (distH[j] as number) - endH;
      const dl = (distL[j] as number) - endL;
      colPotH[j] = (colPotH[j] as number) + dh;
      colPotL[j] = (colPotL[j] as number) + dl;
      const r = rowOfCol[j] as number;
      rowPotH[r] = (rowPotH[r] as number) + dh;
      rowPotL[r] = (rowPotL[r] as number) + dl;
    }

    // Augment. Ending on a dummy, its row leaves its column, which then ends the path.
    let col = endNode;
    if (col >= m) {
      const r = col - m;
      if (r === s) continue;
      col = target[entryOfRow[r] ?? 0] as number;
      entryOfRow[r] = -1;
    }
    for (;;) {
      const r = predRow[col] as number;
      const previous = entryOfRow[r] as number;
      rowOfCol[col] = r;
      entryOfRow[r] = predEntry[col] as number;
      if (r === s) break;
      col = target[previous] as number;
    }
  }
  return entryOfRow;
}
