import { describe, expect, it } from 'vitest';
import { type CompileResult, compileCourse } from '../../../src/course-compiler/compile-course';
import { readContentDir } from '../../../src/course-compiler/read-content-dir';
import { lessonDocument } from '../../../src/course-compiler/search-documents';
import type { LessonBlock } from '../../../src/shared/content/content-types';
import { compileFixture } from './compile-fixture';

const ROOT = 'tests/fixtures/content/good';

type Discuss = Extract<LessonBlock, { type: 'discuss' }>;
type Facilitator = Extract<LessonBlock, { type: 'facilitator' }>;

async function whatSenMeans() {
  const result = await compileFixture('good');
  const lesson = result.bundles
    .find((b) => b.id === 'foundations')
    ?.lessons.find((l) => l.id === 'foundations-what-sen-means');
  if (!lesson) throw new Error('fixture lesson missing');
  return { result, lesson };
}

describe(':::discuss and :::facilitator', () => {
  it('compile to blocks with the prompt, its minutes and the notes as HTML', async () => {
    const { result, lesson } = await whatSenMeans();
    expect(result.problems).toEqual([]);
    const discuss = lesson.blocks.find((b): b is Discuss => b.type === 'discuss');
    const notes = lesson.blocks.find((b): b is Facilitator => b.type === 'facilitator');
    expect(discuss).toEqual({
      type: 'discuss',
      minutes: 4,
      html: '<p>Which children in your room get help that is <strong>different</strong> from what their friends get?</p>',
    });
    expect(notes?.html).toBe(
      '<p>Give pairs four minutes. Listen for staff who mix up extra help with special help.</p>',
    );
  });

  it('leave facilitator notes out of the lesson’s words and reading ease, and out of the search index', async () => {
    const files = new Map(await readContentDir(ROOT));
    const path = 'foundations/01-what-sen-means.md';
    const source = String(files.get(path));
    const notes =
      ':::facilitator\nGive pairs four minutes. Listen for staff who mix up extra help with special help.\n:::\n';
    expect(source).toContain(notes);
    const withNotes = compileCourse(ROOT, files);
    files.set(path, source.replace(notes, ''));
    const without = compileCourse(ROOT, files);
    const stats = (r: CompileResult) => r.lessons.find((l) => l.lessonId === 'foundations-what-sen-means');
    expect(stats(withNotes)?.words).toBe(stats(without)?.words);
    expect(stats(withNotes)?.readingEase).toBe(stats(without)?.readingEase);

    const lesson = withNotes.bundles[0]?.lessons[0];
    if (!lesson) throw new Error('fixture lesson missing');
    const text = lessonDocument('Foundations', lesson).text;
    expect(text).toContain('different from what their friends get');
    expect(text).not.toContain('Listen for staff');
  });

  it('count the discussion prompt as words a learner reads', async () => {
    const files = new Map(await readContentDir(ROOT));
    const path = 'foundations/01-what-sen-means.md';
    const source = String(files.get(path));
    const prompt = /:::discuss\{minutes=4\}\n[^\n]*\n:::\n/;
    expect(source).toMatch(prompt);
    const stats = (r: CompileResult) => r.lessons.find((l) => l.lessonId === 'foundations-what-sen-means');
    const withPrompt = stats(compileCourse(ROOT, files))?.words ?? 0;
    files.set(path, source.replace(prompt, ''));
    expect(withPrompt - (stats(compileCourse(ROOT, files))?.words ?? 0)).toBe(15);
  });

  it('read the minutes whether or not a space comes before the braces, and quoted or not', () => {
    const index = '---\nid: m\ntitle: M\nsummary: S.\naudiences: [all]\nareas: [semh]\norder: 1\n---\n';
    const front =
      '---\nid: m-x\ntitle: X\nminutes: 1\nobjectives:\n  - O\nsources:\n  - document: D\n    publisher: P\n    year: 2020\n---\n\n';
    const body = [
      ':::discuss {minutes=2}',
      'One?',
      ':::',
      '',
      ':::discuss{minutes="3"}',
      'Two?',
      ':::',
      '',
      ':::try',
      'Do it.',
      ':::',
      '',
    ];
    const result = compileCourse(
      'content',
      new Map([
        ['m/index.md', index],
        ['m/01-x.md', front + body.join('\n')],
      ]),
    );
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const blocks = result.bundles[0]?.lessons[0]?.blocks ?? [];
    expect(blocks.filter((b): b is Discuss => b.type === 'discuss').map((b) => b.minutes)).toEqual([2, 3]);
  });
});
