import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { docsRepo } from '../../db/docs-repo';
import { eventsRepo } from '../../db/events-repo';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import { useCatalogStatus } from '../../lib/catalog-status';
import type { Catalog } from '../../shared/content-types';
import { buildCpdRecord, type CpdRecord, type NoteDoc } from '../../shared/cpd-record';

export type RecordView =
  | { state: 'loading' }
  | { state: 'ready'; record: CpdRecord; catalog: Catalog | null };

/** The CPD record from events, the catalogue and reflection notes, all on the device (works offline). */
export function useRecord(): RecordView {
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const notes = useLiveQuery(
    async () => (catalog === undefined ? undefined : reflectionNotes(catalog)),
    [catalog],
  );
  const status = useCatalogStatus();

  return useMemo((): RecordView => {
    if (!events || !notes || catalog === undefined || (catalog === null && status === 'loading')) {
      return { state: 'loading' };
    }
    return { state: 'ready', catalog, record: buildCpdRecord({ events, catalog, notes }) };
  }, [catalog, events, notes, status]);
}

/**
 * Reflection notes of the lessons on this device: the note ids come from each downloaded lesson's reflect
 * blocks (`note:<lessonId>:<blockId>`).
 */
async function reflectionNotes(catalog: Catalog | null): Promise<NoteDoc[]> {
  const notes: NoteDoc[] = [];
  for (const module of catalog?.modules ?? []) {
    for (const entry of module.lessons) {
      const lesson = await lessonsRepo.get(entry.id);
      for (const block of lesson?.blocks ?? []) {
        if (block.type !== 'reflect') continue;
        const id = `note:${lesson?.id}:${block.id}`;
        const doc = await docsRepo.get(id);
        if (doc) notes.push({ id, body: doc.body, updatedAt: doc.updatedAt });
      }
    }
  }
  return notes;
}
