import type { AssignmentResult } from './assignment.js';
import { PairHeap } from './pair-heap.js';
import {
  checkFloat64Array,
  checkIndices,
  checkInt32Array,
  checkLength,
  checkSize,
  checkWeights,
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
 * Method: successive shortest augmenting paths with Dijkstra (binary heap) and potentials on
 * the sparse graph, one search per row of the shorter side (the lists are transposed when there
 * are more rows than columns). Each row may also end on a private dummy column whose cost
 * outranks any weight (costs are compared as pairs), which makes the maximum-cardinality-first
 * rule exact without a big-M constant. A search stops at the nearest free column, so it usually
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
  checkIndices(FN, 'colIndex', colIndex, cols, 'cols');
  checkWeights(FN, 'weight', weight);

  const edges = colIndex.length;
  // The inner problem: n rows (the shorter side), m columns, CSR lists with costs to minimise
  // (NaN = forbidden) and, per entry, the caller's entry number.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  const start = new Int32Array(n + 1);
  const target = new Int32Array(edges);
  const entry = new Int32Array(edges);
  const cost = new Float64Array(edges);
  if (!transpose) {
    start.set(rowStart);
    target.set(colIndex);
    for (let e = 0; e < edges; e++) {
      entry[e] = e;
      const w = weight[e] ?? Number.NaN;
      cost[e] = isForbidden(w) ? Number.NaN : -w;
    }
  } else {
    // Counting sort by column; within a column the entries keep the callers' row order.
    for (let e = 0; e < edges; e++) {
      const c = colIndex[e] ?? 0;
      start[c + 1] = (start[c + 1] ?? 0) + 1;
    }
    for (let c = 0; c < n; c++) start[c + 1] = (start[c + 1] ?? 0) + (start[c] ?? 0);
    const next = start.slice(0, n);
    for (let r = 0; r < rows; r++) {
      const end = rowStart[r + 1] ?? 0;
      for (let e = rowStart[r] ?? 0; e < end; e++) {
        const c = colIndex[e] ?? 0;
        const at = next[c] ?? 0;
        next[c] = at + 1;
        target[at] = r;
        entry[at] = e;
        const w = weight[e] ?? Number.NaN;
        cost[at] = isForbidden(w) ? Number.NaN : -w;
      }
    }
  }

  const entryOfRow = solveSparse(n, m, start, target, cost);

  // Back to the caller's orientation: the entry of each caller row, then the answer.
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

  for (let s = 0; s < n; s++) {
    const stamp = s + 1;
    const sFrom = start[s] ?? 0;
    const sTo = start[s + 1] ?? 0;
    // The smallest potential for row s that keeps its reduced costs non-negative (its dummy
    // needs p(s) >= (-1, 0)).
    let potH = -1;
    let potL = 0;
    for (let e = sFrom; e < sTo; e++) {
      const c = cost[e] ?? Number.NaN;
      if (Number.isNaN(c)) continue;
      const j = target[e] ?? 0;
      const h = colPotH[j] ?? 0;
      const l = (colPotL[j] ?? 0) - c;
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
      const baseH = dxH + (rowPotH[x] ?? 0);
      const baseL = dxL + (rowPotL[x] ?? 0);
      const to = start[x + 1] ?? 0;
      for (let e = start[x] ?? 0; e < to; e++) {
        const c = cost[e] ?? Number.NaN;
        if (Number.isNaN(c)) continue;
        const j = target[e] ?? 0;
        if (done[j] === stamp) continue;
        const nh = baseH - (colPotH[j] ?? 0);
        const nl = baseL + c - (colPotL[j] ?? 0);
        if (seen[j] === stamp) {
          const h = distH[j] ?? 0;
          if (nh > h || (nh === h && nl >= (distL[j] ?? 0))) continue;
        } else {
          seen[j] = stamp;
        }
        distH[j] = nh;
        distL[j] = nl;
        predEntry[j] = e;
        predRow[j] = x;
        // A free column at the distance of x is a nearest terminal (nothing left in the queue
        // is nearer): end here instead of first popping every column tied with it.
        if (nh === dxH && nl === dxL && (rowOfCol[j] ?? -1) < 0) {
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
      if (j >= m || (rowOfCol[j] ?? -1) < 0) {
        endNode = j;
        endH = h;
        endL = l;
        break;
      }
      done[j] = stamp;
      settledList[settledCount++] = j;
      x = rowOfCol[j] ?? 0;
      dxH = h;
      dxL = l;
    }

    // Johnson update on everything settled (row s at distance 0); see solveDense.
    rowPotH[s] = potH - endH;
    rowPotL[s] = potL - endL;
    for (let k = 0; k < settledCount; k++) {
      const j = settledList[k] ?? 0;
      const dh = (distH[j] ?? 0) - endH;
      const dl = (distL[j] ?? 0) - endL;
      colPotH[j] = (colPotH[j] ?? 0) + dh;
      colPotL[j] = (colPotL[j] ?? 0) + dl;
      const r = rowOfCol[j] ?? 0;
      rowPotH[r] = (rowPotH[r] ?? 0) + dh;
      rowPotL[r] = (rowPotL[r] ?? 0) + dl;
    }

    // Augment. Ending on a dummy, its row leaves its column, which then ends the path.
    let col = endNode;
    if (col >= m) {
      const r = col - m;
      if (r === s) continue;
      col = target[entryOfRow[r] ?? 0] ?? 0;
      entryOfRow[r] = -1;
    }
    for (;;) {
      const r = predRow[col] ?? 0;
      const previous = entryOfRow[r] ?? -1;
      rowOfCol[col] = r;
      entryOfRow[r] = predEntry[col] ?? -1;
      if (r === s) break;
      col = target[previous] ?? 0;
    }
  }
  return entryOfRow;
}
