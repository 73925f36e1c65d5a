// A new version reaches a learner in the middle of a lesson: the prompt appears, the lesson stays as it
// is (no reload) until they press Update, and then the new version runs. The second version is the built
// app with a changed index.html (and so a new service worker precache revision), swapped in under the
// same origin while the page is open.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog, distDir } from './helpers/built-course';
import { AppShell } from './pages/app-shell';
import { LessonPage } from './pages/lesson-page';

let live: string;
let server: AppServer;
let device: Device;

/** Turns the copy in `dir` into "version 2": a marker in index.html and its new precache revision. */
function buildSecondVersion(dir: string): void {
  const indexPath = join(dir, 'index.html');
  writeFileSync(
    indexPath,
    readFileSync(indexPath, 'utf8').replace(
      '<head>',
      '<head>\n    <meta name="pocket-cpd-build" content="2" />',
    ),
  );
  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const next = sw.replace(
    /\{"revision":"[0-9a-f]+","url":"index\.html"\}/,
    '{"revision":"second-version","url":"index.html"}',
  );
  if (next === sw) throw new Error('sw.js has no precache entry for index.html');
  writeFileSync(swPath, next);
  for (const name of ['index.html', 'sw.js']) {
    for (const suffix of ['.br', '.gz']) rmSync(join(dir, name + suffix), { force: true });
  }
}

beforeAll(async () => {
  live = mkdtempSync(join(tmpdir(), 'pocket-cpd-live-dist-'));
  cpSync(distDir, live, { recursive: true });
  server = await startAppServer({ DIST_DIR: live });
  device = await openDevice();
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
  if (live) rmSync(live, { recursive: true, force: true });
});

describe('a new version of the app', () => {
  it('waits for the learner to press Update, and never reloads the open lesson on its own', async () => {
    const module = builtCatalog().modules[0];
    const lesson = module.lessons[0];
    const page = await device.context.newPage();
    const shell = new AppShell(page);
    const reader = new LessonPage(page);
    await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
    await shell.untilControlled();
    await expect.poll(() => reader.heading(lesson.title).isVisible(), { timeout: 15_000 }).toBe(true);
    // Anything kept in the page's memory disappears if the page reloads.
    await page.evaluate(() => {
      (window as Window & { sameDocument?: boolean }).sameDocument = true;
    });

    buildSecondVersion(live);
    await shell.checkForUpdate();

    await expect.poll(() => shell.updatePrompt().isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await shell.updatePrompt().textContent()).toContain('A new version is ready');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    expect(await reader.heading(lesson.title).isVisible()).toBe(true);
    expect(await page.locator('meta[name="pocket-cpd-build"]').count()).toBe(0);

    await shell.pressUpdate();

    await expect
      .poll(() => page.locator('meta[name="pocket-cpd-build"]').count(), { timeout: 20_000 })
      .toBe(1);
    expect(
      await page.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument),
    ).toBeUndefined();
    await expect.poll(() => reader.heading(lesson.title).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});
