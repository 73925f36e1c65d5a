import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../../src/course-compiler/compile-course';
import { calloutTitle } from '../../../src/course-compiler/directive-block';
import { createMarkdownRenderer } from '../../../src/course-compiler/markdown-renderer';
import type { ModuleBundle } from '../../../src/shared/content/content-types';

describe('calloutTitle', () => {
  const engine = createMarkdownRenderer();
  it.each([
    ['try', 'Try this this week', 'This week'],
    ['try', 'Try this next lesson', 'Next lesson'],
    ['try', 'Try this: map the room', 'Map the room'],
    ['try', 'try this — today', 'Today'],
    ['try', 'Try this', 'Try this'],
    ['try', '', 'Try this'],
    ['try', 'Map the children you support', 'Map the children you support'],
    ['try', 'Trying new seating', 'Trying new seating'],
    ['tip', 'Tipping point', 'Tipping point'],
    ['tip', 'Tip: ask first', 'Ask first'],
    ['key', 'Key point', 'Key point'],
    ['key', "Key point: it's the law", 'It’s the law'],
    // A heading is one line of Markdown shown as plain text: its markup is dropped, its words kept.
    ['tip', 'Tip: *ask* first', 'Ask first'],
    ['try', 'Use `wait time` and [the guide](https://example.org)', 'Use wait time and the guide'],
    ['key', 'Key point \\*', '*'],
  ] as const)('%s heading "%s" is titled "%s"', (kind, heading, title) => {
    expect(calloutTitle(kind, heading, engine)).toBe(title);
  });
});

describe('a try box in a compiled lesson', () => {
  const INDEX = '---\nid: m\ntitle: M\nsummary: S.\naudiences: [all]\nareas: [semh]\norder: 1\n---\n';
  const LESSON =
    '---\nid: m-x\ntitle: X\nminutes: 1\nobjectives:\n  - O\nsources:\n  - document: D\n    publisher: P\n    year: 2020\n---\n\nText.\n\n:::try Try this this week\nDo it.\n:::\n';

  it('does not repeat the kind the reader already shows', () => {
    const result = compileCourse(
      'content',
      new Map([
        ['m/index.md', INDEX],
        ['m/01-x.md', LESSON],
      ]),
    );
    const file = result.catalog.modules[0]?.file ?? '';
    const bundle = JSON.parse(String(result.output.get(`content/${file}`))) as ModuleBundle;
    const callout = bundle.lessons[0]?.blocks.find((b) => b.type === 'callout');
    expect(callout).toMatchObject({ kind: 'try', title: 'This week' });
  });
});
