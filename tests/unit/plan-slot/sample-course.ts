// A small catalogue for the planner and record tests: three modules, six lessons of known minutes and
// section counts, and one role pathway (teaching assistants start with their own module).
import type { Catalog, CatalogLesson, CatalogModule } from '../../../src/shared/content/content-types';
import type { LessonProgress, Progress } from '../../../src/shared/progress/progress';

function lesson(id: string, minutes: number, sections: number): CatalogLesson {
  return {
    id,
    title: `Lesson ${id}`,
    minutes,
    objectives: ['An objective'],
    words: minutes * 200,
    hash: `hash-${id}`,
    sections: Array.from({ length: sections }, (_, i) => ({ id: `${id}-s${i}`, title: `Section ${i}` })),
    checks: 1,
  };
}

function module(id: string, order: number, lessons: CatalogLesson[]): CatalogModule {
  return {
    id,
    title: `Module ${id}`,
    summary: 'A summary',
    audiences: ['all'],
    areas: ['whole-school'],
    order,
    hash: `hash-${id}`,
    bytes: 1000,
    file: `modules/${id}.hash.json`,
    lessons,
  };
}

export const catalog: Catalog = {
  version: 'v1',
  // Listed out of order on purpose: the catalogue order is `order`, not the array order.
  modules: [
    module('early-years', 3, [lesson('e1', 7, 2)]),
    module('foundations', 1, [lesson('f1', 5, 3), lesson('f2', 4, 2), lesson('f3', 6, 3)]),
    module('ta', 2, [lesson('t1', 3, 1), lesson('t2', 8, 4)]),
  ],
  pathways: [{ role: 'ta', title: 'Teaching assistants', modules: ['ta', 'foundations'] }],
};

export const ALL_LESSONS = ['f1', 'f2', 'f3', 't1', 't2', 'e1'];

/** Progress for the named lessons; anything not given is a lesson never opened. */
export function progressOf(entries: Record<string, Partial<LessonProgress>>): Progress {
  const map = new Map<string, LessonProgress>();
  for (const [lessonId, partial] of Object.entries(entries)) {
    map.set(lessonId, {
      lessonId,
      completed: false,
      furthestSection: -1,
      checks: {},
      msSpent: 0,
      firstOpenedAt: '2026-11-01T09:00:00.000Z',
      ...partial,
    });
  }
  return map;
}

export const allDone = progressOf(
  Object.fromEntries(ALL_LESSONS.map((id) => [id, { completed: true, completedAt: '2026-11-02T09:00:00Z' }])),
);
