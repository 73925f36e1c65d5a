// One shape for the app's module-level state (the catalogue's status, failed saves, the install prompt,
// downloads, sync status, settings): a value, its listeners, and a way back to a fresh start. React reads
// any of them through `useStore` (src/lib/stores/use-store.ts) or, for changes that may wait their turn,
// `useStoreValue`. Every store registers its reset here, so the test set-up calls one `resetStores()` and
// a new store cannot be forgotten there. No React here: db/ and sync/ use it too.

/** `urgent`: the learner's own action, to render at once; anything else may render as a transition. */
export type StoreListener = (urgent: boolean) => void;

export type Store<T> = {
  get(): T;
  set(next: T, options?: { urgent?: boolean }): void;
  subscribe(listener: StoreListener): () => void;
};

const resets = new Set<() => void | Promise<void>>();

/**
 * A store starting at `initial`. `onReset` puts back what lives beside the value (running jobs, a database
 * watch); the value itself returns to `initial` after it, and listeners hear of it.
 */
export function createStore<T>(initial: T, onReset?: () => void | Promise<void>): Store<T> {
  let value = initial;
  const listeners = new Set<StoreListener>();
  const store: Store<T> = {
    get: () => value,
    set(next, { urgent = false } = {}) {
      value = next;
      for (const listener of [...listeners]) listener(urgent);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  resets.add(async () => {
    await onReset?.();
    store.set(initial, { urgent: true });
  });
  return store;
}

/** Every store back to its first value, as at a fresh app start (component tests share one module instance). */
export async function resetStores(): Promise<void> {
  for (const reset of resets) await reset();
}
