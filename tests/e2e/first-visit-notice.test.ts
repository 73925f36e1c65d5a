// The first visit's "Ready to work offline" line on a 390 px phone, in a real browser with the real service
// worker: it used to float over the bottom of the page for 8 s, over whatever buttons were there. Now it
// is a line at the end of the page: every control of Today can still be tapped while it shows, its arrival
// moves none of them, and it stays until the learner closes it.
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { serverAndDevicePerFile } from './helpers/server-and-device';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

const CONTROLS =
  'main button, main a[href], main input, main select, main summary, header a[href], header button';

describe('the first visit on a phone', () => {
  it('says the app is ready offline without covering or moving any control of Today', async () => {
    const page = await device.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('group', { name: 'How much time do you have?' }).waitFor();

    // Where each control sits in the page (not the viewport), before the line arrives.
    const places = () =>
      page.evaluate((selector) => {
        return [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((el) => !el.closest('.offline-ready'))
          .map((el) => {
            const r = el.getBoundingClientRect();
            return `${el.textContent?.trim() || el.getAttribute('aria-label')} ${Math.round(r.x)},${Math.round(r.y + window.scrollY)}`;
          });
      }, CONTROLS);
    const before = await places();

    const note = page.getByRole('status').filter({ hasText: 'Ready to work offline.' });
    await note.waitFor({ timeout: 30_000 });
    expect(await places()).toEqual(before);

    // Every control in view, at the top of the page and scrolled to its end, is what a tap at its centre hits.
    const covered = () =>
      page.evaluate((selector) => {
        const hidden: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>(selector)) {
          const r = el.getBoundingClientRect();
          const x = r.x + r.width / 2;
          const y = r.y + r.height / 2;
          if (r.width === 0 || y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) continue;
          const hit = document.elementFromPoint(x, y);
          if (!hit || !(hit === el || el.contains(hit))) hidden.push(el.textContent?.trim() || el.outerHTML);
        }
        return hidden;
      }, CONTROLS);
    expect(await covered()).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY > 0)).toBe(true);
    expect(await covered()).toEqual([]);

    // The line itself passes axe in every theme (as the device sets light and dark; cream and high contrast
    // as Settings puts them on <html>).
    for (const [scheme, theme] of [
      ['light', null],
      ['dark', null],
      ['light', 'cream'],
      ['light', 'high-contrast'],
    ] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((name) => {
        if (name) document.documentElement.dataset.theme = name;
        else delete document.documentElement.dataset.theme;
      }, theme);
      const results = await new AxeBuilder({ page })
        .include('.offline-ready')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${theme ?? scheme}: ${v.id}`)).toEqual([]);
    }

    // Still there after the old 8 s, until the learner closes it.
    await page.waitForTimeout(9000);
    await expect.poll(() => note.isVisible()).toBe(true);
    await note.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => page.getByText('Ready to work offline.').count()).toBe(0);
    await page.close();
  });
});
