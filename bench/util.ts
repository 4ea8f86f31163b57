/** Small timing helpers shared by the benches. */
import { performance } from "node:perf_hooks";

/** Median wall time in ms of `fn` over `runs` runs (after one warm-up). */
export function medianMs(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Fastest of `runs` timed runs of `fn` (after one warm-up), each started on a collected heap
 * (as each Apps Script execution starts fresh; needs --expose-gc), so one run's garbage is
 * not billed to the next. On a shared machine the fastest run is the cost of the code itself:
 * the others were descheduled. Growth ratios compare the same call at every size.
 */
export function bestMs(fn: () => unknown, runs: number): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Peak heap growth in MB while running `fn` once (sampled; needs --expose-gc for a clean start). */
export function peakHeapMb(fn: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 1);
  fn();
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(timer);
  return (peak - before) / 1e6;
}

/** Target lines missed so far in this run (every line whose target text says MISSED). */
const missed: string[] = [];

/**
 * Prints one figure. A target text containing `MISSED` (write it with `verdict`) is also
 * recorded, so `npm run bench -- --check` can fail the run when any target is missed.
 */
export function row(label: string, value: string, target = ""): void {
  console.log(`${label.padEnd(58)} ${value.padStart(14)}  ${target}`);
  if (/\bMISSED\b/.test(target)) missed.push(`${label.trim()}: ${value.trim()} (${target.trim()})`);
}

/** `met` or `MISSED`, for a target line's text. */
export function verdict(ok: boolean): string {
  return ok ? "met" : "MISSED";
}

/** The target lines missed so far, in the order they were printed. */
export function missedTargets(): readonly string[] {
  return missed;
}

/**
 * CPU milliseconds (user + system) spent in `fn`: on a machine shared with other jobs, wall
 * time mostly measures the queue for a core; CPU time measures the work.
 */
export function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The middle value of `xs` (the upper one of the two for an even count). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
