import { expect, it } from 'vitest';
import { formatReport } from '../../../src/course-compiler/format-report';
import { removedLessons } from '../../../src/course-compiler/removed-lessons';
import { compileFixture } from './compile-fixture';

it('reports words, minutes, checks and reading ease per lesson, with module and pathway totals', async () => {
  const result = await compileFixture('good');
  const lines = formatReport(result.lessons, result.catalog.pathways).split('\n');
  const row = (start: string) => lines.find((l) => l.startsWith(start))?.split(/\s{2,}/);
  const what = result.lessons.find((l) => l.lessonId === 'foundations-what-sen-means');
  expect(row('foundations  foundations-what-sen-means')).toEqual([
    'foundations',
    'foundations-what-sen-means',
    String(what?.words),
    '2',
    String(what?.estimate),
    '1',
    String(what?.readingEase),
    '1',
    'all',
  ]);
  expect(row('foundations    ')?.slice(1, 2)).toEqual(['2']);
  expect(row('teacher')?.slice(0, 3)).toEqual(['teacher', 'Teachers start here', '3']);
});

it('names lessons that were in the previous catalogue and are gone', async () => {
  const before = (await compileFixture('good')).catalog;
  const after = { ...before, modules: before.modules.slice(0, 1) };
  expect(removedLessons(before, after)).toEqual(['next-steps-plan']);
  expect(removedLessons(before, before)).toEqual([]);
});
