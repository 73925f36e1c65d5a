// One simulated device: the real sync engine and sync store over its OWN fake IndexedDB (a separate
// IDBFactory, as a separate browser would have), with its own skewed clock and a fault-injecting
// transport. "Killing" it closes the database under whatever it was doing and rebuilds the engine from
// what was stored, as a closed tab or a crashed phone does.
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createApiClient } from '../../../src/api/api-client';
import { type DocRow, type EventRow, PocketDb } from '../../../src/db/db';
import { createDocsRepo } from '../../../src/db/docs-repo';
import { createSyncStore, type SyncStore } from '../../../src/db/sync-store';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { formatHlc, parseHlc, tickHlc } from '../../../src/shared/progress/hlc';
import { type AccountActions, createAccountActions } from '../../../src/sync/account-actions';
import { createReminders } from '../../../src/sync/reminders';
import { createSyncEngine, type SyncEngine } from '../../../src/sync/sync-engine';
import type { Timers } from '../../../src/sync/timers';
import { createFaultTransport, type FaultTransport, type NetworkLog } from './fault-transport';
import type { SeededRandom } from './seeded-random';

type Server = { request: (path: string, init: RequestInit) => Response | Promise<Response> };

/** Timers on the device's own clock (world time + skew) that fire only when the world moves time on. */
type DeviceTimers = Timers & { fireDue: () => void };

function deviceTimers(now: () => number): DeviceTimers {
  let nextId = 1;
  const waiting = new Map<number, { at: number; run: () => void }>();
  return {
    now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      waiting.set(id, { at: now() + ms, run });
      return id;
    },
    clearTimeout: (handle) => {
      waiting.delete(handle as number);
    },
    fireDue: () => {
      for (const [id, timer] of [...waiting.entries()].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now()) continue;
        waiting.delete(id);
        timer.run();
      }
    },
  };
}

/** A PocketDb on the given IDBFactory: Dexie reads its dependencies when the instance is constructed. */
export function openPocketDb(factory: IDBFactory): PocketDb {
  const deps = Dexie.dependencies;
  const saved = { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange };
  deps.indexedDB = factory;
  deps.IDBKeyRange = IDBKeyRange;
  try {
    return new PocketDb('pocket-cpd');
  } finally {
    deps.indexedDB = saved.indexedDB;
    deps.IDBKeyRange = saved.IDBKeyRange;
  }
}

export type Credentials = { email: string; password: string };

const LESSONS = ['foundations-what-send-means', 'foundations-graduated-approach', 'semh-calm-corners'];
export const NOTE_IDS = ['note:foundations-what-send-means:my-pupil', 'note:semh-calm-corners:plan'];

export type SimDevice = {
  name: string;
  credentials: Credentials;
  skewMs: number;
  /** The device's clock jumps (a wrong time zone, a dead clock battery). */
  setSkew: (ms: number) => void;
  /** Another tab of the same browser: a second database connection on this device's IndexedDB. */
  openTab: () => PocketDb;
  /** A plain Dexie on this device's IndexedDB, e.g. one written by an older app version. */
  openRaw: (name: string) => Dexie;
  db: () => PocketDb;
  store: () => SyncStore;
  engine: () => SyncEngine;
  account: () => AccountActions;
  transport: FaultTransport;
  /** Ids of every event this device recorded (committed to its database). */
  created: Set<string>;
  /** Every note text fragment this device typed, per note id. */
  typed: Map<string, Set<string>>;
  kills: number;
  fireTimers: () => void;
  /** Rounds started by the test or by timers, across incarnations; awaited before checking anything. */
  inFlight: Set<Promise<unknown>>;
  syncNow: () => Promise<unknown>;
  record: (count: number) => Promise<void>;
  editNote: (noteId: string) => Promise<void>;
  resolveConflicts: () => Promise<number>;
  signIn: () => Promise<boolean>;
  kill: () => void;
  /** The browser clears this site's storage (or the learner does): the device starts from nothing. */
  wipe: () => Promise<void>;
  settled: () => Promise<void>;
};

