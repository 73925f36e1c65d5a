import { useMemo } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog, useCatalogStatus } from '../../lib/stores/catalog-status';
import type { Catalog } from '../../shared/content/content-types';
import { foldProgress, type Progress } from '../../shared/progress/progress';

export type CatalogueView =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; catalog: Catalog; progress: Progress };

export function useCatalogue(): CatalogueView {
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const status = useCatalogStatus();
  const progress = useMemo(() => (events ? foldProgress(events) : undefined), [events]);
  if (catalog === null && status === 'failed') return { state: 'unavailable' };
  if (!catalog || !progress) return { state: 'loading' };
  return { state: 'ready', catalog, progress };
}
