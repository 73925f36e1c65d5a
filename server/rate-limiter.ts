// Fixed-window counters in the database (table `rate_limits`), so every server process behind a load
// balancer shares them and a restart forgets nothing. One row per key: the window's start, the attempts
// counted in it and `until`, when the row stops mattering (the window's end). Nothing is ever evicted to
// make room: a flood of new addresses adds rows but cannot push out another key's window. Rows past
// `until` are swept at most once a minute per process, so the table holds only live windows.
import { sql } from 'kysely';
import type { Db } from './open-database';

export type RateLimiter = {
  /**
   * The attempts counted in `key`'s live window (0 when there is none) and the seconds until `key` may
   * act again (0 when it is under `limit`). Does not count an attempt.
   */
  peek: (key: string, limit: number) => Promise<{ count: number; retryAfter: number }>;
  /**
   * Counts one attempt against `key` (starting a new window of `windowMs` when the last one is over),
   * atomically across processes. Returns the attempts in the window, this one included, and the
   * seconds until the window ends.
   */
  hit: (key: string, windowMs: number) => Promise<{ count: number; retryAfter: number }>;
  reset: (key: string) => Promise<void>;
};

const SWEEP_EVERY_MS = 60_000;

const secondsUntil = (until: number, now: number) => Math.max(1, Math.ceil((until - now) / 1000));

export function createRateLimiter(db: Db, clock: () => number): RateLimiter {
  let lastSweep = Number.NEGATIVE_INFINITY;
  /** Deletes every row whose window is over. */
  const sweep = async () => {
    await db.kysely.deleteFrom('rate_limits').where('until', '<=', clock()).execute();
  };
  return {
    async peek(key, limit) {
      const now = clock();
      const row = await db.kysely
        .selectFrom('rate_limits')
        .select(['count', 'until'])
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row || Number(row.until) <= now) return { count: 0, retryAfter: 0 };
      const count = Number(row.count);
      return { count, retryAfter: count < limit ? 0 : secondsUntil(Number(row.until), now) };
    },
    async hit(key, windowMs) {
      const now = clock();
      if (now - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now;
        await sweep();
      }
      // One statement on both dialects: a new row, or the live window counted up, or a finished
      // window restarted. Two processes hitting one key at once both land here; the row lock decides.
      const { rows } = await sql<{ count: number; until: number }>`
        insert into rate_limits ("key", window_start, "count", "until")
        values (${key}, ${now}, 1, ${now + windowMs})
        on conflict ("key") do update set
          "count" = case when rate_limits."until" > ${now} then rate_limits."count" + 1 else 1 end,
          window_start = case when rate_limits."until" > ${now} then rate_limits.window_start else ${now} end,
          "until" = case when rate_limits."until" > ${now} then rate_limits."until" else ${now + windowMs} end
        returning "count", "until"`.execute(db.kysely);
      const row = rows[0];
      if (!row) throw new Error('rate limit upsert returned no row');
      return { count: Number(row.count), retryAfter: secondsUntil(Number(row.until), now) };
    },
    async reset(key) {
      await db.kysely.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}
