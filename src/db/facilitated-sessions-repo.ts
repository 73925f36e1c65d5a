// Facilitated sessions run on this device (docs/facilitating.md), kept in `meta` so a session started and
// ticked with no signal survives a closed tab, and is sent to the server once there is one
// (src/sync/facilitated-sessions.ts). Newest first.
import { db } from './db';
import { readMeta, type StoredFacilitatedSession, writeMeta } from './meta';

/** How many sessions the device keeps: a year of weekly staff meetings and then some. */
const KEEP = 100;

export const facilitatedSessionsRepo = {
  async all(): Promise<StoredFacilitatedSession[]> {
    return (await readMeta(db, 'facilitatedSessions')) ?? [];
  },

  async get(sessionId: string): Promise<StoredFacilitatedSession | undefined> {
    return (await facilitatedSessionsRepo.all()).find((s) => s.sessionId === sessionId);
  },

  /** Adds the session, or changes it with `change`, in one transaction (two tabs never lose a tick). */
  async update(
    sessionId: string,
    change: (current: StoredFacilitatedSession | undefined) => StoredFacilitatedSession,
  ): Promise<StoredFacilitatedSession> {
    return db.transaction('rw', db.meta, async () => {
      const sessions = (await readMeta(db, 'facilitatedSessions')) ?? [];
      const index = sessions.findIndex((s) => s.sessionId === sessionId);
      const next = change(index >= 0 ? sessions[index] : undefined);
      if (index >= 0) sessions[index] = next;
      else sessions.unshift(next);
      await writeMeta(db, 'facilitatedSessions', sessions.slice(0, KEEP));
      return next;
    });
  },
};

/** True when the server has not yet got the session, or not its latest ticked names. */
export function needsSending(session: StoredFacilitatedSession): boolean {
  return !session.code || !sameNames(session.ticked, session.sentTicked ?? []);
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
