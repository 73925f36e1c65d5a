import type { CatalogLesson, Lesson } from './content-types';

/** A lesson's entry in the catalogue: what screens show of it before its module is on the device. */
export function catalogLesson(lesson: Lesson): CatalogLesson {
  return {
    id: lesson.id,
    title: lesson.title,
    minutes: lesson.minutes,
    objectives: lesson.objectives,
    words: lesson.words,
    hash: lesson.hash,
    sections: lesson.sections,
    checks: lesson.blocks.filter((b) => b.type === 'check').length,
  };
}
