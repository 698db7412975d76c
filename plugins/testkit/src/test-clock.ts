/**
 * Where a {@link TestClock} starts unless told otherwise: Monday 5 January 2026, 09:00 UTC —
 * a working morning, so office-hours logic behaves as on a normal day.
 */
export const TEST_CLOCK_START = '2026-01-05T09:00:00.000Z';

/** A clock that stands still until a test moves it. */
export interface TestClock {
  /** The current time (a new Date each call, so callers cannot move the clock by mutating it). */
  now(): Date;
  /** Jumps to a moment, forwards or back. */
  set(moment: Date | string | number): void;
  /**
   * Moves forward by some milliseconds.
   *
   * @throws RangeError for a negative or non-finite amount; use {@link TestClock.set} to go back.
   */
  advance(ms: number): void;
}

/**
 * Makes a {@link TestClock}.
 *
 * @param start - the first moment; {@link TEST_CLOCK_START} when omitted.
 * @throws RangeError when `start` is not a valid date.
 */
export function createTestClock(start: Date | string | number = TEST_CLOCK_START): TestClock {
  let current = toTime(start);
  return {
    now: () => new Date(current),
    set: (moment) => {
      current = toTime(moment);
    },
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError(`advance needs a finite, non-negative number of ms, got ${ms}`);
      current += ms;
    },
  };
}

function toTime(moment: Date | string | number): number {
  const time = new Date(moment).getTime();
  if (Number.isNaN(time)) throw new RangeError(`not a valid date: ${String(moment)}`);
  return time;
}
