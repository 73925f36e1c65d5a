// A verified certificate end to end in Chromium, through the real server over the built app: a learner with
// an account completes a module; offline the certificate is the device's own, marked not yet verified; back
// online they get the server's signed one, print it (page.pdf, read back with pdftotext), download its
// signed JSON (checked with node:crypto and the published keys only) and revoke it. The address read from
// the PDF opens the verify page signed out, in a fresh browser profile. Axe checks both pages in every theme.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chooseTheme, THEMES, waitForTheme } from './helpers/accessibility';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { AccountPage } from './pages/account-page';

const run = promisify(execFile);
const SYNC = { timeout: 20_000 };
const NAME = 'Sam Taylor';

let server: AppServer;
let learner: Device;
let stranger: Device;
let dir: string;

beforeAll(async () => {
  server = await startAppServer();
  learner = await openDevice();
  stranger = await openDevice();
  dir = mkdtempSync(join(tmpdir(), 'pocket-cpd-verified-'));
});

afterAll(async () => {
  await learner?.close();
  await stranger?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Axe on the page at `path` in every theme (chosen in Settings, as a learner does). */
async function axeInEveryTheme(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  const found: string[] = [];
  for (const theme of THEMES) {
    await chooseTheme(page, server.url, theme);
    await page.goto(`${server.url}${path}`);
    await ready(page);
    await waitForTheme(page, theme);
    found.push(...(await axeViolations(page)).map((v) => `${theme.name} ${v}`));
  }
  return found;
}

describe('a verified certificate in Chromium', () => {
  const catalog = builtCatalog();
  const module = catalog.modules.reduce((a, b) => (b.lessons.length < a.lessons.length ? b : a));
  let page: Page;
  let visitor: Page;
  let url = '';
  let id = '';
  const certificate = () => page.getByRole('region', { name: 'Certificate' });

  it('offline, prints the device’s own certificate marked not yet verified', async () => {
    page = await learner.context.newPage();
    const account = new AccountPage(page);
    await account.open(server.url);
    await account.createAccount('sam.taylor@example.org', NAME, 'a long enough password');
    await expect.poll(() => account.signedIn().isVisible(), SYNC).toBe(true);
    for (const lesson of module.lessons) {
      await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByText('You completed this lesson').waitFor();
    }
    await page.goto(`${server.url}/record/certificate/${module.id}`);
    await certificate().waitFor();
    await learner.context.setOffline(true);
    await page
      .getByText(/You are offline: once you are online, you can get a verified certificate/)
      .waitFor();
    expect(await certificate().textContent()).toContain('Not yet verified');
  });

  it('online again, gets the verified one and prints its QR code and address (read back from the PDF)', async () => {
    await learner.context.setOffline(false);
    await page.getByRole('button', { name: 'Get a verified certificate' }).click(SYNC);
    await certificate()
      .getByRole('img', { name: /^QR code linking to / })
      .waitFor(SYNC);
    expect(await certificate().textContent()).not.toContain('Not yet verified');

    const pdfFile = join(dir, 'certificate.pdf');
    writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true }));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const address = new RegExp(`${server.url.replace(/[.:/]/g, '\\$&')}/verify/([2-9A-HJKMNP-Z]{10})`).exec(
      text,
    );
    expect(address, text).not.toBeNull();
    [url = '', id = ''] = address ?? [];
    expect(text).toContain(NAME);
    expect(text).toContain(module.title);
    expect(text).not.toContain('Not yet verified');
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  });

  it('downloads the signed JSON, which checks out with node:crypto and the published keys alone', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download signed certificate (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`certificate-${id}.json`);
    const jsonFile = join(dir, download.suggestedFilename());
    await download.saveAs(jsonFile);
    const keysFile = join(dir, 'keys.json');
    writeFileSync(keysFile, await (await fetch(`${server.url}/api/v1/certificates/keys`)).text());
    const script = resolve(__dirname, '../../scripts/verify-certificate.mjs');
    const { stdout } = await run(process.execPath, [script, jsonFile, keysFile]);
    expect(stdout).toContain(`VALID: ${id}, ${NAME}`);
  });

  it('opens the address from the PDF signed out, in a browser that never saw the app: valid', async () => {
    visitor = await stranger.context.newPage();
    await visitor.goto(url);
    await visitor.getByText(`Valid: Pocket CPD issued certificate ${id} and it stands.`).waitFor(SYNC);
    const certified = visitor.getByRole('region', { name: 'What was certified' });
    expect(await certified.textContent()).toContain(NAME);
    expect(await certified.textContent()).toContain(module.title);
    expect(await visitor.content()).not.toContain('sam.taylor@example.org');
  });

  // Eight pages, each after choosing its theme in Settings: longer than one page's minute.
  it('has no axe violations on the verify page and the verified certificate in any theme', async () => {
    const verifyViolations = await axeInEveryTheme(visitor, `/verify/${id}`, async (p) => {
      await p.getByText(/^Valid:/).waitFor(SYNC);
    });
    const certificateViolations = await axeInEveryTheme(
      page,
      `/record/certificate/${module.id}`,
      async (p) => {
        await p
          .getByRole('region', { name: 'Certificate' })
          .getByRole('img', { name: /^QR code/ })
          .waitFor(SYNC);
      },
    );
    expect([...verifyViolations, ...certificateViolations]).toEqual([]);
  }, 170_000);

  it('once the learner revokes it, the same address says revoked', async () => {
    await page.getByRole('button', { name: 'Revoke…' }).click();
    await page.getByRole('button', { name: 'Revoke certificate' }).click();
    await page.getByText(new RegExp(`You revoked certificate ${id} on`)).waitFor(SYNC);
    await visitor.goto(url);
    await visitor.getByText(new RegExp(`^Revoked: the learner withdrew certificate ${id} on`)).waitFor(SYNC);
  });
});
