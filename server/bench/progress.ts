/** Output helpers of the invitations benchmark: progress lines and rates. */

/** A reporter that prints a line each time `done` passes another multiple of `every`. */
export function progress(label: string, total: number, every = 1000): (done: number) => void {
  let next = every;
  return (done) => {
    if (done < next) return;
    console.log(`  ${label} ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    next = (Math.floor(done / every) + 1) * every;
  };
}

/** Messages per second, from a count and milliseconds. */
export function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}

/** `1,234 msg/s` */
export function rate(perSec: number): string {
  return `${Math.round(perSec).toLocaleString('en')} msg/s`;
}

/** `12.3 s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
