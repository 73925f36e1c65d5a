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

/** The change in the mean rating from before to after, or undefined until both are answered. */
export function confidenceChange(c: ModuleConfidence): number | undefined {
  return c.before && c.after ? c.after.mean - c.before.mean : undefined;
}
