// Whether this session managed to fetch the course catalogue. Screens read the catalogue from Dexie; this
// only tells them, when Dexie has none yet, whether to keep waiting or to say the course cannot load.
import { useSyncExternalStore } from 'react';

export type CatalogStatus = 'loading' | 'ready' | 'failed';

let status: CatalogStatus = 'loading';
const listeners = new Set<() => void>();

export const catalogStatus = {
  set(next: CatalogStatus): void {
    status = next;
    for (const listener of listeners) listener();
  },
  get: (): CatalogStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCatalogStatus(): CatalogStatus {
  return useSyncExternalStore(catalogStatus.subscribe, catalogStatus.get, catalogStatus.get);
}
