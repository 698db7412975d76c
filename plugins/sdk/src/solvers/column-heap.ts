/**
 * A binary min-heap of the columns 0 .. size-1, each at most once, keyed by a caller-owned
 * array of distances (`key[column]`; ties go to the smaller column, so equal inputs pop in a
 * fixed order). {@link update} inserts a column or moves it up after its key decreased, so
 * Dijkstra's algorithm pops each column once instead of skipping stale duplicates: on the
 * sparse assignment searches that halves the pops and the heap's depth.
 */
export class ColumnHeap {
  private readonly items: Int32Array;
  /** The heap slot of each column, -1 when it is not in the heap. */
  private readonly slot: Int32Array;
  private count = 0;

  constructor(
    size: number,
    private readonly key: Float64Array,
  ) {
    this.items = new Int32Array(size);
    this.slot = new Int32Array(size).fill(-1);
  }

  /**
   * Empties the heap in time proportional to what it held, setting the key of every column it
   * held back to +Infinity (the "unreached" distance of the solver's searches).
   */
  clear(): void {
    const { items, slot, key } = this;
    for (let i = 0; i < this.count; i++) {
      const column = items[i] as number;
      slot[column] = -1;
      key[column] = Number.POSITIVE_INFINITY;
    }
    this.count = 0;
  }

  /** Inserts `column`, or restores the order after its key was lowered. */
  update(column: number): void {
    const { items, slot, key } = this;
    let i = slot[column] as number;
    if (i < 0) i = this.count++;
    const k = key[column] as number;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as number;
      const pk = key[p] as number;
      if (pk < k || (pk === k && p < column)) break;
      items[i] = p;
      slot[p] = i;
      i = parent;
    }
    items[i] = column;
    slot[column] = i;
  }

  /** Removes and returns the column of smallest key; -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const { items, slot, key } = this;
    const top = items[0] as number;
    slot[top] = -1;
    const last = --this.count;
    if (last === 0) return top;
    const it = items[last] as number;
    const k = key[it] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let c = items[child] as number;
      let ck = key[c] as number;
      const right = child + 1;
      if (right < last) {
        const r = items[right] as number;
        const rk = key[r] as number;
        if (rk < ck || (rk === ck && r < c)) {
          child = right;
          c = r;
          ck = rk;
        }
      }
      if (k < ck || (k === ck && it < c)) break;
      items[i] = c;
      slot[c] = i;
      i = child;
    }
    items[i] = it;
    slot[it] = i;
    return top;
  }
}
