// Layout on a 390 px phone, measured in a real browser with the real stylesheet: what jsdom cannot see.
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { LessonPage } from './pages/lesson-page';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

const PHONE = { width: 390, height: 844 };

describe('on a phone', () => {
  it('keeps the skip link out of sight at 200% text size until it has focus', async () => {
    const page = await device.context.newPage();
    // 320 px: the width WCAG's reflow criterion asks for, where the enlarged link wraps onto two lines.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/modules`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // What the Settings page's 200% text size puts on <html> (src/lib/browser/apply-settings.ts).
    await page.evaluate(() => document.documentElement.style.setProperty('--text-scale', '2'));
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    const hidden = await skip.boundingBox();
    expect(hidden && hidden.y + hidden.height).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    await expect.poll(async () => ((await skip.boundingBox())?.y ?? -1) >= 0).toBe(true);
    await page.close();
  });

  it('does not scroll sideways on a lesson when the device has voices with long names', async () => {
    const module = builtCatalog().modules[0];
    if (!module) throw new Error('the course has no module');
    const page = await device.context.newPage();
    await page.setViewportSize(PHONE);
    await page.addInitScript(() => {
      const long = (n: number) => ({
        name: `Microsoft Sonia Online (Natural) - English (United Kingdom) voice number ${n} with a long name`,
        lang: 'en-GB',
        voiceURI: `voice-${n}`,
        localService: false,
        default: n === 1,
      });
      Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [long(1), long(2)] });
    });
    await page.goto(`${server.url}/modules/${module.id}/${module.lessons[0]?.id}`);
    await page.getByRole('combobox', { name: 'Voice' }).waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    await page.close();
  });

  it('keeps the minute buttons where they are when one is tapped', async () => {
    const page = await device.context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/`);
    const picker = page.getByRole('group', { name: 'How much time do you have?' });
    await picker.waitFor();
    const boxes = () =>
      picker.locator('label').evaluateAll((labels) =>
        labels.map((l) => {
          // Relative to the group: checking a radio may scroll the page, which moves everything alike.
          const r = l.getBoundingClientRect();
          const box = (l.parentElement as HTMLElement).getBoundingClientRect();
          return [Math.round(r.x - box.x), Math.round(r.y - box.y), Math.round(r.width)];
        }),
      );
    const before = await boxes();
    await picker.getByRole('radio', { name: '5 minutes', exact: true }).check();
    expect(await boxes()).toEqual(before);
    await page.close();
  });

  it("scrolls the record's table inside its own region at 200% text size, never the page", async () => {
    const module = builtCatalog().modules[0];
    if (!module) throw new Error('the course has no module');
    const page = await device.context.newPage();
    await page.setViewportSize(PHONE);
    for (const lesson of module.lessons.slice(0, 2)) {
      await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
      const reader = new LessonPage(page);
      await reader.markComplete();
      await reader.completedNotice().waitFor();
    }
    await page.goto(`${server.url}/record`);
    await page.getByRole('table', { name: 'Completed lessons, newest first' }).waitFor();
    await page.evaluate(() => document.documentElement.style.setProperty('--text-scale', '2'));

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: window.innerWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);

    // A keyboard reaches the region and scrolls it; every column header can be brought into view and tapped.
    const region = page.getByRole('region', { name: 'Completed lessons table' });
    await region.focus();
    await expect(region.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const overflowing = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(overflowing).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const unreachable = await region.evaluate((box) =>
      [...box.querySelectorAll<HTMLElement>('th[scope="col"]')]
        .filter((th) => {
          th.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
          const r = th.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return r.x < 0 || r.right > window.innerWidth || !(hit && th.contains(hit));
        })
        .map((th) => th.textContent),
    );
    expect(unreachable).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(widths.view);
    await page.close();
  });
});
