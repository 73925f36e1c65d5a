// Offline benchmark in Chromium with the real service worker, over the built app served by the real
// server (`npm run bench:offline`; reads BENCH_DIST, default dist/, so build first):
//  1. the time to download a 10-lesson module into Dexie (median of 5; the module is assembled from
//     real compiled lessons and added to a copy of the build);
//  2. the median of 10 offline cold starts, tab open → lesson heading visible, next to the same lesson
//     as a plain static HTML page served from the same service worker cache, and their ratio (target ≤ 2.0);
//     and, beside it, the time until the app has replaced the service worker's static copy of the lesson
//     (src/lesson-markup/lesson-article-html.tsx) with its own live page; and when each document arrived
//     from the service worker, which for the lesson includes reading it from IndexedDB and rendering it.
// Offline means the server is stopped as well as the browser set offline; before each cold start the
// service worker is stopped, so it starts from nothing like after a phone has been idle.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { catalogLesson } from '../src/shared/content/catalog-lesson';
import type { Catalog, CatalogModule, Lesson, ModuleBundle } from '../src/shared/content/content-types';
import { escapeHtml } from '../src/shared/content/lesson-page-html';
import { startAppServer } from '../tests/e2e/helpers/app-server';
import { openDevice } from '../tests/e2e/helpers/browser';