export function createSimDevice(options: {
  name: string;
  credentials: Credentials;
  skewMs: number;
  worldNow: () => number;
  server: Server;
  random: SeededRandom;
  log: NetworkLog;
  batchSize?: number;
  pullLimit?: number;
}): SimDevice {
  const { name, credentials, worldNow, random } = options;
  let skewMs = options.skewMs;
  const factory = new IDBFactory();
  const now = () => worldNow() + skewMs;
  const inFlight = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    const guarded = promise.catch(() => undefined);
    inFlight.add(guarded);
    void guarded.finally(() => inFlight.delete(guarded));
    return guarded;
  };

  let db: PocketDb;
  let store: SyncStore;
  let engine: SyncEngine;
  let account: AccountActions;
  let timers: DeviceTimers;
  let typedCount = 0;
  const engines: SyncEngine[] = [];

  const transport = createFaultTransport({
    server: options.server,
    random,
    log: options.log,
    kill: () => device.kill(),
  });
  // As start-sync wires it: the api client's one 401 path drops the token and refreshes the running engine.
  const api = createApiClient({
    baseUrl: '',
    fetch: transport.fetch,
    onUnauthorized: async () => {
      await store.expireSession();
      await engine.refreshStatus();
    },
  });

  function boot(): void {
    db = openPocketDb(factory);
    store = createSyncStore(db);
    timers = deviceTimers(now);
    const incarnation = createSyncEngine({
      store,
      api,
      timers,
      random: random.next,
      deviceName: name,
      backoff: { baseMs: 1_000, maxMs: 10 * 60_000 },
      // Small pages and batches so a run crosses many page and batch boundaries.
      batchSize: options.batchSize ?? random.int(3, 40),
      pullLimit: options.pullLimit ?? random.int(2, 25),
      writeDebounceMs: 1_500,
    });
    engine = incarnation;
    engines.push(incarnation);
    account = createAccountActions(
      api,
      store,
      () => void track(incarnation.syncNow()),
      createReminders(api, store),
    );
  }

  /** What src/db/events-repo.ts does, over this device's database and clock. */
  async function recordOne(id: string): Promise<void> {
    const at = new Date(now());
    const lessonId = random.pick(LESSONS);
    const made = random.uuid();
    const voidable = random.chance(0.1) ? (await db.events.toArray()).map((e) => e.id) : [];
    await db.transaction('rw', db.events, db.meta, async () => {
      let deviceId = (await db.meta.get('deviceId'))?.value as string | undefined;
      if (!deviceId) {
        deviceId = made;
        await db.meta.put({ key: 'deviceId', value: deviceId });
      }
      const deviceSeq = (((await db.meta.get('deviceSeq'))?.value as number | undefined) ?? 0) + 1;
      const lastHlc = (await db.meta.get('hlc'))?.value as string | undefined;
      const hlc = formatHlc(tickHlc(lastHlc ? parseHlc(lastHlc) : null, at.getTime(), deviceId));
      const base = { id, deviceId, deviceSeq, at: at.toISOString(), hlc, lessonId };
      const answer = { checkId: `check-${random.int(1, 3)}`, optionIds: ['a'], correct: random.chance(0.5) };
      const kinds: LearnerEvent[] = [
        { ...base, type: 'lesson-opened', payload: {} },
        {
          ...base,
          type: 'section-reached',
          payload: { sectionId: `s${deviceSeq}`, index: random.int(0, 9) },
        },
        { ...base, type: 'check-answered', payload: answer },
        { ...base, type: 'lesson-completed', payload: {} },
        { ...base, type: 'time-spent', payload: { intervalId: random.uuid(), ms: random.int(0, 600_000) } },
        { ...base, type: 'refresher-answered', payload: answer },
      ];
      const target = voidable.length > 0 ? random.pick(voidable) : undefined;
      const event: LearnerEvent = target
        ? { ...base, type: 'voided', payload: { eventId: target } }
        : random.pick(kinds);
      const row: EventRow = { ...event, synced: 0 };
      await db.events.add(row);
      await db.meta.bulkPut([
        { key: 'deviceSeq', value: deviceSeq },
        { key: 'hlc', value: hlc },
      ]);
    });
  }

  /** Runs a write; when the device was killed under it, the write counts only if it was committed. */
  async function write(run: () => Promise<void>, committed: () => Promise<boolean>): Promise<boolean> {
    const incarnation = db;
    try {
      await run();
      return true;
    } catch (error) {
      // Only a kill during the write excuses a failure (IndexedDB reports it as closed, or as a
      // transaction that ended early); any other failure is a finding.
      if (db === incarnation) throw error;
      return committed();
    }
  }

  const device: SimDevice = {
    name,
    credentials,
    get skewMs() {
      return skewMs;
    },
    setSkew: (ms) => {
      skewMs = ms;
    },
    openTab: () => openPocketDb(factory),
    openRaw: (dbName) => new Dexie(dbName, { indexedDB: factory, IDBKeyRange }),
    db: () => db,
    store: () => store,
    engine: () => engine,
    account: () => account,
    transport,
    created: new Set(),
    typed: new Map(),
    kills: 0,
    inFlight,
    fireTimers: () => timers.fireDue(),
    syncNow: () => track(engine.syncNow()),
    record: async (count) => {
      for (let i = 0; i < count; i += 1) {
        const id = random.uuid();
        if (
          await write(
            () => recordOne(id),
            async () => (await db.events.get(id)) !== undefined,
          )
        )
          device.created.add(id);
      }
      engine.notifyWrite();
    },
    /** What the note editor does: the learner adds a line to what they see; docs-repo stores it dirty. */
    editNote: async (noteId) => {
      typedCount += 1;
      const line = `${name}#${typedCount}`;
      const edit = () =>
        db.transaction('rw', db.docs, async () => {
          const current = await db.docs.get(noteId);
          const text = typeof current?.body.text === 'string' ? current.body.text : '';
          const row: DocRow = {
            id: noteId,
            body: { text: text ? `${text}\n${line}` : line },
            rev: current?.rev ?? 0,
            dirty: 1,
            updatedAt: new Date(now()).toISOString(),
          };
          if (current?.conflict) row.conflict = current.conflict;
          await db.docs.put(row);
        });
      const stored = async () =>
        String((await db.docs.get(noteId))?.body.text ?? '')
          .split('\n')
          .includes(line);
      if (!(await write(edit, stored))) return;
      const typed = device.typed.get(noteId) ?? new Set<string>();
      typed.add(line);
      device.typed.set(noteId, typed);
      engine.notifyWrite();
    },
    /** The learner keeps both versions of every note in conflict: the lines of each, merged. */
    resolveConflicts: async () => {
      let resolved = 0;
      const resolve = async () => {
        const rows = await db.docs.filter((row) => row.conflict !== undefined).toArray();
        for (const row of rows) {
          const lines = (body: Record<string, unknown>) =>
            typeof body.text === 'string' && body.text ? body.text.split('\n') : [];
          const merged = [...new Set([...lines(row.body), ...lines(row.conflict?.body ?? {})])];
          await createDocsRepo(db).resolveConflict(row.id, { text: merged.join('\n') }, new Date(now()));
          resolved += 1;
        }
      };
      // Killed half-way: the learner resolves what is left on the next visit.
      await write(resolve, async () => false);
      if (resolved > 0) engine.notifyWrite();
      return resolved;
    },
    signIn: async () => (await account.signIn(credentials)).ok,
    kill: () => {
      device.kills += 1;
      engine.stop();
      db.close();
      boot();
    },
    wipe: async () => {
      engine.stop();
      await engine.whenSettled();
      await db.delete();
      boot();
    },
    settled: async () => {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      for (const each of engines) await each.whenSettled();
    },
  };
  boot();
  return device;
}
