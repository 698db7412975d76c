import { solveByCandidates } from './dense-candidates.js';
import {
  checkFloat64Array,
  checkLength,
  checkSize,
  checkWeights,
  isForbidden,
} from './validate.js';

/** The answer of {@link maxWeightAssignment} and {@link maxWeightAssignmentSparse}. */
export interface AssignmentResult {
  /** `rowToCol[r]` is the column assigned to row `r`, or `-1` when row `r` stays unassigned. */
  readonly rowToCol: Int32Array;
  /** The sum of the weights of the assigned pairs (0 when nothing is assigned). */
  readonly total: number;
}

const FN = 'maxWeightAssignment';

/**
 * An optimal assignment on a dense bipartite score matrix: first as many pairs as possible,
 * then, among all assignments with that many pairs, the largest total weight.
 *
 * `weights[r * cols + c]` is the score of row `r` with column `c`. `NaN` or `-Infinity`
 * forbids the pair; any other finite number is allowed, negative ones included (a negative
 * pair is still taken when it is needed for the maximum number of pairs). The matrix may be
 * rectangular; each row and each column is used at most once. `weights` is not modified.
 * Equal inputs give equal answers: ties are broken by a fixed order, not at random.
 *
 * Method: successive shortest augmenting paths (the Hungarian method in its Dijkstra with
 * potentials form), run from the shorter side. Every row may also go to a private "dummy"
 * column at a cost that outranks any weight (the costs are compared as pairs: dummies used
 * first, weight second), so every augmentation is exact and no big-M constant rounds the weights.
 * When the shorter side can be assigned completely (always when no pair is forbidden, and
 * usually when few are), every such assignment has the most pairs, so scalar solvers with
 * forbidden pairs as infinite costs run first. A square matrix is solved on candidate pairs
 * (each row's pairs near its best) by the sparse solver, whose duals then prove the answer
 * optimal on every pair or point at the rows to solve again (see dense-candidates.ts): 2000 ×
 * 2000 in about 0.05–0.1 s. A rectangular one, or a square one too tied for short candidate
 * lists, goes to a dense Jonker–Volgenant solver (column reduction, reduction transfer,
 * augmenting row reduction, then shortest paths). Only when no complete assignment exists does
 * the pair-cost solver run.
 * Time O(k² · K) and memory O(rows · cols), where k = min(rows, cols) and K = max(rows, cols):
 * about O(n³) for a square matrix in the worst case, though in practice far less.
 * For long candidate lists prefer {@link maxWeightAssignmentSparse}.
 *
 * @example
 * ```ts
 * // Two mentees (rows) and two mentors (columns); mentee 1 must not meet mentor 1.
 * const weights = Float64Array.from([10, 1, 1, Number.NaN]);
 * const { rowToCol, total } = maxWeightAssignment(weights, 2, 2);
 * // rowToCol = [1, 0], total = 2: two pairs beat the single pair worth 10.
 * ```
 *
 * @throws {RangeError} when `rows` or `cols` is not an integer from 0 to 2³⁰, when
 *   `weights.length !== rows * cols`, or when a weight is `+Infinity`.
 * @throws {TypeError} when `weights` is not a `Float64Array`.
 */
