import type { CatalogModule } from '../../shared/content/content-types';
import type { ConfidenceStage, ModuleConfidence } from '../../shared/progress/module-confidence';
import type { Progress } from '../../shared/progress/progress';

export type SkippedStages = { before: boolean; after: boolean };

/**
 * Which confidence question the module page asks now, if any: "before" until a lesson is opened, "after"
 * once every lesson is complete; never one already answered or skipped, never for a module without
 * statements. It is only ever a question on the module page, so learning is never held up by it.
 */
export function confidenceStage(
  module: CatalogModule,
  progress: Progress,
  confidence: ModuleConfidence | undefined,
  skipped: SkippedStages,
): ConfidenceStage | null {
  if (!module.confidence?.length || module.lessons.length === 0) return null;
  const allDone = module.lessons.every((l) => progress.get(l.id)?.completed);
  if (allDone) return confidence?.after || skipped.after ? null : 'after';
  const started = module.lessons.some((l) => {
    const p = progress.get(l.id);
    return p?.firstOpenedAt !== undefined || p?.completed;
  });
  return started || confidence?.before || skipped.before ? null : 'before';
}

/** The lesson a stage's answer is recorded against: the first lesson before, the last one after. */
export function confidenceLessonId(module: CatalogModule, stage: ConfidenceStage): string {
  const lessons = module.lessons;
  return (stage === 'before' ? lessons[0] : lessons[lessons.length - 1])?.id ?? module.id;
}

export const skippedKey = (moduleId: string, stage: ConfidenceStage) => `${moduleId}:${stage}`;
