import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePreloadLinks } from '../../server/page-preloads';
import { makeTestApp, type TestApp } from './support/test-app';
import { openTestDb, type TestDb } from './support/test-databases';

// The shape Vite writes to dist/.vite/manifest.json: the entry with its stylesheet, the lesson page and
// read aloud (lazy chunks), and the small chunks they share with the entry or with each other.
const manifest = {
  'index.html': {
    file: 'assets/index-E1.js',
    isEntry: true,
    imports: ['_db.js'],
    css: ['assets/index-S1.css'],
  },
  '_db.js': { file: 'assets/db-D1.js' },
  '_heading.js': { file: 'assets/heading-H1.js', imports: ['_db.js'] },
  'src/features/lesson/lesson-page.tsx': {
    file: 'assets/lesson-page-L1.js',
    isDynamicEntry: true,
    imports: ['_heading.js', '_db.js'],
  },
  'src/features/read-aloud/read-aloud.tsx': { file: 'assets/read-aloud-R1.js', isDynamicEntry: true },
  'src/features/record/record-page.tsx': { file: 'assets/record-page-P1.js', isDynamicEntry: true },
};
const catalog = { modules: [{ id: 'foundations', file: 'modules/foundations.0a1b2c3d.json' }] };
const build = { manifest, catalog };

// Every page: the stylesheet, then the entry and its imports, then the catalogue.
const everyPage = [
  '</assets/index-S1.css>; rel=preload; as=style; crossorigin',
  '</assets/index-E1.js>; rel=modulepreload',
  '</assets/db-D1.js>; rel=modulepreload',
];
const catalogue = '</content/catalog.json>; rel=preload; as=fetch; crossorigin=anonymous';
const lessonCode = [
  '</assets/lesson-page-L1.js>; rel=modulepreload',
  '</assets/heading-H1.js>; rel=modulepreload',
  '</assets/read-aloud-R1.js>; rel=modulepreload',
];
const bundle = '</content/modules/foundations.0a1b2c3d.json>; rel=preload; as=fetch; crossorigin=anonymous';

describe('preloads sent with the app’s pages', () => {
  it.each([
    [
      'a lesson: its page code (each file once), then the catalogue and its module’s bundle',
      '/modules/foundations/foundations-what-sen-means',
      [...everyPage, ...lessonCode, catalogue, bundle],
    ],
    [
      'a lesson of a module the catalogue lacks: no bundle',
      '/modules/gone/gone-lesson',
      [...everyPage, ...lessonCode, catalogue],
    ],
    ['the home page: the app’s code and the catalogue', '/', [...everyPage, catalogue]],
    ['a module page: the same', '/modules/foundations', [...everyPage, catalogue]],
    ['the record: the same', '/record', [...everyPage, catalogue]],
    ['a malformed escape: no lesson (and no error)', '/modules/%zz/lesson', [...everyPage, catalogue]],
    [
      'a lesson with a trailing slash: the same as without',
      '/modules/foundations/intro/',
      [...everyPage, ...lessonCode, catalogue, bundle],
    ],
  ])('%s', (_, pathname, expected) => {
    expect(pagePreloadLinks(build, pathname)).toEqual(expected);
  });

  it('sends only the stylesheet with a lesson page the build rendered: its text and fonts come first', () => {
    // It carries its data, and it loads the app's code once its text is on screen (src/lesson-entry.ts).
    expect(
      pagePreloadLinks(build, '/modules/foundations/foundations-what-sen-means', { rendered: true }),
    ).toEqual(['</assets/index-S1.css>; rel=preload; as=style; crossorigin']);
  });

  describe('from the server', () => {
    let dist: string;
    let testDb: TestDb;
    let t: TestApp;
    beforeAll(async () => {
      dist = mkdtempSync(path.join(tmpdir(), 'pocket-dist-preloads-'));
      mkdirSync(path.join(dist, '.vite'));
      mkdirSync(path.join(dist, 'content'));
      writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Pocket CPD</title>');
      writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
      writeFileSync(path.join(dist, 'content', 'catalog.json'), JSON.stringify(catalog));
      mkdirSync(path.join(dist, 'modules', 'foundations', 'foundations-what-sen-means'), { recursive: true });
      writeFileSync(
        path.join(dist, 'modules', 'foundations', 'foundations-what-sen-means', 'index.html'),
        '<!doctype html><title>What SEN means – Pocket CPD</title>',
      );
      testDb = await openTestDb('sqlite');
      t = makeTestApp(testDb.db, { distDir: dist });
    });
    afterAll(async () => {
      await testDb.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it('answers a lesson the build rendered with its own page, with or without a trailing slash', async () => {
      for (const address of [
        '/modules/foundations/foundations-what-sen-means',
        '/modules/foundations/foundations-what-sen-means/',
      ]) {
        const page = await t.app.request(address, { headers: { accept: 'text/html' } });
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toContain('text/html');
        expect(await page.text()).toContain('<title>What SEN means – Pocket CPD</title>');
        expect(page.headers.get('link')).toBe('</assets/index-S1.css>; rel=preload; as=style; crossorigin');
      }
    });

    it('sends them as a Link header with the app shell, and with nothing else', async () => {
      const lesson = await t.app.request('/modules/foundations/foundations-sen-support', {
        headers: { accept: 'text/html' },
      });
      expect(lesson.status).toBe(200);
      expect(await lesson.text()).toContain('<title>Pocket CPD</title>');
      expect(lesson.headers.get('link')).toBe([...everyPage, ...lessonCode, catalogue, bundle].join(', '));
      // `/` is index.html itself rather than a fallback to it, and gets the same.
      for (const home of ['/', '/index.html']) {
        const response = await t.app.request(home, { headers: { accept: 'text/html' } });
        expect(await response.text()).toContain('<title>Pocket CPD</title>');
        expect(response.headers.get('link')).toBe([...everyPage, catalogue].join(', '));
      }
      const catalogFile = await t.app.request('/content/catalog.json');
      expect(catalogFile.status).toBe(200);
      expect(catalogFile.headers.get('link')).toBeNull();
      // Crafted addresses are ordinary app routes, not server errors, and preload no module's bundle.
      for (const crafted of ['/modules/%25zz/x', '/modules/%zz/x', '/modules/%E0%A4%A/x']) {
        const response = await t.app.request(crafted, { headers: { accept: 'text/html' } });
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('link') ?? '').not.toContain('/content/modules/');
      }
    });
  });
});
