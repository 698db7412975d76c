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

/** Wall-clock milliseconds, and the CPU milliseconds this process spent in them. */
export interface Elapsed {
  ms: number;
  cpuMs: number;
}

/** Starts timing; the function returned reads the time since. */
export function stopwatch(): () => Elapsed {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (user + system) / 1000 };
  };
}

/**
 * `1.23 ms CPU/msg`: on a machine shared with other work the rates swing with the load, while
 * this shows what each path costs the benchmark's process (the sink's and PostgreSQL's CPU are
 * not in it).
 */
export function cpuPerMessage(count: number, { cpuMs }: Elapsed): string {
  return `${(cpuMs / count).toFixed(2)} ms CPU/msg`;
}
