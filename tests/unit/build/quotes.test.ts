import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/course-compiler/compile-course';
import type { LessonBlock, ModuleBundle } from '../../../src/shared/content/content-types';

const INDEX = '---\nid: m\ntitle: M\nsummary: S.\naudiences: [all]\nareas: [semh]\norder: 1\n---\n';
const FRONT =
  '---\nid: m-x\ntitle: X\nminutes: 1\nobjectives:\n  - O\nsources:\n  - document: D\n    publisher: P\n    year: 2020\n---\n\n';

function compiledBlocks(lesson: string): LessonBlock[] {
  const files = new Map([
    ['m/index.md', INDEX],
    ['m/01-x.md', `${FRONT}${lesson}`],
  ]);
  const result = compileCourse('content', files);
  const file = result.catalog.modules[0]?.file ?? '';
  const bundle = JSON.parse(String(result.output.get(`content/${file}`))) as ModuleBundle;
  return bundle.lessons[0]?.blocks ?? [];
}

function firstHtml(body: string): string {
  const block = compiledBlocks(`${body}\n\n:::try\nDo it.\n:::\n`)[0];
  return block?.type === 'html' ? block.html : '';
}

// A callout's heading is plain text on its `:::` line; it gets its quotes from the same typographer as
// the lesson's text, so the two never disagree.
describe('quotes in a callout title and in lesson text', () => {
  it.each([
    ["it's", 'it’s'],
    ['"Hello," she said.', '“Hello,” she said.'],
    ["the pupils' work", 'the pupils’ work'],
    ["'quoted' word", '‘quoted’ word'],
    // An opening quote with no closing one stays straight, in the text as in the title.
    ["back in the '90s", "back in the '90s"],
    ["'Tis the season", "'Tis the season"],
    ['word"odd', 'word"odd'],
    ['5\' 10"', '5’ 10"'],
    ['("aside")', '(“aside”)'],
    ['no quotes', 'no quotes'],
  ])('%s → %s', (text, expected) => {
    const [html, callout] = compiledBlocks(`${text}\n\n:::tip ${text}\nDo it.\n:::\n`);
    expect(html).toMatchObject({ type: 'html', html: `<p>${expected.replaceAll('"', '&quot;')}</p>` });
    expect(callout).toMatchObject({ type: 'callout', title: expected });
  });
});

describe('quotes in compiled lesson text', () => {
  it.each([
    ['an apostrophe in prose', "The child's plan.", '<p>The child’s plan.</p>'],
    ['double quotes in prose', 'Say "well done".', '<p>Say “well done”.</p>'],
    ['single quotes in prose', "The 'quiet corner'.", '<p>The ‘quiet corner’.</p>'],
    [
      'quotes in a code span stay straight',
      'Type `"it\'s"` here.',
      "<p>Type <code>&quot;it's&quot;</code> here.</p>",
    ],
    [
      'quotes in a code block stay straight',
      '```\nsay "hi" it\'s\n```',
      "<pre><code>say &quot;hi&quot; it's\n</code></pre>",
    ],
    [
      'an address keeps its apostrophe; the link text is curled',
      "See [the child's page](https://example.org/it's).",
      '<p>See <a href="https://example.org/it\'s" rel="noopener">the child’s page</a>.</p>',
    ],
    ['an escaped quote stays straight', 'A \\"literal\\" quote.', '<p>A &quot;literal&quot; quote.</p>'],
    [
      '(c) is not turned into ©',
      'Crown copyright (c) 2020 -- see below.',
      '<p>Crown copyright (c) 2020 -- see below.</p>',
    ],
  ])('%s', (_, body, html) => {
    expect(firstHtml(body)).toBe(html);
  });
});
