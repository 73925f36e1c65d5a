// A learner's confidence per module, folded from `confidence-rated` events: the latest answer at each
// stage counts, so answering again (on this or another device) replaces the earlier answer.
import type { EventOf, LearnerEvent } from './events';
import { liveEvents } from './live-events';

export type ConfidenceStage = 'before' | 'after';
export type ConfidenceRating = { statement: string; rating: number };
export type ConfidenceAnswer = { ratings: ConfidenceRating[]; at: string; mean: number };
export type ModuleConfidence = { before?: ConfidenceAnswer; after?: ConfidenceAnswer };

/** The five points of the scale, from 1 to 5, as the learner reads them. */
export const CONFIDENCE_SCALE = [
  'Not at all confident',
  'Slightly confident',
  'Fairly confident',
  'Confident',
  'Very confident',
] as const;

export function foldConfidence(events: readonly LearnerEvent[]): ReadonlyMap<string, ModuleConfidence> {
  const byModule = new Map<string, ModuleConfidence>();
  for (const event of liveEvents(events)) {
    if (event.type !== 'confidence-rated') continue;
    const { moduleId, stage, ratings } = (event as EventOf<'confidence-rated'>).payload;
    const entry = byModule.get(moduleId) ?? {};
    entry[stage] = {
      ratings: ratings.map((r) => ({ statement: r.statement, rating: r.rating })),
      at: event.at,
      mean: ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length,
    };
    byModule.set(moduleId, entry);
  }
  return byModule;
}

/**
 * The change from before to after on the five-point scale, or undefined until both are answered. When
 * the two answers share statements (the usual case) only those are compared, so a statement skipped at
 * one stage does not move the figure; otherwise the two means are compared.
 */
export function confidenceChange(c: ModuleConfidence): number | undefined {
  if (!c.before || !c.after) return undefined;
  const before = new Map(c.before.ratings.map((r) => [r.statement, r.rating]));
  const shared = c.after.ratings.filter((r) => before.has(r.statement));
  if (shared.length === 0) return c.after.mean - c.before.mean;
  const sum = shared.reduce((n, r) => n + r.rating - (before.get(r.statement) ?? 0), 0);
  return sum / shared.length;
}
