// Growing delays for failed sign-ins, kept in the database (table `auth_throttle`) so every server process
// shares them and a restart forgets nothing. A key's failures are counted; past its rule's free tries each
// failure refuses the key for twice as long as the last (up to a cap). Refused attempts are not checked and
// not counted, so a guesser who keeps knocking gains nothing and costs no scrypt time. The model (which keys,
// why the owner still gets in) is in docs/accounts.md.
import { sql } from 'kysely';
import type { Db } from './open-database';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

export type ThrottleRule = {
  /** Failures before any delay. */
  free: number;
  /** The delay after the first failure past `free`; each further failure doubles it. */
  baseMs: number;
  capMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetMs: number;
};

export const throttleRules = {
  /** One address guessing one account: the common case, stopped hard without touching the owner elsewhere. */
  pair: { free: 3, baseMs: 2 * SECOND, capMs: 15 * MINUTE, forgetMs: DAY },
  /** One address guessing many accounts (a password sprayed over a list of emails). */
  address: { free: 20, baseMs: 2 * SECOND, capMs: 15 * MINUTE, forgetMs: DAY },
  /** Every address guessing one account: applies to addresses and devices the account has not used. */
  account: { free: 10, baseMs: 2 * SECOND, capMs: 5 * MINUTE, forgetMs: DAY },
} satisfies Record<string, ThrottleRule>;

/** How long to refuse a key after its `failures`-th failure. Pure, with a table test. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.capMs, rule.baseMs * 2 ** (failures - rule.free));
}

const SWEEP_EVERY_MS = MINUTE;

export type AuthThrottle = ReturnType<typeof createAuthThrottle>;

export function createAuthThrottle(db: Db, clock: () => number) {
  let lastSweep = Number.NEGATIVE_INFINITY;
  const sweep = async (now: number) => {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    await db.kysely.deleteFrom('auth_throttle').where('until', '<=', now).execute();
  };
  return {
    /** The first of `keys` still refused, and the seconds until it is not; undefined when none is. */
    async refused(keys: string[]): Promise<{ key: string; retryAfter: number } | undefined> {
      const now = clock();
      const rows = await db.kysely
        .selectFrom('auth_throttle')
        .select(['key', 'blocked_until'])
        .where('key', 'in', keys)
        .where('blocked_until', '>', now)
        .execute();
      const row = rows.sort((a, b) => Number(b.blocked_until) - Number(a.blocked_until))[0];
      if (!row) return undefined;
      return { key: row.key, retryAfter: Math.max(1, Math.ceil((Number(row.blocked_until) - now) / SECOND)) };
    },
    /** Counts a failure against `key` and refuses it for the rule's delay; returns the failures so far. */
    async fail(key: string, rule: ThrottleRule): Promise<number> {
      const now = clock();
      await sweep(now);
      // One statement on both dialects, atomic across processes: a new row, or one more failure, or a
      // forgotten row started again.
      const { rows } = await sql<{ failures: number }>`
        insert into auth_throttle ("key", failures, blocked_until, "until")
        values (${key}, 1, 0, ${now + rule.forgetMs})
        on conflict ("key") do update set
          failures = case when auth_throttle."until" > ${now} then auth_throttle.failures + 1 else 1 end,
          "until" = ${now + rule.forgetMs}
        returning failures`.execute(db.kysely);
      const failures = Number(rows[0]?.failures ?? 1);
      const delay = delayAfter(rule, failures);
      if (delay > 0) {
        // Never shortens a refusal another process has just made longer.
        await db.kysely
          .updateTable('auth_throttle')
          .set({ blocked_until: now + delay })
          .where('key', '=', key)
          .where('blocked_until', '<', now + delay)
          .execute();
      }
      return failures;
    },
    async clear(key: string): Promise<void> {
      await db.kysely.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },
    /** Marks `key` as present for `ms` (an address the owner signed in from). */
    async remember(key: string, ms: number): Promise<void> {
      const until = clock() + ms;
      await db.kysely
        .insertInto('auth_throttle')
        .values({ key, failures: 0, blocked_until: 0, until })
        .onConflict((oc) => oc.column('key').doUpdateSet({ until }))
        .execute();
    },
    async has(key: string): Promise<boolean> {
      const row = await db.kysely
        .selectFrom('auth_throttle')
        .select('key')
        .where('key', '=', key)
        .where('until', '>', clock())
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
