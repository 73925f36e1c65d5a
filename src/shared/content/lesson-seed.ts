// A lesson page rendered at build time carries the data it was rendered from, so the app's first render
// in the browser can produce the same markup and adopt the page (hydration) instead of rebuilding it.

import { type LessonRef, nextLesson } from '../progress/next-lesson';
import type { Catalog, CatalogModule, Lesson } from './content-types';

export type NextStep = { ref: LessonRef; title: string } | null;

export type LessonSeed = { module: CatalogModule; lesson: Lesson; next: NextStep };

/** The id of the `<script type="application/json">` that holds a page's seed. */
export const LESSON_SEED_ID = 'lesson-seed';

/** "Next lesson" with its title, or null at the end of the course (or when the catalogue lacks it). */
export function nextStep(catalog: Catalog, moduleId: string, lessonId: string): NextStep {
  const ref = nextLesson(catalog, moduleId, lessonId);
  const title = ref
    ? catalog.modules.find((m) => m.id === ref.moduleId)?.lessons.find((l) => l.id === ref.lessonId)?.title
    : undefined;
  return ref && title ? { ref, title } : null;
}

/** The seed as a JSON data block; `<` is escaped so no lesson text can close the script element. */
export function seedScript(seed: LessonSeed): string {
  const json = JSON.stringify(seed).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${LESSON_SEED_ID}">${json}</script>`;
}

/** The seed in a data block's text when it is one for `moduleId`/`lessonId`, else null. */
export function parseSeed(text: string, moduleId: string, lessonId: string): LessonSeed | null {
  try {
    const seed = JSON.parse(text) as Partial<LessonSeed>;
    if (seed.module?.id !== moduleId || seed.lesson?.id !== lessonId || seed.lesson.moduleId !== moduleId)
      return null;
    return seed as LessonSeed;
  } catch {
    return null;
  }
}