export function maxWeightAssignment(
  weights: Float64Array,
  rows: number,
  cols: number,
): AssignmentResult {
  checkSize(FN, 'rows', rows);
  checkSize(FN, 'cols', cols);
  checkFloat64Array(FN, 'weights', weights);
  checkLength(FN, 'weights', weights, rows * cols, 'rows * cols');
  checkWeights(FN, 'weights', weights);

  // Work from the shorter side: the search runs once per row of the inner problem and each
  // run costs O(columns) per step, so transposing a tall matrix makes it much cheaper.
  const transpose = rows > cols;
  const n = transpose ? cols : rows;
  const m = transpose ? rows : cols;
  // First the scalar Jonker–Volgenant solver, which finds the best complete assignment of the
  // shorter side; only when there is none (forbidden pairs in the way) the exact solver that
  // maximises the number of pairs first runs.
  let profit = weights;
  if (transpose) {
    profit = new Float64Array(n * m);
    for (let r = 0; r < rows; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) profit[c * m + r] = weights[base + c] as number;
    }
  }
  let colOfRow =
    (n === m ? solveByCandidates(n, profit) : undefined) ?? solveComplete(n, m, profit);
  if (!colOfRow) {
    // Costs to minimise, with NaN for a forbidden pair (copied, so the input stays untouched).
    const cost = new Float64Array(n * m);
    for (let i = 0; i < cost.length; i++) {
      const w = profit[i] as number;
      cost[i] = isForbidden(w) ? Number.NaN : -w;
    }
    colOfRow = solveDense(n, m, cost);
  }

  const rowToCol = new Int32Array(rows).fill(-1);
  for (let i = 0; i < n; i++) {
    const j = colOfRow[i] as number;
    if (j < 0) continue;
    if (transpose) rowToCol[j] = i;
    else rowToCol[i] = j;
  }
  let total = 0;
  // Summed in row order so that the total does not depend on the orientation used inside.
  for (let r = 0; r < rows; r++) {
    const c = rowToCol[r] as number;
    if (c >= 0) total += weights[r * cols + c] as number;
  }
  return { rowToCol, total };
}

/**
 * The maximum-weight complete assignment of the `n` rows of an `n × m` matrix of `profit`s
 * (`n <= m`): Jonker and Volgenant's LAPJV ("A shortest augmenting path algorithm for dense and
 * sparse linear assignment problems", Computing 38, 1987) on the costs `-profit`, where a
 * forbidden pair (`NaN`, `-Infinity`) costs +Infinity. Returns the column of each row, or
 * undefined when no complete assignment exists (a row or, square, a column with every pair
 * forbidden, or a search that reaches no free column at a finite distance).
 *
 * Column duals `v` (the rows' duals are implicit: u(i) = cost(i, x(i)) - v(x(i))) keep every
 * reduced cost `cost - u - v` non-negative and the assigned pairs at zero.
 * 1. Initialisation. Square: column reduction (each column goes to its cheapest row, if that
 *    row is still free) and reduction transfer. Rectangular: all duals 0, all rows free (a free
 *    column must keep the largest dual, 0, for the result to be optimal; the later phases only
 *    ever lower the duals of the columns they assign).
 * 2. Augmenting row reduction, an auction: a free row takes its cheapest column, lowering that
 *    column's dual by the gap to its second cheapest, and the row it displaces bids next. Two
 *    passes, and a cap on the number of bids so that near-ties cannot start a long price war.
 * 3. Augmentation: for each row still free, Dijkstra over the columns (dense, O(m) per step,
 *    all columns at the current minimum distance handled as one batch) to the nearest free
 *    column, then the dual update and the augmentation along the path.
 * Ties are broken by index, so equal inputs give equal answers.
 */
