// The app's one sync engine, loaded on demand. The engine and zod live in their own chunk, so the first
// screen never waits for them: the app shell calls `startIfSignedIn()` after the first render, and the
// account screens call `load()`. A learner without an account never loads it unless they open "Back up and
// sync". Until it is loaded the status reads null and the UI shows nothing; writes made before that need no
// signal, because the engine's first round pushes whatever waits.
import { metaRepo } from '../db/meta-repo';
import type { SessionPreview } from '../shared/session-protocol';
import type { SendOutcome, SessionCallResult } from './facilitated-sessions';
import type { RemindersStatus, TurnOnResult } from './reminders';
import type { SyncHandle } from './start-sync';
import type { SyncStatus } from './sync-status';

let loading: Promise<SyncHandle> | undefined;
let handle: SyncHandle | undefined;
let generation = 0;
let current: SyncStatus | null = null;
let unsubscribe: () => void = () => undefined;
const listeners = new Set<() => void>();

function publish(next: SyncStatus | null): void {
  current = next;
  for (const listener of [...listeners]) listener();
}

export const appSync = {
  /** Loads and starts the engine once; every call returns the same handle. */
  load(): Promise<SyncHandle> {
    const mine = generation;
    loading ??= import('./start-sync')
      .then(async ({ startSync }) => {
        const started = startSync();
        await started.ready;
        if (mine !== generation) {
          started.stop();
          throw new Error('Sync was reset while it was starting.');
        }
        handle = started;
        unsubscribe = started.status.subscribe(publish);
        publish(started.status.get());
        return started;
      })
      .catch((error: unknown) => {
        // A chunk that failed to load (offline before the service worker cached it) may load next time.
        if (mine === generation) loading = undefined;
        throw error;
      });
    return loading;
  },

  /** At app start: only a device with an account (or one paused by a 401) needs the engine now. */
  async startIfSignedIn(): Promise<void> {
    if (!(await metaRepo.get('session'))) return;
    const started = await appSync.load();
    // Attendance ticked with no signal goes up at the next start with one (its failures wait for the next).
    void started.sessions.sendPending().catch(() => undefined);
  },

  /**
   * Push reminders for this device, through the engine's api client and stored session. Without an account
   * the answer is 'signed-out' and the engine is not loaded.
   */
  reminders: {
    async status(): Promise<RemindersStatus> {
      if (!(await metaRepo.get('session'))) return 'signed-out';
      return (await appSync.load()).reminders.status();
    },
    turnOn: async (): Promise<TurnOnResult> => (await appSync.load()).reminders.turnOn(),
    turnOff: async (): Promise<void> => (await appSync.load()).reminders.turnOff(),
  },

  /** Facilitated sessions, through the engine's api client; 'signed-out' without loading it when there is no account. */
  sessions: {
    async sendPending(): Promise<SendOutcome[] | 'signed-out'> {
      if (!(await metaRepo.get('session'))) return 'signed-out';
      return (await appSync.load()).sessions.sendPending();
    },
    async refreshAttendance(sessionId: string): Promise<void> {
      if (await metaRepo.get('session')) await (await appSync.load()).sessions.refreshAttendance(sessionId);
    },
    async preview(code: string): Promise<SessionCallResult<SessionPreview>> {
      if (!(await metaRepo.get('session'))) return { ok: false, failure: 'signed-out' };
      return (await appSync.load()).sessions.preview(code);
    },
    async attend(code: string): Promise<SessionCallResult<SessionPreview>> {
      if (!(await metaRepo.get('session'))) return { ok: false, failure: 'signed-out' };
      return (await appSync.load()).sessions.attend(code);
    },
  },

  status: {
    get: (): SyncStatus | null => current,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  },

  /** For tests: stops the engine, waits for its round to end and forgets it. */
  async reset(): Promise<void> {
    generation += 1;
    const stopping = handle;
    handle = undefined;
    loading = undefined;
    unsubscribe();
    unsubscribe = () => undefined;
    stopping?.stop();
    await stopping?.whenSettled();
    publish(null);
  },
};
