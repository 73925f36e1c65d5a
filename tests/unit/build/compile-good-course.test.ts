import { describe, expect, it } from 'vitest';
import type { LessonBlock, ModuleBundle } from '../../../src/shared/content/content-types';
import { compileFixture } from './compile-fixture';

async function compileGood() {
  const result = await compileFixture('good');
  const bundleOf = (id: string): ModuleBundle => {
    const file = result.catalog.modules.find((m) => m.id === id)?.file;
    return JSON.parse(String(result.output.get(`content/${file}`))) as ModuleBundle;
  };
  return { result, bundleOf };
}

describe('compiling the good fixture course', () => {
  it('reports no problems', async () => {
    const { result } = await compileGood();
    expect(result.problems).toEqual([]);
  });

  it('lists modules in order with their lessons and bundle files', async () => {
    const { result } = await compileGood();
    const [first, second] = result.catalog.modules;
    expect(result.catalog.modules.map((m) => m.id)).toEqual(['foundations', 'next-steps']);
    expect(first?.lessons.map((l) => l.id)).toEqual(['foundations-what-sen-means', 'foundations-support']);
    expect(first?.file).toBe(`modules/foundations.${first?.hash}.json`);
    expect(first?.bytes).toBe(Buffer.byteLength(String(result.output.get(`content/${first?.file}`))));
    expect(first?.updated).toBe('2026-11-28');
    expect(second?.audiences).toEqual(['teacher', 'ta']);
    expect(first?.lessons[0]?.checks).toBe(1);
    expect(result.catalog.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('splits a lesson into sections at ## and blocks in source order', async () => {
    const { bundleOf } = await compileGood();
    const lesson = bundleOf('foundations').lessons[0];
    expect(lesson?.sections).toEqual([
      { id: 'intro', title: 'What SEN means' },
      { id: 'what-the-code-says', title: 'What the Code says' },
      { id: 'what-sen-is-not', title: 'What SEN is not' },
    ]);
    expect(
      lesson?.blocks.map((b) => ('id' in b ? [b.type, b.id, b.section] : [b.type, b.html.length > 0])),
    ).toEqual([
      ['html', 'html-1', 0],
      ['html', 'html-2', 1],
      ['check', 'special-provision', 1],
      ['callout', 'callout-1', 1],
      ['html', 'html-3', 2],
      ['reflect', 'reflect-1', 2],
      ['discuss', true],
      ['facilitator', true],
      ['callout', 'callout-2', 2],
    ]);
    expect(lesson?.words).toBeGreaterThan(50);
    expect(lesson?.hash).toMatch(/^[0-9a-f]{12}$/);
  });

  it('gives headings ids and rewrites links and images', async () => {
    const { result, bundleOf } = await compileGood();
    const html = bundleOf('foundations').lessons[0]?.blocks[1] as Extract<LessonBlock, { type: 'html' }>;
    expect(html.html).toContain('<h2 id="what-the-code-says">What the Code says</h2>');
    expect(html.html).toContain('<h3 id="in-your-room">In your room</h3>');
    expect(html.html).toContain('<a href="/modules/foundations/foundations-support">the next lesson</a>');
    expect(html.html).toContain(
      '<a href="https://www.gov.uk/government/publications/send-code-of-practice-0-to-25" rel="noopener">Code itself</a>',
    );
    const image =
      /<img src="\/(content\/images\/code-cycle\.[0-9a-f]{8}\.png)" alt="A cycle of assess, plan, do and review" loading="lazy">/.exec(
        html.html,
      );
    expect(image).not.toBeNull();
    expect(result.output.get(image?.[1] ?? '')).toBeInstanceOf(Uint8Array);

    const back = bundleOf('foundations').lessons[1]?.blocks[0] as Extract<LessonBlock, { type: 'html' }>;
    expect(back.html).toContain('href="/modules/foundations/foundations-what-sen-means#what-the-code-says"');
    const plan = bundleOf('next-steps').lessons[0]?.blocks[0] as Extract<LessonBlock, { type: 'html' }>;
    expect(plan.html).toContain('<a href="/modules/foundations/foundations-what-sen-means">the basics</a>');
    expect(plan.html).toContain('<a href="mailto:team@example.org">the team</a>');
  });

  it('compiles checks with options, correctness and explanations', async () => {
    const { bundleOf } = await compileGood();
    const check = bundleOf('foundations').lessons[0]?.blocks[2];
    expect(check).toEqual({
      type: 'check',
      id: 'special-provision',
      section: 1,
      question: '<p>Which of these is special help?</p>',
      multiple: false,
      options: [
        {
          id: 'any-extra-help-a-child-gets-at-school',
          html: 'Any extra help a child gets at school',
          correct: false,
          explanation: '<p>Not quite. Every child gets help.</p>',
        },
        {
          id: 'help-that-is-different-from-what-peers',
          html: 'Help that is different from what peers get',
          correct: true,
          explanation: '<p>Yes. This is what the Code says.</p>',
        },
      ],
    });
    const multi = bundleOf('foundations').lessons[1]?.blocks.find((b) => b.type === 'check');
    expect(multi).toMatchObject({ id: 'check-1', multiple: true });
  });

  it('compiles reflections and callouts with default and given titles', async () => {
    const { bundleOf } = await compileGood();
    const blocks = bundleOf('foundations').lessons[0]?.blocks ?? [];
    expect(blocks[3]).toEqual({
      type: 'callout',
      id: 'callout-1',
      section: 1,
      kind: 'tip',
      title: 'Tip',
      html: '<p>Ask the SENCO when you are not sure.</p>',
    });
    expect(blocks[5]).toEqual({
      type: 'reflect',
      id: 'reflect-1',
      section: 2,
      prompt: '<p>Think of a child you know. What help do they get?</p>',
    });
    expect(blocks[8]).toMatchObject({ kind: 'try', title: 'Tomorrow' });
    const key = bundleOf('next-steps').lessons[0]?.blocks.find((b) => b.type === 'callout');
    expect(key).toMatchObject({ kind: 'key', title: 'Key point' });
  });

  it('reads pathways', async () => {
    const { result } = await compileGood();
    expect(result.catalog.pathways).toEqual([
      { role: 'teacher', title: 'Teachers start here', modules: ['foundations', 'next-steps'] },
      { role: 'ta', title: 'Teaching assistants', modules: ['foundations'] },
    ]);
  });
});
