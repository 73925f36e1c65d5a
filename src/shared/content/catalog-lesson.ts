import type { CatalogLesson, Lesson, ReflectLog } from './content-types';

/** A lesson's entry in the catalogue: what screens show of it before its module is on the device. */
export function catalogLesson(lesson: Lesson): CatalogLesson {
  const reflectLog: Record<string, ReflectLog> = {};
  for (const block of lesson.blocks)
    if (block.type === 'reflect' && block.log) reflectLog[block.id] = block.log;
  return {
    id: lesson.id,
    title: lesson.title,
    minutes: lesson.minutes,
    objectives: lesson.objectives,
    words: lesson.words,
    hash: lesson.hash,
    sections: lesson.sections,
    checks: lesson.blocks.filter((b) => b.type === 'check').length,
    ...(Object.keys(reflectLog).length > 0 ? { reflectLog } : {}),
  };
}