function solveComplete(n: number, m: number, profit: Float64Array): Int32Array | undefined {
  const v = new Float64Array(m);
  const x = new Int32Array(n).fill(-1); // column of each row
  const y = new Int32Array(m).fill(-1); // row of each column
  const free = new Int32Array(n);
  let freeCount = 0;

  if (n === m) {
    // Column reduction, row by row for memory locality: v(j) = min over rows of cost(i, j).
    const argmin = new Int32Array(m);
    v.fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < n; i++) {
      const base = i * m;
      for (let j = 0; j < m; j++) {
        const c = -(profit[base + j] as number);
        if (c < (v[j] as number)) {
          v[j] = c;
          argmin[j] = i;
        }
      }
    }
    // A column no row may take: no complete assignment of a square matrix.
    if (v.indexOf(Number.POSITIVE_INFINITY) >= 0) return undefined;
    const matches = new Int32Array(n);
    for (let j = m - 1; j >= 0; j--) {
      const i = argmin[j] as number;
      const count = (matches[i] as number) + 1;
      matches[i] = count;
      if (count === 1) {
        x[i] = j;
        y[j] = i;
      }
    }
    // Reduction transfer: a row holding one column passes its slack on to that column.
    for (let i = 0; i < n; i++) {
      const count = matches[i] as number;
      if (count === 0) {
        free[freeCount++] = i;
      } else if (count === 1) {
        const j1 = x[i] as number;
        const base = i * m;
        let min = Number.POSITIVE_INFINITY;
        for (let j = 0; j < m; j++) {
          if (j === j1) continue;
          const h = -(profit[base + j] as number) - (v[j] as number);
          if (h < min) min = h;
        }
        if (min < Number.POSITIVE_INFINITY) v[j1] = (v[j1] as number) - min;
      }
    }
  } else {
    for (let i = 0; i < n; i++) free[freeCount++] = i;
  }

  // Augmenting row reduction.
  const bidLimit = 8 * n + 64;
  let bids = 0;
  for (let pass = 0; pass < 2 && freeCount > 0 && m > 1; pass++) {
    let k = 0;
    const previous = freeCount;
    freeCount = 0;
    while (k < previous) {
      const i = free[k++] as number;
      if (bids++ > bidLimit) {
        // Stop bidding; the rest is left to the augmentation phase.
        free[freeCount++] = i;
        continue;
      }
      const base = i * m;
      let umin = Number.POSITIVE_INFINITY;
      let j1 = -1;
      let usubmin = Number.POSITIVE_INFINITY;
      let j2 = -1;
      // The first free column at the minimum: on a tie it is taken, displacing nobody (with
      // integer scores ties are common, and displacing rows among them gets nowhere).
      let jFree = -1;
      for (let j = 0; j < m; j++) {
        const h = -(profit[base + j] as number) - (v[j] as number);
        if (h < usubmin) {
          if (h > umin) {
            usubmin = h;
            j2 = j;
          } else if (h === umin) {
            usubmin = h;
            j2 = j;
            if (jFree < 0 && (y[j] as number) < 0) jFree = j;
          } else {
            usubmin = umin;
            j2 = j1;
            umin = h;
            j1 = j;
            jFree = (y[j] as number) < 0 ? j : -1;
          }
        } else if (h === umin && jFree < 0 && (y[j] as number) < 0) {
          jFree = j;
        }
      }
      // A row no column may take: no complete assignment.
      if (umin === Number.POSITIVE_INFINITY) return undefined;
      let i0 = y[j1] as number;
      if (usubmin === Number.POSITIVE_INFINITY && i0 >= 0) {
        // Its only column is taken: no gap to bid with; the augmentation settles the row.
        free[freeCount++] = i;
        continue;
      }
      const strict = umin < usubmin;
      if (strict && usubmin < Number.POSITIVE_INFINITY) {
        v[j1] = (v[j1] as number) - (usubmin - umin);
      } else if (jFree >= 0) {
        j1 = jFree;
        i0 = -1;
      } else if (i0 >= 0) {
        // A tie: take the second column without a price change, displacing its row (if any).
        j1 = j2;
        i0 = y[j2] as number;
      }
      if (i0 >= 0) x[i0] = -1;
      x[i] = j1;
      y[j1] = i;
      if (i0 >= 0) {
        // Strictly better: the displaced row bids at once; on a tie it waits for the next pass.
        if (strict) free[--k] = i0;
        else free[freeCount++] = i0;
      }
    }
  }

  // Augmentation by Dijkstra's shortest paths.
  const d = new Float64Array(m);
  const pred = new Int32Array(m);
  const list = new Int32Array(m);
  for (let f = 0; f < freeCount; f++) {
    const start = free[f] as number;
    const sBase = start * m;
    for (let j = 0; j < m; j++) {
      const h = -(profit[sBase + j] as number) - (v[j] as number);
      // NaN (a forbidden pair) would never compare as nearer than anything: make it +Infinity.
      d[j] = Number.isNaN(h) ? Number.POSITIVE_INFINITY : h;
      pred[j] = start;
      list[j] = j;
    }
    // list[0 .. low-1]: settled; list[low .. up-1]: at the current minimum, to scan;
    // list[up .. m-1]: the rest.
    let low = 0;
    let up = 0;
    let last = 0;
    let min = 0;
    let end = -1;
    while (end < 0) {
      if (up === low) {
        last = low;
        min = d[list[up] as number] as number;
        up++;
        for (let k = up; k < m; k++) {
          const j = list[k] as number;
          const h = d[j] as number;
          if (h <= min) {
            if (h < min) {
              up = low;
              min = h;
            }
            list[k] = list[up] as number;
            list[up++] = j;
          }
        }
        // Every column left is forbidden to every row reached: no complete assignment.
        if (min === Number.POSITIVE_INFINITY) return undefined;
        for (let k = low; k < up; k++) {
          const j = list[k] as number;
          if ((y[j] as number) < 0) {
            end = j;
            break;
          }
        }
        if (end >= 0) break;
      }
      const j1 = list[low++] as number;
      const i = y[j1] as number;
      const base = i * m;
      const h = -(profit[base + j1] as number) - (v[j1] as number) - min;
      for (let k = up; k < m; k++) {
        const j = list[k] as number;
        const dj = -(profit[base + j] as number) - (v[j] as number) - h;
        if (dj < (d[j] as number)) {
          pred[j] = i;
          d[j] = dj;
          if (dj === min) {
            if ((y[j] as number) < 0) {
              end = j;
              break;
            }
            list[k] = list[up] as number;
            list[up++] = j;
          }
        }
      }
    }
    // Dual update of the settled columns (those settled after `last` are at distance min).
    for (let k = 0; k < last; k++) {
      const j = list[k] as number;
      v[j] = (v[j] as number) + (d[j] as number) - min;
    }
    // Augment along the path.
    for (;;) {
      const i = pred[end] as number;
      y[end] = i;
      const previous = x[i] as number;
      x[i] = end;
      if (i === start) break;
      end = previous;
    }
  }
  return x;
}

