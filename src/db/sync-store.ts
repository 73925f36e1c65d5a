// What the sync engine keeps on the device, all in the one Dexie database: the outbox (events with
// synced 0 and dirty docs), the session, the server's id for this device, the pull cursor and the last
// sync result (all in `meta`). Every change that must not be half-done (a pulled page and its cursor,
// a push's results) is one Dexie transaction; if the tab dies or storage is full, nothing of it is kept
// and the next round redoes it, which is safe because the server answers repeats with `duplicate`.
import type { LearnerEvent } from '../shared/progress/events';
import { learnerEventSchema } from '../shared/progress/events';
import { formatHlc, parseHlc, receiveHlc } from '../shared/progress/hlc';
import type { DocResult, PulledPage, PushResponse, SyncedDoc } from '../shared/protocol/sync-protocol';
import type { MyTeam } from '../shared/protocol/team-protocol';
import type { DocRow, EventRow, PocketDb } from './db';
import {
  deleteMeta,
  readMeta,
  type StoredDevice,
  type StoredSession,
  type StoredSyncResult,
  type TeamRoster,
  writeMeta,
} from './meta';

/** The doc as it was sent in a push, to tell whether it was edited again while the push was in flight. */
export type SentDoc = { body: Record<string, unknown>; updatedAt: string };
/** Merge rules live in src/sync/doc-merge.ts (db never imports sync); the engine passes them in. */
export type SettleDoc = (row: DocRow, sent: SentDoc, result: DocResult) => DocRow;
export type MergePulledDoc = (
  local: DocRow | undefined,
  server: SyncedDoc,
  now: string,
) => DocRow | undefined;

/** An event the server refused for good (`rejected`, `conflict`, or invalid before sending). */
/** `retryAt`: a refusal that ends (a daily quota); the item goes back in the outbox from then on. */
export type SyncRejection = { reason: string; at: string; retryAt?: string };
/**
 * `resend` marks an event already acknowledged once that is being sent again because the server lost it
 * (restored from a backup). It keeps the device id it was recorded with, so it is never re-labelled.
 */
export type SyncEventRow = EventRow & { syncRejected?: SyncRejection; resend?: 1 };
/** A doc refusal holds for the version refused (its updatedAt): the learner's next edit is tried again. */
export type SyncDocRow = DocRow & { syncRejected?: SyncRejection & { updatedAt: string } };

function docRefused(row: SyncDocRow): boolean {
  return row.syncRejected !== undefined && row.syncRejected.updatedAt === row.updatedAt;
}

export type SyncStore = ReturnType<typeof createSyncStore>;

