// What ships: runs after `vite build` (npm test builds first) and reads dist/ as a browser would get it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGET_KB, CSS_BUDGET_KB, initialCss, initialJs } from '../../scripts/size';
import type { Catalog, ModuleBundle } from '../../src/shared/content/content-types';
import { parseSeed } from '../../src/shared/content/lesson-seed';

const dist = 'dist';
const SW_BUDGET_KB = 80;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [relative(dist, path)];
  });
}

function precacheUrls(): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
}

describe('the built app', () => {
  it('precaches the shell, catalogue, manifest and icons, each once', () => {
    const urls = precacheUrls();
    for (const url of [
      'index.html',
      'content/catalog.json',
      // Search works offline over the whole course.
      'content/search-index.json',
      'manifest.webmanifest',
      'icons/icon-192.png',
    ]) {
      expect(
        urls.filter((u) => u === url),
        url,
      ).toHaveLength(1);
    }
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.some((u) => u.startsWith('assets/') && u.endsWith('.js'))).toBe(true);
  });

  it('keeps module bundles, source maps and test fixtures out of the precache and dist', () => {
    const urls = precacheUrls();
    expect(urls.filter((u) => u.startsWith('content/modules/'))).toEqual([]);
    const files = allFiles(dist);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.includes('fixtures'))).toEqual([]);
    expect(files.some((f) => f.startsWith('content/modules/') && f.endsWith('.json'))).toBe(true);
  });

  it('has a catalogue listing every compiled module file', () => {
    const catalog = JSON.parse(readFileSync(join(dist, 'content/catalog.json'), 'utf8')) as {
      modules: { id: string; file: string; bytes: number }[];
    };
    expect(catalog.modules.length).toBeGreaterThanOrEqual(2);
    for (const module of catalog.modules) {
      const path = join(dist, 'content', module.file);
      expect(existsSync(path), module.file).toBe(true);
      expect(statSync(path).size).toBe(module.bytes);
    }
  });

  it('has a page for every lesson, rendered from the lesson it seeds, and none of them precached', () => {
    const catalog = JSON.parse(readFileSync(join(dist, 'content/catalog.json'), 'utf8')) as Catalog;
    const shell = readFileSync(join(dist, 'index.html'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
    const lessonEntry = manifest['src/lesson-entry.ts'].file as string;
    // What the lesson entry loads: the shell's script, then what it preloads, then the lesson's own chunks.
    const appCode = JSON.parse(
      /<script type="application\/json" id="app-code">([^<]*)<\/script>/.exec(
        readFileSync(join(dist, 'modules/foundations/foundations-what-sen-means/index.html'), 'utf8'),
      )?.[1] ?? '[]',
    ) as string[];
    const shellCode = [...shell.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(appCode[0]).toBe(shellCode[0]);
    expect(new Set(appCode.slice(0, shellCode.length))).toEqual(new Set(shellCode));
    expect(appCode).toContain(`/${manifest['src/features/lesson/lesson-page.tsx'].file}`);
    expect(new Set(appCode).size).toBe(appCode.length);
    for (const file of appCode) expect(existsSync(join(dist, file)), file).toBe(true);
    let pages = 0;
    for (const module of catalog.modules) {
      const bundle = JSON.parse(readFileSync(join(dist, 'content', module.file), 'utf8')) as ModuleBundle;
      for (const lesson of bundle.lessons) {
        const page = readFileSync(join(dist, 'modules', module.id, lesson.id, 'index.html'), 'utf8');
        const seedText = /<script type="application\/json" id="lesson-seed">([^<]*)<\/script>/.exec(
          page,
        )?.[1];
        expect(parseSeed(seedText ?? '', module.id, lesson.id)?.lesson, lesson.id).toEqual(lesson);
        expect(page, lesson.id).toMatch(/<h1 tabindex="-1" class="page-heading">[^<]+<\/h1>/);
        // Not usable until the app has read the learner's events, so a tap is never silently lost.
        expect(page, lesson.id).toContain(
          '<button type="button" class="button" disabled="">Mark complete</button>',
        );
        // The shell's head, with the lesson entry in place of the app's script and its preloads: one
        // build, one set of hashed files.
        const head = page.slice(0, page.indexOf('<body>'));
        expect(head, lesson.id).toContain(
          `<script type="module" crossorigin src="/${lessonEntry}"></script>`,
        );
        expect(head, lesson.id).toContain(
          `<script type="application/json" id="app-code">${JSON.stringify(appCode)}</script>`,
        );
        expect(head, lesson.id).not.toContain('content/catalog.json');
        expect(withoutScripts(head)).toBe(withoutScripts(shell.slice(0, shell.indexOf('<body>'))));
        pages += 1;
      }
    }
    expect(pages).toBeGreaterThanOrEqual(10);
    expect(precacheUrls().filter((u) => u.startsWith('modules/'))).toEqual([]);
  });

  it(`keeps the JavaScript for the first screen within ${BUDGET_KB} KB gzipped`, () => {
    const files = initialJs(dist);
    const totalKb = files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
    console.log(`initial JS for /: ${totalKb.toFixed(1)} KB gzipped over ${files.length} files`);
    expect(totalKb).toBeLessThanOrEqual(BUDGET_KB);
  });

  it(`keeps the CSS the first paint of / waits for within ${CSS_BUDGET_KB} KB gzipped`, () => {
    const files = initialCss(dist);
    const totalKb = files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
    console.log(`initial CSS for /: ${totalKb.toFixed(1)} KB gzipped over ${files.length} files`);
    expect(files.length).toBeGreaterThan(0);
    expect(totalKb).toBeLessThanOrEqual(CSS_BUDGET_KB);
  });

  // docs/styles.md: a lazy screen's rules load with its chunk, and the first screen's code names none of
  // their stylesheets (each would cost it bytes); the screens load through src/app/load-screen.ts.
  it("leaves the lazy screens' rules out of the first screen's stylesheet and code", () => {
    const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; css?: string[]; imports?: string[] }
    >;
    // A screen's stylesheets: its chunk's, and those of the shared chunks it imports (a shared component's).
    const screenCss = (key: string): string[] => [
      ...(manifest[key]?.css ?? []),
      ...(manifest[key]?.imports ?? []).flatMap(screenCss),
    ];
    const firstCss = initialCss(dist)
      .map(({ file }) => readFileSync(join(dist, file), 'utf8'))
      .join('');
    const screens: [string, string][] = [
      ['src/features/record/record-page.tsx', '.record-section'],
      ['src/features/lesson/handout-page.tsx', '.handout__sources'],
      ['src/features/search/search-page.tsx', '.search-form'],
      ['src/features/certificate/certificate-page.tsx', '.certificate__name'],
    ];
    for (const [screen, selector] of screens) {
      expect(firstCss, selector).not.toContain(selector);
      const css = screenCss(screen).map((file) => readFileSync(join(dist, file), 'utf8'));
      expect(css.join(''), screen).toContain(selector);
    }
    const entry = readFileSync(join(dist, manifest['index.html']?.file ?? ''), 'utf8');
    expect(entry.match(/assets\/[\w-]+\.css/g) ?? []).toEqual([]);
  });

  // The worker is parsed on every cold start. It renders a downloaded lesson with React's string renderer
  // (src/lesson-markup/), most of its 74 KB; with the streaming renderer as well (the package's own browser
  // entry) it was 105 KB, and the app's code beyond the lesson's markup has no place in it.
  it(`keeps the service worker within ${SW_BUDGET_KB} KB gzipped`, () => {
    const sw = readFileSync(join(dist, 'sw.js'));
    const kb = gzipSync(sw, { level: 9 }).length / 1024;
    console.log(`sw.js: ${kb.toFixed(1)} KB gzipped`);
    expect(kb).toBeLessThanOrEqual(SW_BUDGET_KB);
  });
});

/** A page's head without its title, scripts and preloads of code and the catalogue. */
function withoutScripts(head: string): string {
  return head
    .replace(/<title>[^<]*<\/title>/, '')
    .replace(/\s*<script[^>]*>[^<]*<\/script>/g, '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace(/\s*<link rel="preload" href="\/content\/catalog\.json"[^>]*>/, '');
}