/**
 * The minimum-cost assignment of an `n × m` cost matrix (`n <= m` is the fast case but not
 * required), maximum cardinality first; `NaN` marks a forbidden pair. Returns the column of
 * each row, or -1.
 *
 * Each row `s` in turn is added and a shortest path (Dijkstra on reduced costs) runs from it
 * to the nearest "terminal": a free column, or the dummy column of a row reached on the way,
 * which that row then takes, giving its column to the path. A dummy costs (1, 0) and a real
 * pair (0, cost); all distances and potentials are such pairs compared lexicographically
 * (arrays `…H` hold the first part, `…L` the second). As every row ends up matched to a real
 * or a dummy column, minimising the pair cost first minimises the number of dummies, i.e.
 * maximises the real pairs, and then minimises their cost. Successive shortest paths keep the
 * partial assignment optimal for the rows added so far, so the final one is optimal.
 *
 * Potentials `p` make every reduced cost `cost + p(row) - p(col)` non-negative. Free columns
 * and dummies keep potential 0 throughout, so the first terminal Dijkstra pops is the nearest.
 */
function solveDense(n: number, m: number, cost: Float64Array): Int32Array {
  const rowPotH = new Float64Array(n);
  const rowPotL = new Float64Array(n);
  const colPotH = new Float64Array(m);
  const colPotL = new Float64Array(m);
  const rowOfCol = new Int32Array(m).fill(-1);
  // -1 for a row not yet added, and for a row that ended on its dummy: no column leads to such
  // a row any more, so it is never reached again and needs no other marker.
  const colOfRow = new Int32Array(n).fill(-1);
  const distH = new Float64Array(m);
  const distL = new Float64Array(m);
  const pred = new Int32Array(m);
  const settled = new Uint8Array(m);
  const settledList = new Int32Array(Math.min(n, m));

  for (let s = 0; s < n; s++) {
    // Give row s the smallest potential that keeps its reduced costs non-negative (its dummy
    // needs p(s) >= (-1, 0)).
    let potH = -1;
    let potL = 0;
    const sBase = s * m;
    for (let j = 0; j < m; j++) {
      const c = cost[sBase + j] ?? Number.NaN;
      if (Number.isNaN(c)) continue; // NaN: forbidden
      const h = colPotH[j] ?? 0;
      const l = (colPotL[j] ?? 0) - c;
      if (h > potH || (h === potH && l > potL)) {
        potH = h;
        potL = l;
      }
    }
    rowPotH[s] = potH;
    rowPotL[s] = potL;

    distH.fill(Number.POSITIVE_INFINITY);
    distL.fill(Number.POSITIVE_INFINITY);
    settled.fill(0);
    let settledCount = 0;
    let dummyH = Number.POSITIVE_INFINITY;
    let dummyL = Number.POSITIVE_INFINITY;
    let dummyRow = -1;
    let endCol = -1;
    let endH = 0;
    let endL = 0;

    // Scan row x at distance (dxH, dxL), then pick the nearest unsettled column, in one pass.
    let x = s;
    let dxH = 0;
    let dxL = 0;
    for (;;) {
      const base = x * m;
      const baseH = dxH + (rowPotH[x] ?? 0);
      const baseL = dxL + (rowPotL[x] ?? 0);
      let bestCol = -1;
      let bestH = Number.POSITIVE_INFINITY;
      let bestL = Number.POSITIVE_INFINITY;
      let bestFree = false;
      for (let j = 0; j < m; j++) {
        if (settled[j] === 1) continue;
        let h = distH[j] ?? 0;
        let l = distL[j] ?? 0;
        const c = cost[base + j] ?? Number.NaN;
        if (!Number.isNaN(c)) {
          const nh = baseH - (colPotH[j] ?? 0);
          const nl = baseL + c - (colPotL[j] ?? 0);
          if (nh < h || (nh === h && nl < l)) {
            h = nh;
            l = nl;
            distH[j] = nh;
            distL[j] = nl;
            pred[j] = x;
          }
        }
        // On a tie a free column wins (it ends the search at once; with integer weights
        // plateaus of equal distance are common and would otherwise be explored column by
        // column), then the lowest index.
        const nearer = h < bestH || (h === bestH && l < bestL);
        if (nearer || (h === bestH && l === bestL && !bestFree && rowOfCol[j] === -1)) {
          bestCol = j;
          bestH = h;
          bestL = l;
          bestFree = rowOfCol[j] === -1;
        }
      }
      // The dummy of x: cost (1, 0), potential 0.
      const ownH = baseH + 1;
      if (ownH < dummyH || (ownH === dummyH && baseL < dummyL)) {
        dummyH = ownH;
        dummyL = baseL;
        dummyRow = x;
      }
      // A dummy ends the search only when strictly nearer than every column: on a tie a real
      // column is preferred, which keeps the choice deterministic.
      if (bestCol < 0 || dummyH < bestH || (dummyH === bestH && dummyL < bestL)) {
        endH = dummyH;
        endL = dummyL;
        break;
      }
      const mate = rowOfCol[bestCol] ?? -1;
      if (mate < 0) {
        endCol = bestCol;
        endH = bestH;
        endL = bestL;
        break;
      }
      settled[bestCol] = 1;
      settledList[settledCount++] = bestCol;
      x = mate;
      dxH = bestH;
      dxL = bestL;
    }

    // Johnson update: p += dist - D on everything settled (row s has distance 0). This keeps
    // reduced costs non-negative, zeroes them along the path, and leaves free columns and
    // dummies at 0.
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
    if (endCol < 0) {
      if (dummyRow === s) continue;
      endCol = colOfRow[dummyRow] ?? -1;
      colOfRow[dummyRow] = -1;
    }
    for (;;) {
      const r = pred[endCol] ?? 0;
      const previous = colOfRow[r] ?? -1;
      rowOfCol[endCol] = r;
      colOfRow[r] = endCol;
      if (r === s) break;
      endCol = previous;
    }
  }
  return colOfRow;
}
