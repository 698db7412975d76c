/**
 * Augmentation along tight edges for the scalar sparse assignment solver (sparse-complete.ts):
 * with the column duals `v` fixed, an edge `e` of row `i` is tight when its reduced cost
 * `cost[e] - v(target[e])` equals u(i), the smallest over the row's edges (for an assigned row,
 * the reduced cost of its own edge, which is that smallest). A path from a free row to a free
 * column over tight edges, alternating between unassigned and assigned pairs, is a shortest
 * augmenting path of length 0: taking it keeps every invariant of the solver and leaves the
 * duals as they are.
 *
 * With integer scores (the usual case) ties are everywhere, and after the warm start or a dual
 * update many free rows have such paths. A Dijkstra search per row would find each of them
 * after exploring everything at distance 0 from it; this finds a maximal set of them in about
 * one pass over the tight edges per round: depth-first search from every free row in turn with
 * lookahead (a row first looks for a tight free column among the edges it has not looked at
 * yet) and with the columns visited in a round marked, so that no column is explored twice
 * (Pothen and Fan, "Computing the block triangular form of a sparse matrix", 1990). Rounds
 * repeat until one augments nothing: then no free row has a tight augmenting path. A row's
 * tight edges are listed the first time a call visits it, so later rounds read only those (a
 * few of a row's tens of candidates).
 */
/** The part of the solver's state the augmentation reads and changes. */
export interface TightState {
  /** The dual of each column. */
  readonly v: Float64Array;
  readonly rowOfCol: Int32Array;
  /** The entry each row is assigned through, or -1. */
  readonly entryOfRow: Int32Array;
  /** The free rows are `free[0 .. freeCount-1]`. */
  readonly free: Int32Array;
  freeCount: number;
}

export class TightAugmenter {
  /** Row i's tight entries, for the current call, are `tight[start[i] .. tightEnd[i]-1]`. */
  private readonly tight: Int32Array;
  private readonly tightEnd: Int32Array;
  /** The call in which a row's list was made: older lists are stale. */
  private readonly listedIn: Int32Array;
  /** Per row, the position in its list from which to look for a tight free column. */
  private readonly look: Int32Array;
  /** Round number per column: a column is visited at most once per round. */
  private readonly seen: Int32Array;
  private readonly stackRow: Int32Array;
  /** Per stack level, the position in the row's list to go on from. */
  private readonly stackNext: Int32Array;
  /** The columns visited in the current round, `reached[0 .. reachedCount-1]`. */
  private readonly reached: Int32Array;
  private reachedCount = 0;
  /** The edges at the gap found by {@link raise}: entry `gapEntry[k]` of row `gapRow[k]`. */
  private readonly gapEntry: Int32Array;
  private readonly gapRow: Int32Array;
  /** Set by {@link raise}, which brings the lists it keeps up to date itself. */
  private listsCurrent = false;
  private call = 0;
  private round = 0;

  constructor(
    n: number,
    m: number,
    private readonly start: Int32Array,
    private readonly target: Int32Array,
    private readonly cost: Float64Array,
  ) {
    this.tight = new Int32Array(target.length);
    this.tightEnd = new Int32Array(n);
    this.listedIn = new Int32Array(n);
    this.look = new Int32Array(n);
    this.seen = new Int32Array(m);
    this.stackRow = new Int32Array(n);
    this.stackNext = new Int32Array(n);
    this.reached = new Int32Array(m);
    this.gapEntry = new Int32Array(target.length);
    this.gapRow = new Int32Array(target.length);
  }

  /**
   * Augments the assignment along tight paths from the free rows until none is left, and
   * compacts the rows still free to the front of `free`, in their order. Returns how many rows
   * it assigned.
   */
  run(state: TightState): number {
    const { free, freeCount } = state;
    // The duals may have changed since the last call: every list is stale, unless `raise` kept
    // them current.
    if (!this.listsCurrent) this.call++;
    this.listsCurrent = false;
    let count = freeCount;
    for (;;) {
      this.round++;
      this.reachedCount = 0;
      let kept = 0;
      for (let f = 0; f < count; f++) {
        const s = free[f] as number;
        if (!this.augmentFrom(s, state)) free[kept++] = s;
      }
      if (kept === count || kept === 0) {
        state.freeCount = kept;
        return freeCount - kept;
      }
      count = kept;
    }
  }

  /** Lists the tight entries of row `i` (free or assigned) for the current duals. */
  private list(i: number, state: TightState): void {
    const { start, target, cost, tight } = this;
    const { v, entryOfRow } = state;
    const from = start[i] as number;
    const to = start[i + 1] as number;
    const own = entryOfRow[i] as number;
    let u = Number.POSITIVE_INFINITY;
    if (own >= 0) {
      u = (cost[own] as number) - (v[target[own] as number] as number);
    } else {
      for (let e = from; e < to; e++) {
        const h = (cost[e] as number) - (v[target[e] as number] as number);
        if (h < u) u = h;
      }
    }
    let k = from;
    for (let e = from; e < to; e++)
      if ((cost[e] as number) - (v[target[e] as number] as number) === u) tight[k++] = e;
    this.tightEnd[i] = k;
    this.look[i] = from;
    this.listedIn[i] = this.call;
  }

