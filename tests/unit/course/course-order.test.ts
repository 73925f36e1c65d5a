import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogModule } from '../../../src/shared/content/content-types';
import { courseLessons } from '../../../src/shared/content/course-lessons';
import { filterModules } from '../../../src/shared/content/filter-modules';
import { planToday } from '../../../src/shared/planning/plan-today';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { nextLesson } from '../../../src/shared/progress/next-lesson';
import { foldProgress } from '../../../src/shared/progress/progress';

function mod(
  id: string,
  order: number,
  lessons: string[],
  audiences: CatalogModule['audiences'],
  areas: CatalogModule['areas'],
): CatalogModule {
  return {
    id,
    title: id,
    summary: '',
    audiences,
    areas,
    order,
    hash: 'h',
    bytes: 1,
    file: `modules/${id}.h.json`,
    lessons: lessons.map((l) => ({
      id: l,
      title: l,
      minutes: 3,
      objectives: [],
      words: 1,
      hash: 'h',
      sections: [],
      checks: 0,
    })),
  };
}

// Listed out of order on purpose: catalogue order is `order`, not array position.
const catalog: Catalog = {
  version: 'v',
  modules: [
    mod('b', 2, ['b1'], ['teacher', 'ta'], ['communication-interaction']),
    mod('a', 1, ['a1', 'a2'], ['all'], ['whole-school']),
    mod('c', 3, [], ['leader'], ['whole-school']),
    mod('d', 4, ['d1'], ['early-years'], ['semh', 'whole-school']),
  ],
  pathways: [{ role: 'ta', title: 'TAs', modules: ['b', 'missing', 'a'] }],
};

let seq = 0;
function event(type: 'lesson-opened' | 'lesson-completed', lessonId: string, t: number): LearnerEvent {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    deviceId: '00000000-0000-4000-8000-000000000000',
    deviceSeq: seq,
    at: new Date(t * 1000).toISOString(),
    hlc: `${String(t * 1000).padStart(15, '0')}:00000:d`,
    type,
    lessonId,
    payload: {},
  };
}

describe('nextLesson', () => {
  it.each([
    { from: ['a', 'a1'], to: { moduleId: 'a', lessonId: 'a2' }, why: 'the next lesson in the module' },
    { from: ['a', 'a2'], to: { moduleId: 'b', lessonId: 'b1' }, why: 'the next module’s first lesson' },
    { from: ['b', 'b1'], to: { moduleId: 'd', lessonId: 'd1' }, why: 'skipping a module with no lessons' },
    { from: ['d', 'd1'], to: null, why: 'nothing after the last lesson' },
    { from: ['zz', 'x'], to: null, why: 'nothing for an unknown module' },
  ])('leads to $why', ({ from, to }) => {
    expect(nextLesson(catalog, from[0] as string, from[1] as string)).toEqual(to);
  });
});

describe('filterModules', () => {
  it.each([
    { filter: {}, ids: ['a', 'b', 'c', 'd'] },
    { filter: { role: 'ta' as const }, ids: ['a', 'b'] },
    { filter: { role: 'early-years' as const }, ids: ['a', 'd'] },
    { filter: { area: 'whole-school' as const }, ids: ['a', 'c', 'd'] },
    { filter: { role: 'leader' as const, area: 'whole-school' as const }, ids: ['a', 'c'] },
    { filter: { role: 'college' as const, area: 'semh' as const }, ids: [] },
  ])('$filter → $ids', ({ filter, ids }) => {
    expect(filterModules(catalog.modules, filter).map((m) => m.id)).toEqual(ids);
  });
});

describe('courseLessons', () => {
  it.each([
    { role: undefined, ids: ['a1', 'a2', 'b1', 'd1'] },
    { role: 'ta' as const, ids: ['b1', 'a1', 'a2', 'd1'] },
    { role: 'teacher' as const, ids: ['a1', 'a2', 'b1', 'd1'] },
  ])('orders lessons for role $role', ({ role, ids }) => {
    expect(courseLessons(catalog, role).map((e) => e.lesson.id)).toEqual(ids);
  });
});

describe('planToday', () => {
  it('starts with nothing to continue and the first lessons up next', () => {
    const plan = planToday(catalog, foldProgress([]));
    expect(plan.continueWith).toBeUndefined();
    expect(plan.upNext.map((e) => e.lesson.id)).toEqual(['a1', 'a2', 'b1']);
    expect([plan.done, plan.total]).toEqual([0, 4]);
  });

  it('continues the most recently opened unfinished lesson and leaves it out of up next', () => {
    const progress = foldProgress([
      event('lesson-opened', 'a1', 1),
      event('lesson-opened', 'b1', 2),
      event('lesson-opened', 'a2', 3),
      event('lesson-completed', 'a2', 4),
    ]);
    const plan = planToday(catalog, progress, 'ta');
    expect(plan.continueWith?.lesson.id).toBe('b1');
    expect(plan.upNext.map((e) => e.lesson.id)).toEqual(['a1', 'd1']);
    expect(plan.lastCompleted?.lesson.id).toBe('a2');
    expect(plan.done).toBe(1);
  });
});
