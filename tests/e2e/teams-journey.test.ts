// Teams end to end, through the real server over the built app: a leader starts a team, creates a join
// code and assigns a module; two staff join in their own browser profiles (one signs up on the join page
// itself); one completes a lesson offline and syncs later; the leader's dashboard shows both, the CSV and
// the printed A4 report (page.pdf, read with pdftotext) carry the figures; one member leaves and is gone
// from the dashboard. Axe checks the new screens in every theme.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chooseTheme, THEMES, waitForTheme } from './helpers/accessibility';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { builtCatalog } from './helpers/built-course';
import { AccountPage } from './pages/account-page';
import { SyncStatusBar } from './pages/sync-status-bar';

const PASSWORD = 'a long enough password';
const SYNC = { timeout: 20_000 };
const TEAM = 'Oak Tree Nursery';
const catalog = builtCatalog();
const module = catalog.modules.reduce((a, b) => (b.lessons.length < a.lessons.length ? b : a));

let server: AppServer;
let leader: Device;
let ana: Device;
let ben: Device;

beforeAll(async () => {
  server = await startAppServer();
  [leader, ana, ben] = await Promise.all([openDevice(), openDevice(), openDevice()]);
});
afterAll(async () => {
  await Promise.all([leader?.close(), ana?.close(), ben?.close()]);
  await server?.stop();
});

async function signUp(page: Page, email: string, name: string) {
  const account = new AccountPage(page);
  await account.open(server.url);
  await account.createAccount(email, name, PASSWORD);
  await expect.poll(() => account.signedIn().isVisible(), SYNC).toBe(true);
}

async function joinTeam(page: Page, code: string, role: string) {
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('button', { name: `Join ${TEAM}` }).click();
  await page.getByText(`You joined ${TEAM}.`).waitFor();
  expect(code).toMatch(/^[2-9A-Z]{8}$/);
}

async function axe(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  return axeViolations(page);
}

