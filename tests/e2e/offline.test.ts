// Offline in a real browser with the real service worker, against the built app served by the real server:
// install criteria, download a module, then with no connection open a lesson cold at its URL, answer and
// complete it, reload and find the progress; a module not downloaded, and a lesson of it, say they need a
// connection.
// Chromium's offline emulation does not cover the service worker's own fetches (playwright#2311), so the
// server is stopped too: nothing can come from the network.
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/shared/content/lesson-page-html';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog, builtLesson, firstCheck } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';
import { ModulePage } from './pages/module-page';

type Placed = { element: string; top: number; height: number };

/**
 * Each element of the service worker's copy of the lesson (in `served`) and of the app's live article, with
 * its offset from its article's top, the copy laid out hidden in the live article's place.
 */
function articleLayouts(served: string): { copy: Placed[]; live: Placed[] } {
  const live = document.querySelector('article.lesson');
  const copy = new DOMParser()
    .parseFromString(served, 'text/html')
    .querySelector('[data-prerendered] article');
  if (!live?.parentElement || !copy) throw new Error('no lesson article to compare');
  const holder = document.createElement('div');
  holder.inert = true;
  holder.style.visibility = 'hidden';
  holder.append(document.importNode(copy, true));
  live.parentElement.append(holder);
  const placed = (article: Element): Placed[] => {
    const top = article.getBoundingClientRect().top;
    // A closed menu's options have no box of their own to compare.
    return [...article.querySelectorAll(':not(option)')].map((element) => {
      const box = element.getBoundingClientRect();
      return { element: element.localName, top: Math.round(box.top - top), height: Math.round(box.height) };
    });
  };
  const layouts = { copy: placed(holder.firstElementChild as Element), live: placed(live) };
  holder.remove();
  return layouts;
}

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

describe('studying with no signal', () => {
  it('downloads a module, then opens, answers and completes a lesson offline, and keeps the progress', async () => {
    const catalog = builtCatalog();
    const module = catalog.modules.find((m) => m.id === 'foundations') ?? catalog.modules[0];
    const other = catalog.modules.find((m) => m.id !== module.id);
    if (!other) throw new Error('the course needs two modules');
    const lessonEntry = module.lessons[1] ?? module.lessons[0];
    const lesson = builtLesson(module.id, lessonEntry.id);
    const { right } = firstCheck(lesson);
    const lessonUrl = `${server.url}/modules/${module.id}/${lesson.id}`;

    const page = await device.context.newPage();
    const shell = new AppShell(page);
    await page.goto(`${server.url}/`);
    await shell.untilControlled();

    const cdp = await device.context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    // An attached CDP session keeps Playwright's offline emulation from reaching the page.
    await cdp.detach();

    await page.goto(`${server.url}/modules/${module.id}`);
    const modulePage = new ModulePage(page);
    await modulePage.download();
    await expect.poll(() => modulePage.downloaded().isVisible(), { timeout: 15_000 }).toBe(true);

    await device.context.setOffline(true);
    await server.stop();

    const document = await page.goto(lessonUrl);
    // The service worker answers with the lesson already in the page, readable before the app starts.
    expect(document?.fromServiceWorker()).toBe(true);
    const served = (await document?.text()) ?? '';
    expect(served).toContain(`<h1 tabindex="-1" class="page-heading">${escapeHtml(lesson.title)}</h1>`);
    expect(served).toContain('data-prerendered=');
    const reader = new LessonPage(page);
    await expect.poll(() => reader.heading(lesson.title).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => shell.offlineLine().isVisible()).toBe(true);
    // Then the app replaces that copy with its own live page, and nothing in the lesson moves: the copy,
    // laid out beside the live page at the same width, has every element at the same place.
    await expect.poll(() => page.locator('[data-prerendered]').count(), { timeout: 15_000 }).toBe(0);
    const { copy, live } = await page.evaluate(articleLayouts, served);
    expect(copy.length).toBeGreaterThan(10);
    expect(copy).toEqual(live);
    await reader.answerFirstCheck(right);
    await expect.poll(() => reader.feedback().textContent()).toContain('Correct.');
    await reader.markComplete();
    await expect.poll(() => reader.completedNotice().isVisible()).toBe(true);

    await page.reload();
    await expect.poll(() => reader.heading(lesson.title).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => reader.completedNotice().isVisible()).toBe(true);

    await page.goto(`${server.url}/modules/${other.id}`);
    await expect
      .poll(() => new ModulePage(page).needsConnection().isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.goto(`${server.url}/modules`);
    await expect
      .poll(() => page.getByText('Needs a connection', { exact: true }).count(), { timeout: 15_000 })
      .toBe(catalog.modules.length - 1);

    // In-app, a lesson of a module not downloaded says the same, calmly, instead of failing to load.
    const otherLesson = other.lessons[0];
    await page.getByRole('link', { name: other.title, exact: true }).click();
    await page
      .getByRole('list', { name: 'Lessons' })
      .getByRole('link', { name: otherLesson.title, exact: true })
      .click();
    await expect.poll(() => reader.heading(otherLesson.title).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('Needs a connection.', { exact: true }).isVisible()).toBe(true);
    await page.close();
  });
});
