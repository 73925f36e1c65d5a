import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonPreloadLinks } from '../../server/lesson-preloads';
import { makeTestApp, type TestApp } from './support/test-app';
import { openTestDb, type TestDb } from './support/test-databases';

// The shape Vite writes to dist/.vite/manifest.json: the entry, the lesson page and read aloud (lazy
// chunks), and the small chunks they share with the entry or with each other.
const manifest = {
  'index.html': { file: 'assets/index-E1.js', isEntry: true, imports: ['_db.js'] },
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

describe('preloads sent with a lesson’s page', () => {
  it.each([
    [
      'a lesson: its page code not already in index.html, and its module’s bundle',
      '/modules/foundations/foundations-what-sen-means',
      [
        '</assets/lesson-page-L1.js>; rel=modulepreload',
        '</assets/heading-H1.js>; rel=modulepreload',
        '</assets/read-aloud-R1.js>; rel=modulepreload',
        '</content/modules/foundations.0a1b2c3d.json>; rel=preload; as=fetch; crossorigin=anonymous',
      ],
    ],
    ['a lesson of a module the catalogue lacks: the code only', '/modules/gone/gone-lesson', 3],
    ['the home page: nothing', '/', []],
    ['a module page: nothing', '/modules/foundations', []],
    ['the record: nothing', '/record', []],
    ['a malformed escape: nothing (and no error)', '/modules/%zz/lesson', []],
    ['a lesson with a trailing slash: the same as without', '/modules/foundations/intro/', 4],
  ])('%s', (_, pathname, expected) => {
    const links = lessonPreloadLinks(build, pathname);
    if (typeof expected === 'number') expect(links).toHaveLength(expected);
    else expect(links).toEqual(expected);
    if (expected === 3) expect(links.join(',')).not.toContain('/content/');
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
      testDb = await openTestDb('sqlite');
      t = makeTestApp(testDb.db, { distDir: dist });
    });
    afterAll(async () => {
      await testDb.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it('sends them as a Link header with the app shell at a lesson’s address, and not elsewhere', async () => {
      const lesson = await t.app.request('/modules/foundations/foundations-what-sen-means', {
        headers: { accept: 'text/html' },
      });
      expect(lesson.status).toBe(200);
      expect(await lesson.text()).toContain('<title>Pocket CPD</title>');
      expect(lesson.headers.get('link')).toBe(
        lessonPreloadLinks(build, '/modules/foundations/foundations-what-sen-means').join(', '),
      );
      const home = await t.app.request('/', { headers: { accept: 'text/html' } });
      expect(home.headers.get('link')).toBeNull();
      // Crafted addresses are ordinary app routes, not server errors, and preload no course file.
      for (const crafted of ['/modules/%25zz/x', '/modules/%zz/x', '/modules/%E0%A4%A/x']) {
        const response = await t.app.request(crafted, { headers: { accept: 'text/html' } });
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('link') ?? '').not.toContain('/content/');
      }
    });
  });
});
