import { useMemo } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useCatalog, useCatalogStatus } from '../../lib/catalog-status';
import { useLiveQuery } from '../../lib/use-live-query';
import type { Catalog } from '../../shared/content-types';
import { foldProgress, type Progress } from '../../shared/progress';

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
