// The app's one sync engine, loaded on demand. The engine and zod live in their own chunk, so the first
// screen never waits for them: the app shell calls `startIfSignedIn()` after the first render, and the
// account screens call `load()`. A learner without an account never loads it unless they open "Back up and
// sync". Until it is loaded the status reads null and the UI shows nothing; writes made before that need no
// signal, because the engine's first round pushes whatever waits.
import { metaRepo } from '../db/meta-repo';
import { createStore } from '../lib/stores/store';
import type { MyCertificate } from '../shared/protocol/certificate-protocol';
import type { StartSessionRequest, TickedMember } from '../shared/protocol/session-protocol';
import type { CertificateResult } from './certificates';
import type { SessionCallResult, SessionCalls } from './facilitated-sessions';
import type { RemindersStatus, TurnOnResult } from './reminders';
import type { SyncHandle } from './start-sync';
import type { SyncStatus } from './sync-status';

let loading: Promise<SyncHandle> | undefined;
let handle: SyncHandle | undefined;
let generation = 0;
let unsubscribe: () => void = () => undefined;

/** Stops the engine, waits for its round to end and forgets it. */
async function stopEngine(): Promise<void> {
  generation += 1;
  const stopping = handle;
  handle = undefined;
  loading = undefined;
  unsubscribe();
  unsubscribe = () => undefined;
  stopping?.stop();
  await stopping?.whenSettled();
}

/** Null until the engine is loaded. A reset stops the engine. */
const status = createStore<SyncStatus | null>(null, stopEngine);

function publish(next: SyncStatus | null): void {
  status.set(next);
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

  /**
   * Before another person on a shared device takes over: nothing of this person is sent or written once
   * this resolves. The page then opens afresh, and sync starts for the new person's account.
   */
  async stop(): Promise<void> {
    await stopEngine();
    status.set(null);
  },

  /** At app start: only a device with an account (or one paused by a 401) needs the engine now. */
  async startIfSignedIn(): Promise<void> {
    if (await metaRepo.get('session')) await appSync.load();
  },

  /**
   * Push reminders for this device, through the engine's api client and stored session. Without an account
   * the answer is 'signed-out' and the engine is not loaded.
   */
  reminders: {
    status: (): Promise<RemindersStatus> =>
      whenSignedIn('signed-out' as const, (engine) => engine.reminders.status()),
    turnOn: async (): Promise<TurnOnResult> => (await appSync.load()).reminders.turnOn(),
    turnOff: async (): Promise<void> => (await appSync.load()).reminders.turnOff(),
  },

  /** Verified certificates; without an account the answer is 'signed-out' and the engine is not loaded. */
  certificates: {
    mine: (): Promise<CertificateResult<MyCertificate[]>> =>
      whenSignedIn({ ok: false, reason: 'signed-out' } as const, (engine) => engine.certificates.mine()),
    issue: async (moduleId: string): Promise<CertificateResult<MyCertificate>> =>
      (await appSync.load()).certificates.issue(moduleId),
    revoke: async (id: string): Promise<CertificateResult<MyCertificate>> =>
      (await appSync.load()).certificates.revoke(id),
  },

  /**
   * Facilitated sessions, through the engine's api client. Without an account each answers 'signed-out'
   * and the engine is not loaded.
   */
  sessions: {
    start: (body: StartSessionRequest) => viaSessions((calls) => calls.start(body)),
    attendance: (sessionId: string) => viaSessions((calls) => calls.attendance(sessionId)),
    putTicked: (sessionId: string, names: readonly string[], members: readonly TickedMember[]) =>
      viaSessions((calls) => calls.putTicked(sessionId, names, members)),
    preview: (code: string) => viaSessions((calls) => calls.preview(code)),
    attend: (code: string) => viaSessions((calls) => calls.attend(code)),
  },

  status: { get: status.get, subscribe: status.subscribe },
};

/**
 * Runs `run` on the engine when this device holds a session token. Without one (never signed in, or paused
 * by a 401) there is nothing to ask the server: the answer is `signedOut` and the engine is not loaded.
 */
async function whenSignedIn<T, S>(signedOut: S, run: (engine: SyncHandle) => Promise<T>): Promise<T | S> {
  if (!(await metaRepo.get('session'))?.token) return signedOut;
  return run(await appSync.load());
}

const viaSessions = <T>(run: (calls: SessionCalls) => Promise<SessionCallResult<T>>) =>
  whenSignedIn({ ok: false, failure: 'signed-out' } as const, (engine) => run(engine.sessions));
