// `npm run dev` for authors: editing a lesson updates the open page, and a broken edit shows the
// problems in Vite's error overlay while the dev server keeps running. Works on a copy of the fixture
// course so the real content is never touched.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Device, openDevice } from './helpers/browser';

let contentDir: string;
let server: ViteDevServer;
let device: Device;
let url: string;

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'pocket-cpd-dev-content-'));
  cpSync('tests/fixtures/content/good', contentDir, { recursive: true });
  process.env.CONTENT_DIR = contentDir;
  server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  device = await openDevice();
});

afterAll(async () => {
  await device?.close();
  await server?.close();
  delete process.env.CONTENT_DIR;
  rmSync(contentDir, { recursive: true, force: true });
});

describe('the dev server for lesson authors', () => {
  it('shows a lesson edit on the open page, and a broken edit in the error overlay', {
    timeout: 120_000,
  }, async () => {
    const lessonFile = join(contentDir, 'foundations', '02-support.md');
    const original = readFileSync(lessonFile, 'utf8');
    const page = await device.context.newPage();
    await page.goto(`${url}/modules/foundations/foundations-support`);
    await page.getByRole('heading', { level: 1, name: 'SEN support' }).waitFor({ timeout: 60_000 });

    writeFileSync(
      lessonFile,
      original.replace('SEN support is help the school gives.', 'Edited while you watch.'),
    );
    await expect.poll(() => page.getByText('Edited while you watch.').count(), { timeout: 20_000 }).toBe(1);

    writeFileSync(
      lessonFile,
      original
        .replace('- [x] The school', '- [ ] The school')
        .replace('- [x] The teacher', '- [ ] The teacher'),
    );
    const overlay = page.locator('vite-error-overlay');
    await expect.poll(() => overlay.count(), { timeout: 20_000 }).toBe(1);
    const message = await overlay.evaluate(
      (el) => el.shadowRoot?.querySelector('.window')?.textContent ?? '',
    );
    expect(message).toContain('02-support.md');
    expect(message).toMatch(/no correct option|correct/i);

    writeFileSync(lessonFile, original);
    await expect
      .poll(() => page.getByText('SEN support is help the school gives.').count(), { timeout: 20_000 })
      .toBe(1);
    await page.close();
  });
});
