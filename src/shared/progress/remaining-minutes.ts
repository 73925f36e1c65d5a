import type { CatalogLesson } from '../content/content-types';
import type { LessonProgress } from './progress';

/**
 * Whole minutes a learner still needs for a lesson, estimated by the share of sections not yet read:
 * `minutes × unread sections ÷ sections`, rounded up. The catalogue keeps a word count per lesson but not
 * per section, so sections are the finest measure available before the lesson is downloaded.
 *
 * The furthest section reached counts as unread (reaching a section means it came into view, not that it
 * was read to the end), so a learner who only opened a lesson still needs all of it. A lesson read to its
 * last section but not completed still needs at least a minute (its checks and the "complete" step).
 */
export function remainingMinutes(lesson: CatalogLesson, progress: LessonProgress | undefined): number {
  if (progress?.completed) return 0;
  const sections = lesson.sections.length;
  if (sections === 0 || !progress) return lesson.minutes;
  const unread = sections - Math.min(Math.max(progress.furthestSection, 0), sections - 1);
  return Math.max(1, Math.ceil((lesson.minutes * unread) / sections));
}
