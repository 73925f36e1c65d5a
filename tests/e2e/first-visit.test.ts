// A first visit to a lesson's address, before any service worker is installed: the server sends the page
// the build rendered, so the lesson reads at the first paint, and the app adopts that page (hydration)
// rather than building it again: the same elements, working, with no mismatch reported.
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog, builtLesson, firstCheck } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { LessonPage } from './pages/lesson-page';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

const decode = (html: string) =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

declare global {
  interface Window {
    servedArticle?: Element | null;
    layoutShift?: number;
  }
}

describe('a first visit to a lesson', () => {
  const module = builtCatalog().modules.find((m) => m.id === 'foundations') ?? builtCatalog().modules[0];
  const entry = module.lessons[0];
  const lesson = builtLesson(module.id, entry.id);
  const address = `/modules/${module.id}/${entry.id}`;

  it('is answered with the lesson itself, before any JavaScript runs', async () => {
    for (const path of [address, `${address}/`]) {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(decode(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '')).toBe(lesson.title);
      expect(decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '')).toBe(`${lesson.title} – Pocket CPD`);
      expect(html).toContain('<script type="application/json" id="lesson-seed">');
      expect(html).toContain('Mark complete');
    }
  });

  it('is adopted by the app as it was sent, and works', async () => {
    const { right } = firstCheck(lesson);
    const page = await device.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    // The lesson's article as the HTML parser creates it, before any of the app's code has run.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        window.servedArticle = document.querySelector('article.lesson');
        if (window.servedArticle) observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}${address}`);

    // The app has taken the page over once React has attached itself to the served article.
    await page.waitForFunction(() => {
      const article = document.querySelector('article.lesson');
      return article !== null && Object.keys(article).some((key) => key.startsWith('__reactFiber'));
    });
    const reader = new LessonPage(page);
    await reader.answerFirstCheck(right);
    await expect.poll(() => reader.feedback().textContent()).toContain('Correct.');
    expect(await page.evaluate(() => window.servedArticle === document.querySelector('article.lesson'))).toBe(
      true,
    );
    expect(page.url()).toBe(`${server.url}${address}`);
    expect(errors).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByText('1 attempt · latest correct').isVisible()).toBe(true);
    await page.close();
  });

  it('loads the app’s code only once the lesson is on screen, then the app takes over', async () => {
    const newDevice = await openDevice();
    try {
      const page = await newDevice.context.newPage();
      await page.goto(`${server.url}${address}`);
      await page.waitForFunction(() => {
        const article = document.querySelector('article.lesson');
        return article !== null && Object.keys(article).some((key) => key.startsWith('__reactFiber'));
      });
      const { painted, scripts } = await page.evaluate(() => ({
        painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        scripts: performance
          .getEntriesByType('resource')
          .filter((entry) => /\/assets\/.+\.js$/.test(entry.name))
          .map((entry) => ({ file: new URL(entry.name).pathname, start: entry.startTime })),
      }));
      expect(Number.isFinite(painted)).toBe(true);
      // The page's own small entry comes with it; everything else, the app's entry included, after the paint.
      const [lessonEntry, ...app] = scripts;
      expect(lessonEntry?.file).toMatch(/^\/assets\/lesson-entry-/);
      expect(app.map((s) => s.file)).toContainEqual(expect.stringMatching(/^\/assets\/index-/));
      expect(app.filter((s) => s.start < painted)).toEqual([]);
    } finally {
      await newDevice.close();
    }
  });
});

describe('a first visit to Today', () => {
  it('asks a new learner their role while the course loads, and nothing on screen moves as it fills in', async () => {
    const newDevice = await openDevice();
    try {
      const page = await newDevice.context.newPage();
      // Cumulative layout shift, as Lighthouse and the browser's own metric count it.
      await page.addInitScript(() => {
        window.layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) {
            window.layoutShift = (window.layoutShift ?? 0) + entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      // The catalogue is held back, as on a slow signal, until the question is on screen.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/content/catalog.json', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}/`);
      await page.getByRole('region', { name: 'Welcome. What is your role?' }).waitFor();
      release();
      await page.getByRole('group', { name: 'How much time do you have?' }).waitFor();
      // The header's links move a pixel or two when the web font arrives (0.001); the question appearing
      // above the loading line, as it first did, was 0.035.
      expect(await page.evaluate(() => window.layoutShift)).toBeLessThan(0.01);
    } finally {
      await newDevice.close();
    }
  });
});
