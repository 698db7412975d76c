/**
 * A binary min-heap of integer items keyed by a pair of numbers compared lexicographically
 * (first `high`, then `low`, then the item itself, so that equal keys pop in a fixed order).
 * Stored in typed arrays that grow by doubling; the sparse assignment solver uses it as the
 * priority queue of Dijkstra's algorithm with lazy deletion (stale entries are skipped by the
 * caller), which is why there is no decrease-key; the general matching solver keeps its events
 * in three of them (key, vertex or blossom, edge or epoch) and peeks before it pops.
 */
export class PairHeap {
  private high: Float64Array;
  private low: Float64Array;
  private items: Int32Array;
  private count = 0;
  /** The key of the item returned by the last {@link pop}. */
  poppedHigh = 0;
  /** The key of the item returned by the last {@link pop}. */
  poppedLow = 0;

  constructor(capacity = 64) {
    const size = Math.max(1, capacity);
    this.high = new Float64Array(size);
    this.low = new Float64Array(size);
    this.items = new Int32Array(size);
  }

  clear(): void {
    this.count = 0;
  }

  /** How many entries the heap holds, stale ones included. */
  get size(): number {
    return this.count;
  }

  /** The smallest entry's `high`, without removing it; 0 when empty. */
  topHigh(): number {
    return this.high[0] ?? 0;
  }

  /** The smallest entry's `low`, without removing it; 0 when empty. */
  topLow(): number {
    return this.low[0] ?? 0;
  }

  /** The smallest entry's item, without removing it; 0 when empty. */
  topItem(): number {
    return this.items[0] ?? 0;
  }

  push(high: number, low: number, item: number): void {
    if (this.count === this.items.length) this.grow();
    const { high: hs, low: ls, items } = this;
    // Sift up: move parents down until the new key's place is found, then write it once.
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const ph = hs[parent] as number;
      const pl = ls[parent] as number;
      const pi = items[parent] as number;
      if (ph < high || (ph === high && (pl < low || (pl === low && pi <= item)))) break;
      hs[i] = ph;
      ls[i] = pl;
      items[i] = pi;
      i = parent;
    }
    hs[i] = high;
    ls[i] = low;
    items[i] = item;
  }

  /** Removes and returns the smallest item (its key in {@link poppedHigh}, {@link poppedLow}); -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const { high: hs, low: ls, items } = this;
    const top = items[0] as number;
    this.poppedHigh = hs[0] as number;
    this.poppedLow = ls[0] as number;
    const last = --this.count;
    const h = hs[last] as number;
    const l = ls[last] as number;
    const it = items[last] as number;
    // Sift the former last entry down from the root.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let ch = hs[child] as number;
      let cl = ls[child] as number;
      let ci = items[child] as number;
      const right = child + 1;
      if (right < last) {
        const rh = hs[right] as number;
        const rl = ls[right] as number;
        const ri = items[right] as number;
        if (rh < ch || (rh === ch && (rl < cl || (rl === cl && ri < ci)))) {
          child = right;
          ch = rh;
          cl = rl;
          ci = ri;
        }
      }
      if (h < ch || (h === ch && (l < cl || (l === cl && it <= ci)))) break;
      hs[i] = ch;
      ls[i] = cl;
      items[i] = ci;
      i = child;
    }
    hs[i] = h;
    ls[i] = l;
    items[i] = it;
    return top;
  }

  private grow(): void {
    const size = this.items.length * 2;
    const high = new Float64Array(size);
    const low = new Float64Array(size);
    const items = new Int32Array(size);
    high.set(this.high);
    low.set(this.low);
    items.set(this.items);
    this.high = high;
    this.low = low;
    this.items = items;
  }
}
