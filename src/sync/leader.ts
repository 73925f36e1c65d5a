// One tab syncs at a time: the leader holds a Web Lock for as long as it lives; when it closes, the
// browser hands the lock to the next waiting tab. Without Web Locks (old browsers) every tab syncs,
// which is safe — the server answers repeats with `duplicate` — only wasteful.

export type LockManagerLike = {
  request: (name: string, options: { signal?: AbortSignal }, run: () => Promise<void>) => Promise<unknown>;
};

export type Leadership = {
  /** Resolves once this tab leads; never resolves for a tab that is released before it got the lock. */
  led: Promise<void>;
  release: () => void;
};

export const SYNC_LOCK_NAME = 'pocket-cpd-sync';

export function acquireLeadership(locks: LockManagerLike | undefined, name = SYNC_LOCK_NAME): Leadership {
  if (!locks) return { led: Promise.resolve(), release: () => undefined };
  const abort = new AbortController();
  let releaseLock: () => void = () => undefined;
  let becameLeader: () => void = () => undefined;
  const led = new Promise<void>((resolve) => {
    becameLeader = resolve;
  });
  const held = new Promise<void>((resolve) => {
    releaseLock = resolve;
  });
  locks
    .request(name, { signal: abort.signal }, async () => {
      becameLeader();
      await held;
    })
    // An abort while still waiting for the lock rejects; that is the expected way out for a follower.
    .catch(() => undefined);
  return {
    led,
    release: () => {
      abort.abort();
      releaseLock();
    },
  };
}
