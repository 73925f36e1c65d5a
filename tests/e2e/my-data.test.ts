// Your data in Chromium, through the real server: a learner with an account finishes a lesson, downloads
// what the server holds about them and opens the file, downloads the CSV record, then deletes the account.
// Axe checks each screen.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './helpers/accessibility';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { AccountPage } from './pages/account-page';

const EMAIL = 'sam@example.org';
const PASSWORD = 'correct horse battery';
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

describe('your data', () => {
  it('downloads everything the server holds, opens it, then deletes the account', async () => {
    const module = builtCatalog().modules[0];
    const lesson = module?.lessons[0];
    if (!module || !lesson) throw new Error('no lesson in the built course');
    const page = await device.context.newPage();
    const account = new AccountPage(page);
    await account.open(server.url);
    await account.createAccount(EMAIL, 'Sam Taylor', PASSWORD);
    await account.signedIn().waitFor();
    await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByText('You completed this lesson').waitFor();
    await page.getByText(/^Synced/).waitFor({ timeout: 20_000 });

    await page.goto(`${server.url}/settings`);
    await page.getByRole('link', { name: 'Your data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
    await page.getByRole('button', { name: 'Download my data (JSON)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data (JSON)' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^pocket-cpd-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8'));
    expect(data.account).toMatchObject({ email: EMAIL, name: 'Sam Taylor' });
    expect(data.tables.devices).toHaveLength(1);
    expect(data.tables.recovery_codes).toHaveLength(10);
    expect(
      data.tables.events.filter(
        (e: { body: { type: string; lessonId: string } }) =>
          e.body.type === 'lesson-completed' && e.body.lessonId === lesson.id,
      ),
    ).toHaveLength(1);
    expect(JSON.stringify(data)).not.toMatch(/password_hash|token_hash|code_hash/);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my CPD record (CSV)' }).click(),
    ]);
    const record = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(record).toContain(lesson.title);

    await page.getByRole('button', { name: 'Delete my account…' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();
    await page.getByRole('heading', { name: 'Your account is deleted' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const signIn = await fetch(`${server.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(401);
    await page.getByRole('button', { name: 'Remove my progress from this device' }).click();
    await page.getByText('Your progress was removed from this device too.').waitFor();
    await page.close();
  });
});
