import { useMemo } from 'react';
import { docsRepo } from '../../db/docs-repo';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog, useCatalogStatus } from '../../lib/stores/catalog-status';
import type { Catalog } from '../../shared/content/content-types';
import { buildCpdRecord, type CpdRecord, type NoteDoc } from '../../shared/progress/cpd-record';

export type RecordView =
  | { state: 'loading' }
  | { state: 'ready'; record: CpdRecord; catalog: Catalog | null };

/** The CPD record from events, the catalogue and reflection notes, all on the device (works offline). */
export function useRecord(): RecordView {
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const notes = useLiveQuery(() => reflectionNotes(), []);
  const status = useCatalogStatus();

  return useMemo((): RecordView => {
    if (!events || !notes || catalog === undefined || (catalog === null && status === 'loading')) {
      return { state: 'loading' };
    }
    return { state: 'ready', catalog, record: buildCpdRecord({ events, catalog, notes }) };
  }, [catalog, events, notes, status]);
}

/**
 * Every reflection note on this device (`note:<lessonId>:<blockId>`), including notes synced from another
 * device for lessons this one has not downloaded.
 */
async function reflectionNotes(): Promise<NoteDoc[]> {
  const docs = await docsRepo.withPrefix('note:');
  return docs.map((doc) => ({ id: doc.id, body: doc.body, updatedAt: doc.updatedAt }));
}
