// Accounts in Chromium, through the real server over the built app: the name given at sign-up is on the
// certificate without typing it again; then the browser clears the site's storage (IndexedDB, local storage,
// caches and the service worker, as eviction does; the server's cookie stays), the welcome says the progress
// is gone from this device, and signing in brings it back. Axe checks the new account screens.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { AccountPage } from './pages/account-page';
import { SyncStatusBar } from './pages/sync-status-bar';

const EMAIL = 'priya.shah@example.org';
const NAME = 'Priya Shah-Khan';
const PASSWORD = 'a long enough password';
const SYNC = { timeout: 20_000 };

let server: AppServer;
let device: Device;

beforeAll(async () => {
  server = await startAppServer();
  device = await openDevice();
});

afterAll(async () => {
  await device?.close();
  await server?.stop();
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('an account people can trust', () => {
  it('puts the sign-up name on the certificate, and brings everything back after the browser cleared the device', async () => {
    const module = builtCatalog().modules.reduce((a, b) => (b.lessons.length < a.lessons.length ? b : a));
    const page = await device.context.newPage();
    const status = new SyncStatusBar(page);
    const account = new AccountPage(page);

    await account.open(server.url);
    await account.createAccount(EMAIL, NAME, PASSWORD);
    await expect.poll(() => account.signedIn().isVisible(), SYNC).toBe(true);
    for (const lesson of module.lessons) {
      await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
      await page.getByRole('button', { name: 'Mark complete' }).click();
      await page.getByText('You completed this lesson').waitFor();
    }
    await expect.poll(() => status.waitingInStorage(), SYNC).toBe(0);

    await page.goto(`${server.url}/record/certificate/${module.id}`);
    const certificate = page.getByRole('region', { name: 'Certificate' });
    await expect.poll(() => certificate.getByText(NAME, { exact: true }).isVisible(), SYNC).toBe(true);

    // Your account, with the password form open and a password shown: axe-clean.
    await page.goto(`${server.url}/settings/sync`);
    await page.getByRole('button', { name: 'Change password' }).click();
    const form = page.getByRole('form', { name: 'Change your password' });
    await form.getByRole('button', { name: 'Show password' }).first().click();
    await expect
      .poll(() => form.getByRole('button', { name: 'Show password', pressed: true }).count())
      .toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);

    // The browser evicts the site's storage; its cookies stay.
    const cdp = await device.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: server.url,
      storageTypes: 'indexeddb,local_storage,cache_storage,service_workers',
    });
    await page.goto(`${server.url}/`);
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'Your progress is not on this device any more' });
    await notice.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByRole('link', { name: 'I already have an account' }).isVisible()).toBe(true);

    await notice.getByRole('link', { name: 'Sign in to bring everything back' }).click();
    const signIn = page.locator('form.account-form');
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await signIn.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await signIn.getByLabel('Password').fill(PASSWORD);
    await signIn.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => account.signedIn().isVisible(), SYNC).toBe(true);

    // The progress came back from the server: the certificate is there again, with the name.
    await page.goto(`${server.url}/record/certificate/${module.id}`);
    await expect.poll(() => certificate.getByText(NAME, { exact: true }).isVisible(), SYNC).toBe(true);
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByText('Your progress is not on this device any more').count()).toBe(0);
  });
});
