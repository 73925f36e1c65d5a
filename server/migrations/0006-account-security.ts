// Sign-in throttling (server/auth-throttle.ts): one row per throttled key (an account, an address, an
// account at an address, or an address the account signed in from), with the failures counted, the time
// before which the key is refused, and `until`, when the row stops mattering and may be swept.
import type { Kysely, Migration } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: Kysely's documented type for migration functions.
type AnyDb = Kysely<any>;

export const accountSecurity: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('auth_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('blocked_until', 'bigint', (c) => c.notNull())
      .addColumn('until', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('auth_throttle_until').on('auth_throttle').column('until').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('auth_throttle').execute();
  },
};
