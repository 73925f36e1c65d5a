import { expect, it } from 'vitest';
import { compileCourse } from '../../../src/course-compiler/compile-course';
import type { LessonBlock } from '../../../src/shared/content/content-types';

type Reflect = Extract<LessonBlock, { type: 'reflect' }>;

const INDEX = '---\nid: m\ntitle: M\nsummary: S.\naudiences: [all]\nareas: [semh]\norder: 1\n---\n';
const FRONT =
  '---\nid: m-x\ntitle: X\nminutes: 1\nobjectives:\n  - O\nsources:\n  - document: D\n    publisher: P\n    year: 2020\n---\n\n';
const TRY = [':::try', 'Do it.', ':::', ''];

function compile(...body: string[]) {
  return compileCourse(
    'content',
    new Map([
      ['m/index.md', INDEX],
      ['m/01-x.md', FRONT + [...body, ...TRY].join('\n')],
    ]),
  );
}

it('tags a reflection prompt with what it asks, on the block and in the catalogue by block id', () => {
  const result = compile(
    ':::reflect{log=change} next-week',
    'What will you do differently?',
    ':::',
    '',
    ':::reflect {log="impact"}',
    'What difference did it make?',
    ':::',
    '',
    ':::reflect plain',
    'How did it feel?',
    ':::',
    '',
  );
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const blocks = (result.bundles[0]?.lessons[0]?.blocks ?? []).filter(
    (b): b is Reflect => b.type === 'reflect',
  );
  expect(blocks.map((b) => [b.id, b.log])).toEqual([
    ['next-week', 'change'],
    ['reflect-2', 'impact'],
    ['plain', undefined],
  ]);
  // Untagged means neither: the key is left out, not written as null.
  expect(blocks[2]).not.toHaveProperty('log');
  expect(result.catalog.modules[0]?.lessons[0]?.reflectLog).toEqual({
    'next-week': 'change',
    'reflect-2': 'impact',
  });
});

it('leaves the catalogue entry without a tag list when no prompt is tagged', () => {
  const result = compile(':::reflect', 'How did it feel?', ':::', '');
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(result.catalog.modules[0]?.lessons[0]).not.toHaveProperty('reflectLog');
});

it.each([
  [
    ':::reflect{log=Change}',
    '01-x.md:13:12 the `log` of `:::reflect` must be `change` (what I will change) or `impact` (evidence of impact) (found "Change")',
  ],
  [':::reflect{log=change log=impact}', '01-x.md:13:23 `log` is given twice: keep one'],
  [
    ':::reflect{log}',
    '01-x.md:13:12 attributes are written `name=value` inside the braces, e.g. `{minutes=5}` (found `log`)',
  ],
])('reports a malformed tag %s with its file and line, and keeps the prompt untagged', (open, problem) => {
  const result = compile(open, 'What will you change?', ':::', '');
  const errors = result.problems.filter((p) => p.severity === 'error');
  expect(errors.map((p) => `${p.file.replace(/^content\/m\//, '')}:${p.line}:${p.col} ${p.message}`)).toEqual(
    [problem],
  );
  const block = result.bundles[0]?.lessons[0]?.blocks.find((b) => b.type === 'reflect');
  expect(block?.type === 'reflect' && block.prompt).toContain('What will you change?');
  expect(block).not.toHaveProperty('log');
});
