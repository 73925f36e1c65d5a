// Exact resume in Chromium: a learner scrolls a long lesson halfway, the tab is closed, and a new tab
// (a cold start, offline when the service worker controls the page) opens the lesson at the same section.
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

/** The lesson with the most sections, so "halfway" is well inside it. */
function longestLesson() {
  const entries = builtCatalog().modules.flatMap((module) =>
    module.lessons.map((lesson) => ({ module, lesson })),
  );
  return entries.reduce((best, e) => (e.lesson.sections.length > best.lesson.sections.length ? e : best));
}

describe('exact resume in Chromium', () => {
  it('reopens a lesson at the section the learner reached, after the tab was closed', async () => {
    const { module, lesson } = longestLesson();
    const middle = lesson.sections[Math.floor(lesson.sections.length / 2)];
    const url = `${server.url}/modules/${module.id}/${lesson.id}`;

    const page = await device.context.newPage();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    // A service worker takes control after one reload on the first visit (TOOLCHAIN.md), once installed.
    const installed = await page
      .evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
        ]),
      )
      .catch(() => false);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    const controlled = installed && (await page.evaluate(() => navigator.serviceWorker.controller !== null));

    await page.evaluate((id) => {
      document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'instant' });
    }, middle.id);
    // Nudge a scroll event after layout settles, then wait for the debounced save to reach IndexedDB.
    await page.mouse.wheel(0, 1);
    await expect
      .poll(
        () =>
          page.evaluate(
            (docId) =>
              new Promise<unknown>((resolve) => {
                const open = indexedDB.open('pocket-cpd');
                open.onsuccess = () => {
                  const get = open.result.transaction('docs').objectStore('docs').get(docId);
                  get.onsuccess = () => {
                    resolve(get.result?.body?.sectionId ?? null);
                    open.result.close();
                  };
                };
              }),
            `position:${lesson.id}`,
          ),
        { timeout: 10_000 },
      )
      .toBe(middle.id);
    await page.close();

    if (controlled) await device.context.setOffline(true);
    const again = await device.context.newPage();
    try {
      await again.goto(url);
      await again.getByText(`You are back where you left off: “${middle.title}”.`).waitFor();
      const heading = again.locator(`[id="${middle.id}"]`);
      const top = await heading.evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(-2);
      expect(top).toBeLessThan(200);
      expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
      console.info(
        `resume: cold start ${controlled ? 'offline through the service worker' : 'online (no service worker)'}`,
      );
    } finally {
      await device.context.setOffline(false);
      await again.close();
    }
  });
});
