/**
 * Input checks shared by the solvers. They run before any work so that a caller's mistake
 * surfaces as a `RangeError` (or a `TypeError` for a wrong array type) naming the function,
 * the argument and the offending value, instead of as a wrong answer or an endless loop.
 */

/**
 * The largest size (rows, columns, vertices) a solver accepts. Solvers store indices in
 * `Int32Array`s and the sparse one numbers its implicit dummy columns after the real ones, so
 * two sizes together must still fit below 2³¹.
 */
export const MAX_SIZE = 2 ** 30;

/** Throws unless `value` is an integer from 0 to {@link MAX_SIZE}. */
export function checkSize(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_SIZE)
    throw new RangeError(`${fn}: ${name} must be an integer from 0 to ${MAX_SIZE}, got ${value}`);
}

/** Throws a `TypeError` unless `value` is a `Float64Array`. */
export function checkFloat64Array(fn: string, name: string, value: unknown): void {
  if (!(value instanceof Float64Array))
    throw new TypeError(`${fn}: ${name} must be a Float64Array`);
}

/** Throws a `TypeError` unless `value` is an `Int32Array`. */
export function checkInt32Array(fn: string, name: string, value: unknown): void {
  if (!(value instanceof Int32Array)) throw new TypeError(`${fn}: ${name} must be an Int32Array`);
}

/** Throws unless `array` has `expected` entries; `what` explains the expectation. */
export function checkLength(
  fn: string,
  name: string,
  array: ArrayLike<number>,
  expected: number,
  what: string,
): void {
  if (array.length !== expected)
    throw new RangeError(
      `${fn}: ${name} has length ${array.length}, expected ${what} = ${expected}`,
    );
}

/**
 * Throws on a `+Infinity` weight. It cannot be optimised against (every finite total loses to
 * it, and two of them tie), so it is refused rather than given a meaning; `NaN` and `-Infinity`
 * are allowed and mean "forbidden".
 */
export function checkWeights(fn: string, name: string, weights: Float64Array): void {
  const at = weights.indexOf(Number.POSITIVE_INFINITY);
  if (at >= 0)
    throw new RangeError(
      `${fn}: ${name}[${at}] is +Infinity; use a finite weight, or NaN or -Infinity to forbid the pair`,
    );
}

/** Throws unless every entry of `indices` lies in `[0, limit)`. */
export function checkIndices(
  fn: string,
  name: string,
  indices: Int32Array,
  limit: number,
  limitName: string,
): void {
  for (let i = 0; i < indices.length; i++) {
    const value = indices[i] ?? -1;
    if (value < 0 || value >= limit) throw indexError(fn, name, indices, i, limit, limitName);
  }
}

/** The error of {@link checkIndices} for `indices[i]`, for solvers that check while they read. */
export function indexError(
  fn: string,
  name: string,
  indices: Int32Array,
  i: number,
  limit: number,
  limitName: string,
): RangeError {
  return new RangeError(
    `${fn}: ${name}[${i}] is ${indices[i]}, outside 0 .. ${limitName} - 1 = ${limit - 1}`,
  );
}

/** True for the weights that forbid a pair: `NaN` and `-Infinity`. */
export function isForbidden(weight: number): boolean {
  // `!(weight > -Infinity)` is true exactly for NaN and -Infinity (+Infinity is refused earlier).
  return !(weight > Number.NEGATIVE_INFINITY);
}
