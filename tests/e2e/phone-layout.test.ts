// Layout on a 390 px phone, measured in a real browser with the real stylesheet: what jsdom cannot see.
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

const PHONE = { width: 390, height: 844 };

describe('on a phone', () => {
  it('keeps the skip link out of sight at 200% text size until it has focus', async () => {
    const page = await device.context.newPage();
    // 320 px: the width WCAG's reflow criterion asks for, where the enlarged link wraps onto two lines.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${server.url}/modules`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // What the Settings page's 200% text size puts on <html> (src/lib/apply-settings.ts).
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
});
