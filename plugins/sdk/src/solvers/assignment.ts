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
 * Time O(k² · K) and memory O(rows · cols), where k = min(rows, cols) and K = max(rows, cols):
 * about O(n³) for a square matrix, though searches usually stop early: a random 1000 × 1000
 * matrix takes about 0.1–0.2 s.
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
  // Costs to minimise, with NaN for a forbidden pair (copied, so the input stays untouched).
  const cost = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const w = (transpose ? weights[j * cols + i] : weights[i * cols + j]) ?? Number.NaN;
      cost[i * m + j] = isForbidden(w) ? Number.NaN : -w;
    }
  }
  const colOfRow = solveDense(n, m, cost);

  const rowToCol = new Int32Array(rows).fill(-1);
  for (let i = 0; i < n; i++) {
    const j = colOfRow[i] ?? -1;
    if (j < 0) continue;
    if (transpose) rowToCol[j] = i;
    else rowToCol[i] = j;
  }
  let total = 0;
  // Summed in row order so that the total does not depend on the orientation used inside.
  for (let r = 0; r < rows; r++) {
    const c = rowToCol[r] ?? -1;
    if (c >= 0) total += weights[r * cols + c] ?? 0;
  }
  return { rowToCol, total };
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
