// Which downloaded modules a newer catalogue has changed: those are refreshed in the background. Pure.
import type { Catalog, CatalogModule } from '../shared/content/content-types';

export type HeldDownload = { id: string; downloadedHash?: string };

/** Catalogue modules held on the device under a different hash. A module gone from the course is kept. */
export function staleDownloads(catalog: Catalog, held: readonly HeldDownload[]): CatalogModule[] {
  const hashes = new Map(held.map((h) => [h.id, h.downloadedHash]));
  return catalog.modules.filter((m) => {
    const hash = hashes.get(m.id);
    return hash !== undefined && hash !== m.hash;
  });
}
