// The certificate in Chromium: a learner sets the name on certificates, completes a module, and prints
// its certificate to PDF (page.pdf uses the print stylesheet). The PDF text is read with pdftotext
// (poppler-utils), so the test checks what a reader of the file sees.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';

let server: AppServer;
let device: Device;
const NAME = 'Alex Morgan-Ó Súilleabháin';

beforeAll(async () => {
  server = await startAppServer();
  device = await openDevice();
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

/** Runs in the page: the name on certificates as stored in the `settings` doc in IndexedDB. */
function storedCertificateName(): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('pocket-cpd');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('docs').objectStore('docs').get('settings');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        open.result.close();
        resolve(String(request.result?.body?.certificateName ?? ''));
      };
    };
  });
}

describe('certificate in Chromium', () => {
  it('prints a one-page A4 PDF with the learner’s name, the module and the content version', async () => {
    const catalog = builtCatalog();
    const module = catalog.modules.reduce((a, b) => (b.lessons.length < a.lessons.length ? b : a));
    const page = await device.context.newPage();

    await page.goto(`${server.url}/settings`);
    await page.getByRole('textbox', { name: 'Name on certificates' }).fill(NAME);
    // The name is stored asynchronously; navigating away before it is written would test a different story.
    await expect.poll(() => page.evaluate(storedCertificateName)).toBe(NAME);
    for (const lesson of module.lessons) {
      await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByText('You completed this lesson').waitFor();
    }

    await page.goto(`${server.url}/record`);
    await page.getByRole('link', { name: `Certificate: ${module.title}` }).click();
    const certificate = page.getByRole('region', { name: 'Certificate' });
    await expect.poll(() => certificate.textContent()).toContain(NAME);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'pocket-cpd-pdf-'));
    try {
      const file = join(dir, 'certificate.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(NAME);
      expect(text).toContain(module.title);
      expect(text).toContain(catalog.version);
      expect(text).toContain(`Lessons ${module.lessons.length}`);
      // The print stylesheet hides the app around the certificate.
      expect(text).not.toContain('Print or save as PDF');
      expect(text).not.toContain('Skip to main content');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:.*\(A4\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });
});
