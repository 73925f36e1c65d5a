import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { metaRepo } from '../../db/meta-repo';
import { useCatalogStatus } from '../../lib/catalog-status';
import { foldProgress } from '../../shared/progress';

export type RecordRow = {
  lessonId: string;
  moduleId?: string;
  lessonTitle: string;
  moduleTitle: string;
  completedAt: string;
  minutes: number;
  msSpent: number;
};

export type RecordView = { state: 'loading' } | { state: 'ready'; rows: RecordRow[] };

/** Completed lessons, newest first; a lesson no longer in the course still counts, under its id. */
export function useRecord(): RecordView {
  const catalog = useLiveQuery(() => metaRepo.getCatalog(), []);
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const status = useCatalogStatus();
  const progress = useMemo(() => (events ? foldProgress(events) : undefined), [events]);

  return useMemo((): RecordView => {
    if (!progress || catalog === undefined || (catalog === null && status === 'loading')) {
      return { state: 'loading' };
    }
    const rows: RecordRow[] = [];
    for (const p of progress.values()) {
      if (!p.completed || !p.completedAt) continue;
      const module = catalog?.modules.find((m) => m.lessons.some((l) => l.id === p.lessonId));
      const lesson = module?.lessons.find((l) => l.id === p.lessonId);
      rows.push({
        lessonId: p.lessonId,
        moduleId: module?.id,
        lessonTitle: lesson?.title ?? p.lessonId,
        moduleTitle: module?.title ?? 'No longer in the course',
        completedAt: p.completedAt,
        minutes: lesson?.minutes ?? 0,
        msSpent: p.msSpent,
      });
    }
    rows.sort((a, b) => (a.completedAt < b.completedAt ? 1 : -1));
    return { state: 'ready', rows };
  }, [catalog, progress, status]);
}