  /** Depth-first search from free row `s` over tight edges; augments and returns true on success. */
  private augmentFrom(s: number, state: TightState): boolean {
    const { start, target, tight, tightEnd, listedIn, look, seen, stackRow, stackNext } = this;
    const { rowOfCol, entryOfRow } = state;
    const round = this.round;
    const call = this.call;
    let top = 0;
    stackRow[0] = s;
    stackNext[0] = start[s] as number;
    let found = -1;
    for (;;) {
      const i = stackRow[top] as number;
      if (listedIn[i] !== call) this.list(i, state);
      const to = tightEnd[i] as number;
      // Lookahead: a tight free column ends the path here.
      let k = look[i] as number;
      while (k < to && (rowOfCol[target[tight[k] as number] as number] as number) >= 0) k++;
      look[i] = k;
      if (k < to) {
        found = tight[k] as number;
        look[i] = k + 1;
        break;
      }
      // Otherwise the first tight assigned column not visited in this round, if any.
      for (k = stackNext[top] as number; k < to; k++)
        if (seen[target[tight[k] as number] as number] !== round) break;
      if (k === to) {
        if (top === 0) return false;
        top--;
        continue;
      }
      const j = target[tight[k] as number] as number;
      seen[j] = round;
      this.reached[this.reachedCount++] = j;
      stackNext[top] = k + 1;
      top++;
      stackRow[top] = rowOfCol[j] as number;
      stackNext[top] = start[stackRow[top] as number] as number;
    }
    // Augment: every row on the stack takes the edge it went on by, the top one the edge to the
    // free column found.
    for (let t = 0; t <= top; t++) {
      const e = t === top ? found : (tight[(stackNext[t] as number) - 1] as number);
      const r = stackRow[t] as number;
      rowOfCol[target[e] as number] = r;
      entryOfRow[r] = e;
    }
    return true;
  }

  /**
   * After {@link run}, when rows are still free: the Hungarian method's dual step. The last
   * round of `run` augmented nothing, so the columns it visited are exactly those reachable from
   * the free rows along tight alternating paths, and their rows the rows reachable. The gap is
   * the smallest reduced cost from a reachable row to any other column; lowering the duals of
   * the reachable columns by it keeps every reduced cost non-negative and those inside the
   * reachable part as they are, and makes the gap edges tight. That is what a Dijkstra search
   * from all free rows at once does when it ends at the gap, without the heap and the per-column
   * distances: only when a free column lies at the gap (so that the next `run` augments) are the
   * duals changed and true returned. The same floating-point expressions as the search's.
   */
  raise(state: TightState): boolean {
    const { start, target, cost, seen, reached, gapEntry, gapRow } = this;
    const { v, rowOfCol, entryOfRow, free, freeCount } = state;
    const round = this.round;
    let gap = Number.POSITIVE_INFINITY;
    let freeAtGap = false;
    let gapCount = 0;
    const count = freeCount + this.reachedCount;
    for (let k = 0; k < count; k++) {
      const i =
        k < freeCount
          ? (free[k] as number)
          : (rowOfCol[reached[k - freeCount] as number] as number);
      const from = start[i] as number;
      const to = start[i + 1] as number;
      const own = entryOfRow[i] as number;
      // u(i): the row's own reduced cost, or for a free row the smallest of them all.
      let u = Number.POSITIVE_INFINITY;
      if (own >= 0) {
        u = (cost[own] as number) - (v[target[own] as number] as number);
      } else {
        for (let e = from; e < to; e++) {
          const h = (cost[e] as number) - (v[target[e] as number] as number);
          if (h < u) u = h;
        }
      }
      for (let e = from; e < to; e++) {
        const j = target[e] as number;
        if (seen[j] === round) continue;
        const d = (cost[e] as number) - (v[j] as number) - u;
        if (d > gap) continue;
        if (d < gap) {
          gap = d;
          freeAtGap = false;
          gapCount = 0;
        }
        if ((rowOfCol[j] as number) < 0) freeAtGap = true;
        gapEntry[gapCount] = e;
        gapRow[gapCount++] = i;
      }
    }
    if (!freeAtGap || gap === Number.POSITIVE_INFINITY) return false;
    for (let k = 0; k < this.reachedCount; k++) {
      const j = reached[k] as number;
      v[j] = (v[j] as number) - gap;
    }
    this.updateLists(state, gapCount);
    return true;
  }

  /**
   * After the dual step, the lists of the reachable assigned rows without reading their rows
   * again: their tight edges stay tight (both ends moved by the gap) and the gap edges become
   * tight. Both are checked with the same comparison as {@link list}, so a list never holds an
   * edge that `list` would leave out (rounding may leave one out that `list` would take: the
   * search the solver falls back on then finds it). Every other row's list is stale.
   */
  private updateLists(state: TightState, gapCount: number): void {
    const { start, target, cost, reached, gapEntry, gapRow, tight, tightEnd, listedIn, look } =
      this;
    const { v, rowOfCol, entryOfRow } = state;
    const call = ++this.call;
    this.listsCurrent = true;
    for (let k = 0; k < this.reachedCount; k++) {
      const i = rowOfCol[reached[k] as number] as number;
      const own = entryOfRow[i] as number;
      const u = (cost[own] as number) - (v[target[own] as number] as number);
      const from = start[i] as number;
      const to = tightEnd[i] as number;
      let kept = from;
      for (let t = from; t < to; t++) {
        const e = tight[t] as number;
        if ((cost[e] as number) - (v[target[e] as number] as number) === u) tight[kept++] = e;
      }
      tightEnd[i] = kept;
      look[i] = from;
      listedIn[i] = call;
    }
    for (let g = 0; g < gapCount; g++) {
      const i = gapRow[g] as number;
      // A free row's list is made again when a search starts from it.
      if (listedIn[i] !== call) continue;
      const e = gapEntry[g] as number;
      const own = entryOfRow[i] as number;
      const u = (cost[own] as number) - (v[target[own] as number] as number);
      if ((cost[e] as number) - (v[target[e] as number] as number) === u) {
        const end = tightEnd[i] as number;
        tight[end] = e;
        tightEnd[i] = end + 1;
      }
    }
  }
}
