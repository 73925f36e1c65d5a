// The seed of a lesson page rendered at build time (src/shared/content/lesson-seed.ts): given to the app by
// main.tsx when it adopts such a page, and by the build when it renders one.
import { createContext } from 'react';
import { lessonAddress } from '../../shared/content/lesson-address';
import { LESSON_SEED_ID, type LessonSeed, parseSeed } from '../../shared/content/lesson-seed';

export const LessonSeedContext = createContext<LessonSeed | null>(null);

/** The seed the page at `pathname` was rendered with, or null for any page the build did not render. */
export function readLessonSeed(document: Document, pathname: string): LessonSeed | null {
  const address = lessonAddress(pathname);
  // By element and type too: a lesson's own heading could carry the same id.
  const text = document.querySelector(`script[type="application/json"]#${LESSON_SEED_ID}`)?.textContent;
  return address && text ? parseSeed(text, address.moduleId, address.lessonId) : null;
}
