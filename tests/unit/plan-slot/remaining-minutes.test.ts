import { describe, expect, it } from 'vitest';
import type { LessonProgress } from '../../../src/shared/progress/progress';
import { remainingMinutes } from '../../../src/shared/progress/remaining-minutes';
import { catalog, progressOf } from './sample-course';

const lessons = new Map(catalog.modules.flatMap((m) => m.lessons).map((l) => [l.id, l]));

const cases: { name: string; lessonId: string; progress?: Partial<LessonProgress>; expected: number }[] = [
  { name: 'never opened: the whole lesson', lessonId: 'f1', expected: 5 },
  { name: 'opened, no section reached: the whole lesson', lessonId: 'f1', progress: {}, expected: 5 },
  {
    name: 'section 0 reached: it is still being read',
    lessonId: 'f1',
    progress: { furthestSection: 0 },
    expected: 5,
  },
  {
    name: 'two of three sections left, rounded up',
    lessonId: 'f1',
    progress: { furthestSection: 1 },
    expected: 4,
  },
  { name: 'at the last of four sections', lessonId: 't2', progress: { furthestSection: 3 }, expected: 2 },
  {
    name: 'a reported index past the end counts as the last',
    lessonId: 't1',
    progress: { furthestSection: 7 },
    expected: 3,
  },
  { name: 'completed: nothing left', lessonId: 't2', progress: { completed: true }, expected: 0 },
];

describe('remainingMinutes', () => {
  it.each(cases)('$name', ({ lessonId, progress, expected }) => {
    const lesson = lessons.get(lessonId);
    if (!lesson) throw new Error(`no lesson ${lessonId}`);
    const p = progress ? progressOf({ [lessonId]: progress }).get(lessonId) : undefined;
    expect(remainingMinutes(lesson, p)).toBe(expected);
  });
});
