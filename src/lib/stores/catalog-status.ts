// Whether this session managed to fetch the course catalogue, and the copy it fetched. Screens read the
// catalogue from Dexie, but show the fetched copy as soon as it arrives: on a first visit that saves
// waiting for it to be written and read back, and a copy that could not be stored (a full disk) still shows.
import type { Catalog } from '../../shared/content/content-types';
import { createStore } from './store';
import { useStore } from './use-store';

export type CatalogStatus = 'loading' | 'ready' | 'failed';

const status = createStore<CatalogStatus>('loading');
const fetched = createStore<Catalog | null>(null);

export const catalogStatus = {
  set: (next: CatalogStatus): void => status.set(next),
  /** A catalogue just fetched from the network: the newest this session knows. */
  received: (catalog: Catalog): void => fetched.set(catalog),
  get: (): CatalogStatus => status.get(),
};

export function useCatalogStatus(): CatalogStatus {
  return useStore(status);
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
  return useStore(fetched);
}
