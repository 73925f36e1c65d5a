// The hourly purge (docs/privacy.md): ended sessions, reset links past their expiry, and devices that
// have not synced for DEVICE_IDLE_DAYS are deleted, so the server keeps nothing longer than it is of use.
// A leader's reset code loses its hash at its expiry, and its record goes after LEADER_RESET_RECORD_DAYS.
// A purged device that comes back is told `unknown_device` and registers again, keeping its unsent items.
import { LEADER_RESET_RECORD_DAYS } from '../src/shared/protocol/leader-reset-protocol';
import type { Logger } from './logger';
import type { Db } from './open-database';

export const PURGE_EVERY_MS = 60 * 60 * 1000;
export const DEFAULT_DEVICE_IDLE_MS = 395 * 24 * 60 * 60 * 1000;

export type PurgeSummary = {
  sessions: number;
  resetLinks: number;
  devices: number;
  /** Leaders' reset-code records deleted (expired codes losing their hash are not counted). */
  leaderCodeRecords: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeExpired(
  db: Db,
  now: number,
  deviceIdleMs = DEFAULT_DEVICE_IDLE_MS,
): Promise<PurgeSummary> {
  const sessions = await db.kysely.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  const resetLinks = await db.kysely
    .deleteFrom('password_resets')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  const devices = await db.kysely
    .deleteFrom('devices')
    .where('last_used_at', '<', now - deviceIdleMs)
    .where('created_at', '<', now - deviceIdleMs)
    .executeTakeFirst();
  await db.kysely
    .updateTable('leader_reset_codes')
    .set({ code_hash: null })
    .where('expires_at', '<=', now)
    .where('code_hash', 'is not', null)
    .execute();
  const leaderCodeRecords = await db.kysely
    .deleteFrom('leader_reset_codes')
    .where('created_at', '<', now - LEADER_RESET_RECORD_DAYS * DAY_MS)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    resetLinks: Number(resetLinks.numDeletedRows),
    devices: Number(devices.numDeletedRows),
    leaderCodeRecords: Number(leaderCodeRecords.numDeletedRows),
  };
}

/** Runs the purge now and then every hour until the returned stop is called; a failed run is logged and retried next hour. */
export function startPurgeScheduler(
  { db, logger, deviceIdleMs }: { db: Db; logger: Logger; deviceIdleMs?: number },
  everyMs = PURGE_EVERY_MS,
  clock: () => number = Date.now,
): () => void {
  const run = () => {
    purgeExpired(db, clock(), deviceIdleMs).then(
      (summary) => logger.info('purge', summary),
      (error: unknown) =>
        logger.warn('purge failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
