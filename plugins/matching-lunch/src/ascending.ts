/**
 * The numbers of `keys` from the smallest up, produced lazily: each batch is picked out with a
 * quickselect and only that batch is sorted, so a caller that stops after the first few dozen
 * pays about one linear pass instead of a full sort. Reorders `keys` in place.
 */
export function* ascending(keys: Float64Array, firstBatch = 48): Generator<number> {
  let from = 0;
  let batch = firstBatch;
  while (from < keys.length) {
    const to = Math.min(keys.length, from + batch);
    select(keys, from, keys.length - 1, to);
    const sorted = keys.subarray(from, to).sort();
    for (const key of sorted) yield key;
    from = to;
    batch *= 4;
  }
}

/** Moves the `until - from` smallest of `keys[from..last]` to `keys[from..until)` (any order). */
function select(keys: Float64Array, from: number, last: number, until: number): void {
  let [lo, hi] = [from, last];
  const nth = until - 1;
  while (lo < hi) {
    const pivot = keys[(lo + hi) >>> 1] as number;
    let [i, j] = [lo, hi];
    while (i <= j) {
      while ((keys[i] as number) < pivot) i++;
      while ((keys[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = keys[i] as number;
        keys[i++] = keys[j] as number;
        keys[j--] = swap;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}
