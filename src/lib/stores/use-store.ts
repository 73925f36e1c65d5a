import { useSyncExternalStore } from 'react';
import type { Store } from './store';

/** A store's value; every change renders at once (React's `useSyncExternalStore`). */
export function useStore<T>(store: Pick<Store<T>, 'get' | 'subscribe'>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
