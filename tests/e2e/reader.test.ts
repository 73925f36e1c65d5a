// The reader in a real browser, against the built app served by the real server: a learner finds a
// lesson in the catalogue, answers a check, completes it, and finds their progress after a reload.
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog, builtLesson, firstCheck } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { LessonPage } from './pages/lesson-page';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

describe('reading a lesson in Chromium', () => {
  it('goes from the catalogue to a lesson, answers, completes, and keeps progress after a reload', async () => {
    const catalog = builtCatalog();
    const module = catalog.modules.find((m) => m.id === 'foundations') ?? catalog.modules[0];
    const lessonEntry = module.lessons[0];
    const lesson = builtLesson(module.id, lessonEntry.id);
    const { right, wrong } = firstCheck(lesson);

    const page = await device.context.newPage();
    await page.goto(`${server.url}/modules`);
    await page.getByRole('link', { name: module.title }).first().click();
    await page
      .getByRole('link', { name: new RegExp(lessonEntry.title) })
      .first()
      .click();

    const reader = new LessonPage(page);
    await expect.poll(() => reader.heading(lesson.title).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await reader.answerFirstCheck(wrong);
    await expect.poll(() => reader.feedback().textContent()).toContain('Not quite.');
    await reader.tryAgain();
    await reader.answerFirstCheck(right);
    await expect.poll(() => reader.feedback().textContent()).toContain('Correct.');

    await reader.markComplete();
    await expect.poll(() => reader.completedNotice().isVisible()).toBe(true);

    await page.reload();
    await expect.poll(() => reader.completedNotice().isVisible()).toBe(true);
    expect(await page.getByText('2 attempts').first().isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Record' }).click();
    await expect.poll(() => page.getByRole('main').textContent()).toContain(lesson.title);
    await page.close();
  });
});
