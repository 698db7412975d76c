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
 * one pass over the edges per round: depth-first search from every free row in turn with
 * lookahead (a row first looks for a tight free column among the edges it has not looked at
 * yet) and with the columns visited in a round marked, so that no column is explored twice
 * (Pothen and Fan, "Computing the block triangular form of a sparse matrix", 1990). Rounds
 * repeat until one augments nothing: then no free row has a tight augmenting path.
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
  /** Round number per column: a column is visited at most once per round. */
  private readonly seen: Int32Array;
  /** Per row, the next edge to look at for a tight free column (reset for new duals). */
  private readonly look: Int32Array;
  /** u(s) of each free row, for the current duals. */
  private readonly uFree: Float64Array;
  private readonly stackRow: Int32Array;
  private readonly stackEdge: Int32Array;
  private readonly stackU: Float64Array;
  private round = 0;

  constructor(
    private readonly n: number,
    m: number,
    private readonly start: Int32Array,
    private readonly target: Int32Array,
    private readonly cost: Float64Array,
  ) {
    this.seen = new Int32Array(m);
    this.look = new Int32Array(n);
    this.uFree = new Float64Array(n);
    this.stackRow = new Int32Array(n);
    this.stackEdge = new Int32Array(n);
    this.stackU = new Float64Array(n);
  }

  /**
   * Augments the assignment along tight paths from the free rows until none is left, and
   * compacts the rows still free to the front of `free`, in their order. Returns how many rows
   * it assigned.
   */
  run(state: TightState): number {
    const { start, target, cost, look, uFree } = this;
    const { v, rowOfCol, entryOfRow, free, freeCount } = state;
    // The duals changed since the last call: every row looks at all its edges again.
    look.set(start.subarray(0, this.n));
    for (let f = 0; f < freeCount; f++) {
      const s = free[f] as number;
      let u = Number.POSITIVE_INFINITY;
      const to = start[s + 1] as number;
      for (let e = start[s] as number; e < to; e++) {
        const h = (cost[e] as number) - (v[target[e] as number] as number);
        if (h < u) u = h;
      }
      uFree[s] = u;
    }
    let count = freeCount;
    for (;;) {
      this.round++;
      let kept = 0;
      for (let f = 0; f < count; f++) {
        const s = free[f] as number;
        if (!this.augmentFrom(s, v, rowOfCol, entryOfRow)) free[kept++] = s;
      }
      if (kept === count || kept === 0) {
        state.freeCount = kept;
        return freeCount - kept;
      }
      count = kept;
    }
  }

  /** Depth-first search from free row `s` over tight edges; augments and returns true on success. */
  private augmentFrom(
    s: number,
    v: Float64Array,
    rowOfCol: Int32Array,
    entryOfRow: Int32Array,
  ): boolean {
    const { start, target, cost, look, seen, stackRow, stackEdge, stackU } = this;
    const round = this.round;
    let top = 0;
    stackRow[0] = s;
    stackEdge[0] = start[s] as number;
    stackU[0] = this.uFree[s] as number;
    for (;;) {
      const i = stackRow[top] as number;
      const u = stackU[top] as number;
      const to = start[i + 1] as number;
      // Lookahead: a tight free column ends the path here.
      let e = look[i] as number;
      while (e < to) {
        const j = target[e] as number;
        if ((rowOfCol[j] as number) < 0 && (cost[e] as number) - (v[j] as number) === u) break;
        e++;
      }
      look[i] = e < to ? e + 1 : e;
      if (e < to) {
        stackEdge[top] = e;
        break;
      }
      // Otherwise the first tight assigned column not visited in this round, if any.
      let next = -1;
      for (e = stackEdge[top] as number; e < to; e++) {
        const j = target[e] as number;
        if (seen[j] === round || (rowOfCol[j] as number) < 0) continue;
        if ((cost[e] as number) - (v[j] as number) !== u) continue;
        seen[j] = round;
        next = e;
        break;
      }
      if (next < 0) {
        if (top === 0) return false;
        top--;
        continue;
      }
      stackEdge[top] = next + 1;
      const r = rowOfCol[target[next] as number] as number;
      const own = entryOfRow[r] as number;
      top++;
      stackRow[top] = r;
      stackEdge[top] = start[r] as number;
      stackU[top] = (cost[own] as number) - (v[target[own] as number] as number);
    }
    // Augment: every row on the stack takes the edge it went on by (the top one, the edge to the
    // free column found).
    for (let t = 0; t <= top; t++) {
      const e = t === top ? (stackEdge[t] as number) : (stackEdge[t] as number) - 1;
      const r = stackRow[t] as number;
      rowOfCol[target[e] as number] = r;
      entryOfRow[r] = e;
    }
    return true;
  }
}