describe('teams, from invite to report', () => {
  let teamUrl = '';
  let code = '';
  let leaderPage: Page;

  it('a leader starts a team, creates a join code and assigns a module', async () => {
    leaderPage = await leader.context.newPage();
    await signUp(leaderPage, 'head@oaktree.sch.uk', 'Hana Head');
    await leaderPage.goto(`${server.url}/settings`);
    await leaderPage.getByRole('link', { name: 'Teams' }).click();
    await leaderPage.getByRole('textbox', { name: 'Name of your setting' }).fill(TEAM);
    await leaderPage.getByRole('button', { name: 'Start the team' }).click();
    await leaderPage.getByRole('heading', { level: 1, name: `Manage ${TEAM}` }).waitFor();
    teamUrl = leaderPage.url().replace(/\/manage$/, '');

    await leaderPage.getByRole('button', { name: 'Create a join code' }).click();
    await leaderPage.getByText('A new join code is ready.').waitFor();
    code = (await leaderPage.locator('.invite-code').first().textContent()) ?? '';
    await leaderPage
      .getByRole('img', { name: `QR code for the join link ${server.url}/join/${code}` })
      .waitFor();

    await leaderPage
      .getByRole('combobox', { name: 'What to complete' })
      .selectOption({ label: module.title });
    await leaderPage.getByLabel('Due by (optional)').fill('2099-07-31');
    await leaderPage.getByRole('button', { name: 'Assign', exact: true }).click();
    await leaderPage.getByText('Assigned.').waitFor();
    expect(await leaderPage.getByRole('region', { name: 'Assignments' }).textContent()).toContain(
      module.title,
    );
  });

  it('one member signs up on the join page itself, joins, and completes a lesson offline that syncs later', async () => {
    const page = await ana.context.newPage();
    await page.goto(`${server.url}/join/${code.toLowerCase()}`);
    await page.getByText(/Joining needs an account/).waitFor();
    const form = page.locator('form.account-form');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana@oaktree.sch.uk');
    await form.getByRole('textbox', { name: 'Display name' }).fill('Ana Patel');
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: `What ${TEAM}’s leaders will see` }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain('your notes and reflections');
    await joinTeam(page, code, 'Teaching assistant');

    await page.goto(server.url);
    const card = page.getByRole('region', { name: 'From your team' });
    await expect.poll(() => card.textContent(), SYNC).toContain(module.title);
    expect(await card.textContent()).toContain('due 31 July 2099');

    const lesson = module.lessons[0];
    await page.goto(`${server.url}/modules/${module.id}/${lesson.id}`);
    await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
    await ana.context.setOffline(true);
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByText('You completed this lesson').waitFor();
    const status = new SyncStatusBar(page);
    await expect.poll(() => status.text(), SYNC).toContain("Will sync when you're back online");
    await ana.context.setOffline(false);
    await expect.poll(() => status.waitingInStorage(), SYNC).toBe(0);
  });

  it('another member, already signed in, joins from the link', async () => {
    const page = await ben.context.newPage();
    await signUp(page, 'ben@oaktree.sch.uk', 'Ben Okafor');
    await page.goto(`${server.url}/join/${code}`);
    await joinTeam(page, code, 'Teacher');
  });

  it('the leader sees both, downloads the CSV and prints the report', async () => {
    await leaderPage.goto(teamUrl);
    const table = leaderPage.getByRole('table');
    await expect.poll(() => table.textContent(), SYNC).toContain('Ana Patel');
    expect(await table.textContent()).toContain('Ben Okafor');
    const anaRow = leaderPage.getByRole('row', { name: /Ana Patel/ });
    expect(await anaRow.textContent()).toMatch(module.lessons.length === 1 ? /Done/ : /In progress/);
    expect(await leaderPage.getByRole('row', { name: /Ben Okafor/ }).textContent()).toContain('Not started');
    const done = module.lessons.length === 1 ? 1 : 0;
    const sentence = `${done} of 3 staff ${done === 1 ? 'has' : 'have'} completed ${module.title}`;
    await leaderPage.getByText(sentence).waitFor();

    const [download] = await Promise.all([
      leaderPage.waitForEvent('download'),
      leaderPage.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Name,Role,Team role,Joined,Minutes');
    expect(csv).toMatch(/Ana Patel,Teaching assistant,Member,/);
    // Minutes, lessons, refreshers due, sessions attended, session minutes; then the assignment's status.
    expect(csv).toMatch(/Ben Okafor,Teacher,Member,\d{4}-\d{2}-\d{2},0,0,0,0,0,Not started,/);

    const pdf = await leaderPage.pdf({ format: 'A4', printBackground: true });
    const dir = mkdtempSync(join(tmpdir(), 'pocket-cpd-team-pdf-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(`${TEAM}: staff progress`);
      expect(text).toContain('report for governors and inspectors');
      expect(text).toMatch(/As of \d{1,2} [A-Z][a-z]+ \d{4}/);
      expect(text).toContain(sentence);
      expect(text).toContain('Ana Patel');
      expect(text).not.toContain('Download CSV');
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+595(\.\d+)? x 842/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a member who leaves disappears from the dashboard at once', async () => {
    const page = await ben.context.newPage();
    await page.goto(`${server.url}/settings/teams`);
    await page.getByRole('button', { name: `Leave ${TEAM}` }).click();
    await page.getByRole('button', { name: 'Leave the team' }).click();
    await page.getByText(`You left ${TEAM}.`, { exact: false }).waitFor();

    await leaderPage.goto(teamUrl);
    await leaderPage.getByRole('table').waitFor();
    expect(await leaderPage.getByRole('table').textContent()).not.toContain('Ben Okafor');
    expect(await leaderPage.getByRole('table').textContent()).toContain('Ana Patel');
  });

  it.each(THEMES)('the team screens have no axe violations in the $name theme', async (theme) => {
    const page = await leader.context.newPage();
    await chooseTheme(page, server.url, theme);
    const paths = [
      '/settings/teams',
      teamUrl.replace(server.url, ''),
      `${teamUrl.replace(server.url, '')}/manage`,
      `${teamUrl.replace(server.url, '')}/poster/${code}`,
      '/teams/overview',
      `/join/${code}`,
    ];
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      await waitForTheme(page, theme);
      for (const violation of await axe(page)) found.push(`${path} ${violation}`);
    }
    await page.close();
    expect(found).toEqual([]);
  });
});
