import { useMemo } from 'react';
import { eventsRepo } from '../../db/events-repo';
import { lessonsRepo } from '../../db/lessons-repo';
import { metaRepo } from '../../db/meta-repo';
import { useLiveQuery } from '../../lib/data/use-live-query';
import { useCatalog, useCatalogStatus } from '../../lib/stores/catalog-status';
import type { CatalogModule } from '../../shared/content/content-types';
import {
  type ConfidenceStage,
  foldConfidence,
  type ModuleConfidence,
} from '../../shared/progress/module-confidence';
import { foldProgress, type Progress } from '../../shared/progress/progress';
import { confidenceStage, skippedKey } from './confidence-stage';

export type ModuleView =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'not-found' }
  | {
      state: 'ready';
      module: CatalogModule;
      progress: Progress;
      /** Lesson id → when a background refresh changed it (for the "Updated" mark). */
      changed: ReadonlyMap<string, string>;
      /** The learner's confidence answers for this module, if any. */
      confidence: ModuleConfidence | undefined;
      /** The confidence question to ask now, if any. */
      confidenceStage: ConfidenceStage | null;
    };

export function useModule(moduleId: string): ModuleView {
  const catalog = useCatalog(useLiveQuery(() => metaRepo.getCatalog(), []));
  const events = useLiveQuery(() => eventsRepo.all(), []);
  const changed = useLiveQuery(() => lessonsRepo.changedIn(moduleId), [moduleId]);
  // Read with the page's other data, so the question is in place with the lessons, never popping in above.
  const skipped = useLiveQuery(async () => (await metaRepo.get('confidenceSkipped')) ?? [], []);
  const status = useCatalogStatus();
  const progress = useMemo(() => (events ? foldProgress(events) : undefined), [events]);
  const confidence = useMemo(
    () => (events ? foldConfidence(events).get(moduleId) : undefined),
    [events, moduleId],
  );
  if (catalog === null && status === 'failed') return { state: 'unavailable' };
  if (!catalog || !progress || !changed || !skipped) return { state: 'loading' };
  const module = catalog.modules.find((m) => m.id === moduleId);
  if (!module) return { state: 'not-found' };
  const stage = confidenceStage(module, progress, confidence, {
    before: skipped.includes(skippedKey(module.id, 'before')),
    after: skipped.includes(skippedKey(module.id, 'after')),
  });
  return { state: 'ready', module, progress, changed, confidence, confidenceStage: stage };
}
