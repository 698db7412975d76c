/**
 * A whole number from the environment, at least 1, or `fallback` when unset. Anything else
 * ends the benchmark with one line naming the variable, before it builds anything: a typo in
 * `BENCH_PAIRS=1O00` must not run a season of NaN pairs.
 */
export function countSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= 1) return value;
  console.error(`${name} must be a whole number of at least 1, not "${raw}".`);
  process.exit(1);
}
