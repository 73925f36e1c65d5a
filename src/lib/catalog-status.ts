// Whether this session managed to fetch the course catalogue, and the copy it fetched. Screens read the
// catalogue from Dexie, but show the fetched copy as soon as it arrives: on a first visit that saves
// waiting for it to be written and read back, and a copy that could not be stored (a full disk) still shows.
import { useSyncExternalStore } from 'react';
import type { Catalog } from '../shared/content-types';

export type CatalogStatus = 'loading' | 'ready' | 'failed';

let status: CatalogStatus = 'loading';
let fetched: Catalog | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

export const catalogStatus = {
  set(next: CatalogStatus): void {
    status = next;
    notify();
  },
  /** A catalogue just fetched from the network: the newest this session knows. */
  received(catalog: Catalog): void {
    fetched = catalog;
    notify();
  },
  get: (): CatalogStatus => status,
  fetched: (): Catalog | null => fetched,
  /** Back to a fresh app start (component tests share one module instance). */
  reset(): void {
    status = 'loading';
    fetched = null;
    notify();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useCatalogStatus(): CatalogStatus {
  return useSyncExternalStore(catalogStatus.subscribe, catalogStatus.get, catalogStatus.get);
}

/**
 * The catalogue to show: the copy fetched this session once there is one, else `stored` (Dexie's copy,
 * read by the caller with useLiveQuery: undefined while reading, null when the device has none).
 */
export function useCatalog(stored: Catalog | null | undefined): Catalog | null | undefined {
  return useFetchedCatalog() ?? stored;
}

/** The catalogue fetched this session, or null until it has arrived. */
export function useFetchedCatalog(): Catalog | null {
  return useSyncExternalStore(catalogStatus.subscribe, catalogStatus.fetched, catalogStatus.fetched);
}
