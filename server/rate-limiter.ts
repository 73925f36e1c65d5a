// Fixed-window counters kept in this process's memory, with an injectable clock for tests. A
// deployment with several server processes needs a shared store (e.g. PostgreSQL or Redis) instead:
// each process would otherwise allow the full limit on its own (docs/deployment.md).
export type RateLimiter = {
  /** Seconds until `key` may act again, or 0 when it is under its limit. Does not count an attempt. */
  retryAfter: (key: string, limit: number, windowMs: number) => number;
  /** Counts one attempt against `key`. */
  hit: (key: string, windowMs: number) => void;
  reset: (key: string) => void;
};

export function createRateLimiter(clock: () => number, maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, windowMs: number) => {
    const w = windows.get(key);
    return w && clock() - w.start < windowMs ? w : undefined;
  };
  return {
    retryAfter(key, limit, windowMs) {
      const w = current(key, windowMs);
      if (!w || w.count < limit) return 0;
      return Math.max(1, Math.ceil((w.start + windowMs - clock()) / 1000));
    },
    hit(key, windowMs) {
      const w = current(key, windowMs);
      if (w) {
        w.count += 1;
        return;
      }
      // Bounded memory under a flood of distinct keys: drop expired-or-oldest entries first.
      if (windows.size >= maxKeys) {
        const oldest = windows.keys().next().value;
        if (oldest !== undefined) windows.delete(oldest);
      }
      windows.delete(key);
      windows.set(key, { start: clock(), count: 1 });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
