// The page written for each lesson (src/course-compiler/vite-plugin-lesson-pages.ts) and the seed it carries
// (src/shared/content/lesson-seed.ts): the seed must survive any lesson text, and only ever seed its own address.
import { describe, expect, it } from 'vitest';
import { lessonPageDocument } from '../../../src/course-compiler/vite-plugin-lesson-pages';
import type { CatalogModule, Lesson } from '../../../src/shared/content/content-types';
import {
  LESSON_SEED_ID,
  type LessonSeed,
  parseSeed,
  seedScript,
} from '../../../src/shared/content/lesson-seed';

const lesson = (title: string, html: string): Lesson => ({
  id: 'l1',
  moduleId: 'm1',
  title,
  minutes: 3,
  objectives: [],
  sources: [],
  words: 100,
  hash: 'h1',
  sections: [],
  blocks: [{ type: 'html', id: 'b1', section: 0, html }],
});
const module: CatalogModule = {
  id: 'm1',
  title: 'Module one',
  summary: '',
  audiences: [],
  areas: [],
  order: 1,
  hash: 'mh',
  bytes: 1,
  file: 'modules/m1.mh.json',
  lessons: [{ id: 'l1', title: 'One', minutes: 3 } as CatalogModule['lessons'][number]],
};
const seedOf = (l: Lesson): LessonSeed => ({ module, lesson: l, next: null });
const textOf = (script: string) => /<script[^>]*>([\s\S]*)<\/script>$/.exec(script)?.[1] ?? '';

describe('the seed a lesson page carries', () => {
  it.each([
    ['plain text', 'What SEN means', '<p>Text</p>'],
    ['a closing script tag in the lesson', 'A </script><script>alert(1)</script> title', '<p></script></p>'],
    ['an HTML comment opener', '<!-- x', '<p><!--</p>'],
    ['quotes, ampersands and non-ASCII', '“Quotes” & ’apostrophes’ – £', '<p>a &amp; b</p>'],
  ])('round-trips %s, and never closes its script element early', (_, title, html) => {
    const seed = seedOf(lesson(title, html));
    const script = seedScript(seed);
    expect(script.startsWith(`<script type="application/json" id="${LESSON_SEED_ID}">`)).toBe(true);
    // No `<` inside: every `<` of the lesson is escaped.
    expect(textOf(script)).not.toContain('<');
    expect(parseSeed(textOf(script), 'm1', 'l1')).toEqual(seed);
  });

  it.each([
    ['another lesson', 'm1', 'l2'],
    ['another module', 'm2', 'l1'],
  ])('is not used for %s', (_, moduleId, lessonId) => {
    expect(parseSeed(textOf(seedScript(seedOf(lesson('T', '')))), moduleId, lessonId)).toBeNull();
  });

  it('is not used when it is not JSON', () => {
    expect(parseSeed('{not json', 'm1', 'l1')).toBeNull();
  });
});

describe('the page written for a lesson', () => {
  const shell =
    '<!doctype html><html><head><title>Pocket CPD</title>\n' +
    '    <link rel="preload" href="/content/catalog.json" as="fetch" crossorigin="anonymous" />\n' +
    '    <script type="module" crossorigin src="/assets/index-E1.js"></script>\n' +
    '    <link rel="modulepreload" crossorigin href="/assets/db-D1.js">\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/index-S1.css">\n' +
    '  </head><body>\n' +
    '    <div id="root"><header>static shell</header><main><p>Loading</p></main></div>\n' +
    '    <noscript>Needs JavaScript</noscript>\n  </body></html>';
  const code = {
    entry: '/assets/lesson-entry-L1.js',
    app: ['/assets/index-E1.js', '/assets/db-D1.js', '/assets/lesson-page-P1.js'],
  };

  it('puts the app’s markup in #root, the seed after it, and the lesson’s title in <title>', () => {
    const seed = seedOf(lesson('Fish & chips', '<p>x</p>'));
    const page = lessonPageDocument(shell, '<article>rendered</article>', seed, code);
    expect(page).toContain('<div id="root"><article>rendered</article></div>');
    expect(page).not.toContain('static shell');
    expect(page).toContain(`</div>\n    ${seedScript(seed)}\n    <noscript>`);
    expect(page).toContain('<title>Fish &amp; chips – Pocket CPD</title>');
  });

  it('starts at the lesson entry, which is given the app’s code to load, and preloads none of it', () => {
    const page = lessonPageDocument(shell, '<article>rendered</article>', seedOf(lesson('T', '')), code);
    expect(page).toContain(
      '<script type="module" crossorigin src="/assets/lesson-entry-L1.js"></script>\n' +
        '    <script type="application/json" id="app-code">' +
        '["/assets/index-E1.js","/assets/db-D1.js","/assets/lesson-page-P1.js"]</script>',
    );
    expect(page).not.toContain('src="/assets/index-E1.js"');
    expect(page).not.toContain('modulepreload');
    expect(page).not.toContain('catalog.json');
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-S1.css">');
  });

  it.each([
    ['has no root element', '<html><body></body></html>', /index.html has no <div id="root">/],
    ['has no app script', shell.replace(/<script[^>]*><\/script>/, ''), /index.html has 0 module scripts/],
    [
      'has two app scripts',
      shell.replace('</head>', '<script type="module" crossorigin src="/assets/other.js"></script></head>'),
      /index.html has 2 module scripts/,
    ],
  ])('fails the build when index.html %s', (_, badShell, message) => {
    expect(() => lessonPageDocument(badShell, '', seedOf(lesson('T', '')), code)).toThrow(message);
  });
});