const SOURCE = process.env.BENCH_DIST ?? 'dist';
const COLD_STARTS = 10;
const DOWNLOADS = 5;
const MODULE_ID = 'bench-ten-lessons';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A copy of the build with a 10-lesson module and a static page of its first lesson in the precache. */
function prepareDist(): { dir: string; module: CatalogModule; lesson: Lesson } {
  if (!existsSync(path.join(SOURCE, 'sw.js')))
    throw new Error(`${SOURCE}/sw.js missing: run npm run build first`);
  const dir = mkdtempSync(path.join(tmpdir(), 'pocket-cpd-bench-dist-'));
  cpSync(SOURCE, dir, { recursive: true });
  const catalogPath = path.join(dir, 'content', 'catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as Catalog;
  const source: Lesson[] = catalog.modules.flatMap(
    (m) => (JSON.parse(readFileSync(path.join(dir, 'content', m.file), 'utf8')) as ModuleBundle).lessons,
  );
  if (source.length < 10) throw new Error('the course has fewer than 10 lessons');
  const lessons = source
    .slice(0, 10)
    .map((l, i) => ({ ...l, id: `${MODULE_ID}-${i + 1}`, moduleId: MODULE_ID }));
  const hash = createHash('sha256').update(JSON.stringify(lessons)).digest('hex').slice(0, 12);
  const file = `modules/${MODULE_ID}.${hash}.json`;
  const body = JSON.stringify({ id: MODULE_ID, hash, lessons } satisfies ModuleBundle);
  writeFileSync(path.join(dir, 'content', file), body);
  const module: CatalogModule = {
    ...catalog.modules[0],
    id: MODULE_ID,
    title: 'Benchmark: ten lessons',
    order: 999,
    hash,
    file,
    bytes: Buffer.byteLength(body),
    lessons: lessons.map(catalogLesson),
  };
  writeFileSync(catalogPath, JSON.stringify({ ...catalog, modules: [...catalog.modules, module] }));

  const lesson = lessons[0];
  const css = readdirSync(path.join(dir, 'assets')).find((f) => f.endsWith('.css'));
  const html = lesson.blocks.map((b) => ('html' in b ? b.html : '')).join('\n');
  writeFileSync(
    path.join(dir, 'bench-static.html'),
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(lesson.title)}</title>${css ? `<link rel="stylesheet" href="/assets/${css}">` : ''}</head><body><main class="main"><h1>${escapeHtml(lesson.title)}</h1>${html}</main></body></html>`,
  );
  const swPath = path.join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const entry = /\{"revision":"[^"]*","url":"index\.html"\}/.exec(sw)?.[0];
  if (!entry) throw new Error('sw.js has no precache entry for index.html');
  writeFileSync(swPath, sw.replace(entry, `${entry},{"revision":"bench-${hash}","url":"bench-static.html"}`));
  // The copied .br/.gz siblings of edited files are older than them, so the server skips them anyway.
  return { dir, module, lesson };
}

async function main(): Promise<void> {
  const { dir, module, lesson } = prepareDist();
  const server = await startAppServer({ DIST_DIR: dir });
  const device = await openDevice();
  const { context } = device;
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    while (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    // The copy's index.html reference proves the static page is in the precache.
    await page.evaluate(async () => {
      const keys = await Promise.all((await caches.keys()).map(async (k) => (await caches.open(k)).keys()));
      if (!keys.flat().some((r) => r.url.includes('bench-static.html')))
        throw new Error('static page not precached');
    });

    const downloads: number[] = [];
    await page.goto(`${server.url}/modules/${module.id}`);
    const section = page.getByRole('region', { name: 'Use offline' });
    for (let i = 0; i < DOWNLOADS; i++) {
      const button = section.getByRole('button', { name: /^Download for offline/ });
      await button.waitFor();
      const start = performance.now();
      await button.click();
      await section.getByText('Downloaded', { exact: true }).waitFor({ timeout: 30_000 });
      downloads.push(performance.now() - start);
      if (i < DOWNLOADS - 1) await section.getByRole('button', { name: 'Remove download' }).click();
    }
    await page.close();

    await context.setOffline(true);
    await server.stop();

    const timeToHeading = async (url: string, title: string, app: boolean) => {
      const blank = await context.newPage();
      const cdp = await context.newCDPSession(blank);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      await blank.close();
      const tab = await context.newPage();
      await tab.goto(url, { waitUntil: 'commit' });
      const handle = await tab.waitForFunction(
        (expected) => {
          const h1 = document.querySelector('h1');
          return h1 && h1.textContent === expected && h1.getBoundingClientRect().height > 0
            ? performance.now()
            : false;
        },
        title,
        { polling: 'raf', timeout: 15_000 },
      );
      const ms = (await handle.jsonValue()) as number;
      // When the document arrived: the service worker's own part (starting, reading, rendering the lesson).
      const servedMs = await tab.evaluate(
        () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseStart,
      );
      // The heading may be the service worker's static copy of the lesson; the app has taken over when
      // that copy is gone and the lesson's buttons are live.
      if (!app) {
        await tab.close();
        return { ms, liveMs: ms, servedMs };
      }
      const live = await tab.waitForFunction(
        () =>
          !document.querySelector('[data-prerendered]') && document.querySelector('article button')
            ? performance.now()
            : false,
        undefined,
        { polling: 'raf', timeout: 15_000 },
      );
      const liveMs = (await live.jsonValue()) as number;
      await tab.close();
      return { ms, liveMs, servedMs };
    };

    const app: number[] = [];
    const appLive: number[] = [];
    const appServed: number[] = [];
    const plain: number[] = [];
    const plainServed: number[] = [];
    const lessonUrl = `${server.url}/modules/${module.id}/${lesson.id}`;
    for (let i = 0; i < COLD_STARTS; i++) {
      const start = await timeToHeading(lessonUrl, lesson.title, true);
      app.push(start.ms);
      appLive.push(start.liveMs);
      appServed.push(start.servedMs);
      const staticStart = await timeToHeading(`${server.url}/bench-static.html`, lesson.title, false);
      plain.push(staticStart.ms);
      plainServed.push(staticStart.servedMs);
    }

    const appMedian = median(app);
    const plainMedian = median(plain);
    const ratio = appMedian / plainMedian;
    console.log(
      `10-lesson module (${(module.bytes / 1000).toFixed(0)} KB) into Dexie: median ${median(downloads).toFixed(0)} ms over ${DOWNLOADS} (${downloads.map((d) => d.toFixed(0)).join(', ')})`,
    );
    console.log(
      `offline cold start to lesson heading: median ${appMedian.toFixed(0)} ms over ${COLD_STARTS} (${app.map((d) => d.toFixed(0)).join(', ')})`,
    );
    console.log(
      `same lesson as static HTML from the SW cache: median ${plainMedian.toFixed(0)} ms (${plain.map((d) => d.toFixed(0)).join(', ')})`,
    );
    console.log(`ratio app / static: ${ratio.toFixed(2)}× (target ≤ 2.0×)`);
    console.log(
      `document from the service worker (responseStart): median ${median(appServed).toFixed(0)} ms for the lesson, ${median(plainServed).toFixed(0)} ms for the static page`,
    );
    console.log(
      `offline cold start until the app has taken over (buttons live): median ${median(appLive).toFixed(0)} ms (${appLive.map((d) => d.toFixed(0)).join(', ')})`,
    );
  } finally {
    await device.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
