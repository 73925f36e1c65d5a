import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/course-compiler/compile-course';
import { formatProblem } from '../../../src/course-compiler/problems';
import type { ModuleBundle } from '../../../src/shared/content/content-types';

const INDEX = '---\nid: m\ntitle: M\nsummary: S.\naudiences: [all]\nareas: [semh]\norder: 1\n---\n';
const FRONT =
  '---\nid: m-x\ntitle: X\nminutes: 1\nobjectives:\n  - O\nsources:\n  - document: D\n    publisher: P\n    year: 2020\n---\n\n';

function compileBody(body: string) {
  const files = new Map([
    ['m/index.md', INDEX],
    ['m/01-x.md', `${FRONT}${body}\n\n:::try\nDo it.\n:::\n`],
  ]);
  const result = compileCourse('content', files);
  const file = result.catalog.modules[0]?.file;
  const bundle = file
    ? (JSON.parse(String(result.output.get(`content/${file}`))) as ModuleBundle)
    : undefined;
  const html = bundle?.lessons[0]?.blocks[0];
  return {
    errors: result.problems.filter((p) => p.severity === 'error').map(formatProblem),
    html: html?.type === 'html' ? html.html : '',
  };
}

describe('text that looks like HTML but is not raw HTML', () => {
  it.each([
    ['a code span', 'Write `<b>` for bold.', '<p>Write <code>&lt;b&gt;</code> for bold.</p>'],
    [
      'a fenced code block',
      '```\n<script>x</script>\n```',
      '<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>',
    ],
    ['a backslash escape', 'Type \\<b> to start.', '<p>Type &lt;b&gt; to start.</p>'],
    ['an entity', 'Type &lt;b> to start.', '<p>Type &lt;b&gt; to start.</p>'],
    ['a comparison', 'Children aged <5 and 3 > 2.', '<p>Children aged &lt;5 and 3 &gt; 2.</p>'],
  ])('%s is text, escaped', (_, body, html) => {
    expect(compileBody(body)).toEqual({ errors: [], html });
  });

  it('a bare web address stays text: links need words that say where they go', () => {
    expect(compileBody('See https://www.gov.uk today.').html).toBe('<p>See https://www.gov.uk today.</p>');
  });

  it('an http link is an error and is not emitted as a link', () => {
    expect(compileBody('See [the guidance](http://example.org).')).toEqual({
      errors: [
        'content/m/01-x.md:13:18 links to websites must start with https:// (found `http://example.org`)',
      ],
      html: '<p>See the guidance.</p>',
    });
  });
});