export function createSyncStore(db: PocketDb) {
  async function unsyncedRows(): Promise<SyncEventRow[]> {
    return (await db.events.where('synced').equals(0).toArray()) as SyncEventRow[];
  }

  /**
   * Stamps unsynced events with `deviceId` where they carry another id. A re-send keeps the id it was
   * recorded with (it may be another device's), so it is never re-labelled.
   */
  async function relabel(deviceId: string): Promise<number> {
    return db.events
      .where('synced')
      .equals(0)
      .filter((row) => row.deviceId !== deviceId && !(row as SyncEventRow).resend)
      .modify({ deviceId });
  }

  /** The cursor is dropped: the next pull starts from the beginning. */
  async function resetCursor(): Promise<void> {
    await deleteMeta(db, 'syncCursor');
  }

  return {
    getSession: () => readMeta(db, 'session'),
    /** The learner's teams after a join or a leave (GET /teams), the same list a pull would bring. */
    setTeams: (learnerId: string, teams: MyTeam[]) => writeMeta(db, 'teams', { learnerId, teams }),
    /** A led team's members, as its dashboard gave them, replacing that team's roster kept here. */
    setTeamRoster: async (learnerId: string, roster: TeamRoster) => {
      await db.transaction('rw', db.meta, async () => {
        const stored = await readMeta(db, 'teamRosters');
        const others = stored?.learnerId === learnerId ? stored.rosters : [];
        const rosters = [...others.filter((r) => r.teamId !== roster.teamId), roster];
        await writeMeta(db, 'teamRosters', { learnerId, rosters });
      });
    },
    /**
     * A different learner's last sync and teams say nothing about this one: they are forgotten, not shown.
     * Nor is their choice to put reflections in the CSV this learner's: it starts off again.
     */
    setSession: async (session: StoredSession) => {
      await db.transaction('rw', db.meta, async () => {
        const before = await readMeta(db, 'session');
        const lastLearner = before?.learnerId ?? (await readMeta(db, 'syncDevice'))?.learnerId;
        if (lastLearner !== undefined && lastLearner !== session.learnerId)
          await deleteMeta(db, 'syncResult', 'teams', 'teamRosters', 'recordCsvReflections');
        await writeMeta(db, 'session', session);
      });
    },
    clearSession: async () => {
      await deleteMeta(db, 'session');
    },
    /** The account's name or email changed (in Settings, or read back from the server). */
    updateSessionProfile: async (profile: { name?: string; email?: string }) => {
      await db.transaction('rw', db.meta, async () => {
        const session = await readMeta(db, 'session');
        if (session) await writeMeta(db, 'session', { ...session, ...profile });
      });
    },
    /** After a 401: the queue stays, syncing stops until the learner signs in again. */
    expireSession: async () => {
      await db.transaction('rw', db.meta, async () => {
        const session = await readMeta(db, 'session');
        if (session) {
          const { token: _token, expiresAt: _expiresAt, ...kept } = session;
          await writeMeta(db, 'session', kept);
        }
      });
    },

    getDevice: () => readMeta(db, 'syncDevice'),

    /**
     * Adopts the id the server registered for this device: new events are stamped with it, and unsynced
     * events made before registration (stamped with the locally made id) are re-labelled in the same
     * transaction. They never left the device, so no one has seen the old label.
     */
    adoptDevice: async (device: StoredDevice) => {
      await db.transaction('rw', db.meta, db.events, async () => {
        await writeMeta(db, 'syncDevice', device);
        await writeMeta(db, 'deviceId', device.deviceId);
        await relabel(device.deviceId);
      });
    },

    /** Re-labels unsynced events a tab stamped with a stale device id (it read meta before adoptDevice). */
    relabelStrays: relabel,

    /**
     * The server has lost data this device already had acknowledged (409 server_behind): every event it
     * holds goes back in the outbox, marked as a re-send, and every doc becomes dirty, in one transaction.
     * The server answers what it still has as `duplicate` and stores the rest again.
     */
    markAllForResend: async () => {
      await db.transaction('rw', db.events, db.docs, db.meta, async () => {
        await db.events
          .where('synced')
          .equals(1)
          .modify((row) => {
            row.synced = 0;
            delete row.syncedAt;
            (row as SyncEventRow).resend = 1;
          });
        await db.docs.filter((row) => row.dirty !== 1).modify({ dirty: 1 });
        await resetCursor();
      });
    },

    /** Unsynced, not refused events in deviceSeq order (or refused until a time now past), and dirty docs not refused. */
    outbox: async (now: string) => {
      const events = (await unsyncedRows())
        .filter(
          (row) =>
            !row.syncRejected || (row.syncRejected.retryAt !== undefined && row.syncRejected.retryAt <= now),
        )
        .sort((a, b) => a.deviceSeq - b.deviceSeq);
      const docs = ((await db.docs.where('dirty').equals(1).toArray()) as SyncDocRow[]).filter(
        (row) => !docRefused(row),
      );
      return { events, docs: docs as DocRow[] };
    },

    /** Marks events (by id) and docs (by `doc:` + id) as refused for good, with the reason to show. */
    markRefused: async (items: { id: string; reason: string; retryAt?: string }[], now: string) => {
      if (items.length === 0) return;
      await db.transaction('rw', db.events, db.docs, async () => {
        for (const { id, reason, retryAt } of items) {
          const rejection: SyncRejection = retryAt ? { reason, at: now, retryAt } : { reason, at: now };
          if (id.startsWith('doc:')) {
            await db.docs
              .where('id')
              .equals(id.slice(4))
              .modify((row) => {
                (row as SyncDocRow).syncRejected = { ...rejection, updatedAt: row.updatedAt };
              });
          } else {
            await db.events
              .where('id')
              .equals(id)
              .modify((row) => {
                (row as SyncEventRow).syncRejected = rejection;
              });
          }
        }
      });
    },

    /** Applies a push answer in one transaction; returns how many outbox items it settled. */
    applyPushResult: async (
      response: PushResponse,
      sentDocs: Map<string, SentDoc>,
      now: string,
      settleDoc: SettleDoc,
    ) =>
      db.transaction('rw', db.events, db.docs, async () => {
        let settled = 0;
        for (const result of response.results) {
          const row = (await db.events.get(result.id)) as SyncEventRow | undefined;
          if (!row || row.synced === 1) continue;
          settled += 1;
          if (result.status === 'acked' || result.status === 'duplicate') {
            const { resend: _resend, syncRejected: _refusedUntil, ...settledRow } = row;
            await db.events.put({ ...settledRow, synced: 1, syncedAt: now });
          } else {
            const reason =
              result.reason ??
              (result.status === 'conflict'
                ? 'The server already holds a different record with this id.'
                : 'The server refused this record.');
            await db.events.put({ ...row, syncRejected: { reason, at: now } } as SyncEventRow);
          }
        }
        for (const result of response.docs) {
          const sent = sentDocs.get(result.id);
          const row = await db.docs.get(result.id);
          if (!sent || !row) continue;
          settled += 1;
          await db.docs.put(settleDoc(row, sent, result));
        }
        return settled;
      }),

    /** The cursor the server no longer understands (e.g. after a restore): pull again from the start. */
    resetCursor,
    /** The server no longer knows this device (403 unknown_device): register again on the next round. */
    forgetDevice: async () => {
      await deleteMeta(db, 'syncDevice');
    },

    getCursor: async (learnerId: string) => {
      const stored = await readMeta(db, 'syncCursor');
      return stored?.learnerId === learnerId ? stored.cursor : undefined;
    },

    /**
     * One pulled page and its cursor, together or not at all: events are added when absent (a local
     * event is never overwritten), docs merge by the rules in doc-merge.ts.
     */
    applyPulledPage: async (learnerId: string, page: PulledPage, now: string, mergeDoc: MergePulledDoc) =>
      db.transaction('rw', db.events, db.docs, db.meta, async () => {
        const incoming = page.events.flatMap((event): LearnerEvent[] => {
          const parsed = learnerEventSchema.safeParse(event);
          return parsed.success ? [parsed.data] : [];
        });
        const existing = await db.events.bulkGet(incoming.map((event) => event.id));
        const fresh = incoming
          .filter((_, i) => existing[i] === undefined)
          .map((event): EventRow => ({ ...event, synced: 1, syncedAt: now }));
        // Dedupe within the page too, so bulkAdd cannot fail on a repeated id.
        const unique = [...new Map(fresh.map((row) => [row.id, row])).values()];
        await db.events.bulkAdd(unique);
        // Move this device's clock past what other devices recorded, so its next event orders after
        // them even when its wall clock is behind (reading position is last-writer-wins by hlc).
        const newest = unique.reduce<string | undefined>(
          (max, row) => (!max || row.hlc > max ? row.hlc : max),
          undefined,
        );
        const localHlc = await readMeta(db, 'hlc');
        if (newest && (!localHlc || newest >= localHlc)) {
          const node = (await readMeta(db, 'deviceId')) ?? parseHlc(localHlc ?? newest).node;
          const next = receiveHlc(
            localHlc ? parseHlc(localHlc) : null,
            parseHlc(newest),
            Date.parse(now),
            node,
          );
          await writeMeta(db, 'hlc', formatHlc(next));
        }
        const locals = await db.docs.bulkGet(page.docs.map((doc) => doc.id));
        const changed = page.docs.flatMap((doc, i) => {
          const next = mergeDoc(locals[i], doc, now);
          return next ? [next] : [];
        });
        await db.docs.bulkPut(changed);
        await writeMeta(db, 'syncCursor', { learnerId, cursor: page.nextCursor });
        // Only the last page carries the teams, the whole list; absent means no news, so keep what is here.
        if (page.teams) await writeMeta(db, 'teams', { learnerId, teams: page.teams });
        return { events: unique.length, docs: changed.length };
      }),

    /** What the status shows: items waiting, items refused (with reasons), docs in conflict. */
    counts: async () => {
      const unsynced = await unsyncedRows();
      const dirty = (await db.docs.where('dirty').equals(1).toArray()) as SyncDocRow[];
      const rejected = [
        ...unsynced.flatMap((row) =>
          row.syncRejected ? [{ id: row.id, reason: row.syncRejected.reason }] : [],
        ),
        ...dirty.flatMap((row) =>
          row.syncRejected && docRefused(row)
            ? [{ id: `doc:${row.id}`, reason: row.syncRejected.reason }]
            : [],
        ),
      ];
      const waiting =
        unsynced.filter((row) => !row.syncRejected).length +
        dirty.filter((row) => !docRefused(row) && !row.conflict).length;
      const conflicts = await db.docs.filter((row) => row.conflict !== undefined).count();
      return { waiting, rejected, conflicts };
    },

    getSyncResult: async () => (await readMeta(db, 'syncResult')) ?? {},
    setSyncResult: async (result: StoredSyncResult) => {
      await writeMeta(db, 'syncResult', result);
    },
  };
}
