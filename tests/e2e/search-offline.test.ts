// Search with no signal, in a real browser with the real service worker: the index is precached with the
// app, so a first visit is enough to search the whole course later offline, from the header's box.
// Chromium's offline emulation does not cover the service worker's own fetches (playwright#2311), so the
// server is stopped too: nothing can come from the network.
import { describe, expect, it } from 'vitest';
import type { AppServer } from './helpers/app-server';
import type { Device } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { serverAndDevicePerFile } from './helpers/server-and-device';
import { AppShell } from './pages/app-shell';

let server: AppServer;
let device: Device;
serverAndDevicePerFile((s, d) => {
  server = s;
  device = d;
});

describe('search with no signal', () => {
  it('finds a lesson by an abbreviation offline and says it is not downloaded', async () => {
    const foundations = builtCatalog().modules.find((m) => m.id === 'foundations');
    const lesson = foundations?.lessons.find((l) => l.title.includes('EHC plan'));
    if (!foundations || !lesson) throw new Error('the course needs a foundations lesson on EHC plans');

    const page = await device.context.newPage();
    await page.goto(`${server.url}/`);
    await new AppShell(page).untilControlled();

    await device.context.setOffline(true);
    await server.stop();
    await page.reload();

    await page.getByRole('searchbox', { name: 'Search lessons' }).fill('EHCP');
    await page.getByRole('button', { name: 'Search' }).click();
    const results = page.getByRole('list', { name: 'Search results' });
    const item = results.getByRole('listitem').filter({ hasText: lesson.title });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1);
    expect(await item.textContent()).toContain('Not downloaded: needs a connection');
    expect(await page.getByRole('status').filter({ hasText: 'found for “EHCP”' }).count()).toBe(1);
    await expect
      .poll(() => item.getByRole('link', { name: lesson.title }).getAttribute('href'))
      .toBe(`/modules/foundations/${lesson.id}`);
  });
});
