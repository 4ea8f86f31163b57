/**
 * Counts every public method call on the fake services, by `Class.method`, so tests and the
 * bench can show that the number of Spreadsheet calls does not grow with the data.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** Records one call of `name` (e.g. `Range.setValues`). */
  hit(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Calls of one method so far. */
  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Sum of all calls, or of the calls whose name starts with one of `prefixes`. */
  total(prefixes?: string[]): number {
    let sum = 0;
    for (const [name, n] of this.counts) {
      if (!prefixes || prefixes.some((p) => name.startsWith(p))) sum += n;
    }
    return sum;
  }

  /** Every count, sorted by name: stable for snapshots and printing. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of [...this.counts.keys()].sort()) out[name] = this.counts.get(name) ?? 0;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}

/**
 * Wraps `target` so that each call of a method from its class (not fields, not names starting
 * with `_`) is counted as `className.method`. Calls the fake makes internally go through the
 * unwrapped object and are not counted: only what the code under test calls is.
 */
export function counted<T extends object>(target: T, className: string, counter: CallCounter): T {
  const wrapped = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== "function" || typeof prop !== "string" || prop.startsWith("_") || prop === "constructor") {
        return value;
      }
      if (Object.prototype.hasOwnProperty.call(obj, prop)) return value;
      let fn = wrapped.get(prop);
      if (!fn) {
        const method = value as (...args: unknown[]) => unknown;
        fn = (...args: unknown[]) => {
          counter.hit(`${className}.${prop}`);
          const result = method.apply(obj, args);
          // chained calls (`range.setValues(…).setBackgrounds(…)`) must stay counted
          return result === obj ? proxy : result;
        };
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
  return proxy;
}
