// The xAPI screens in the built app against the real server (docs/xapi.md): a learner makes a key in
// Settings, sees its secret once, and revokes it (the server then refuses it); a team's leader makes a team
// key and sets the team's forward, where an address inside the server's own network is refused with the
// reason (the server runs without XAPI_FORWARD_ALLOW_PRIVATE, as in production). Axe checks both screens,
// in every theme, with a key listed and a forward set.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, chooseTheme, THEMES, waitForTheme } from './helpers/accessibility';
import { type AppServer, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';
import { AccountPage } from './pages/account-page';

const SYNC = { timeout: 20_000 };
const TEAM = 'Rowan Room';
const MY_CARD = 'Your learning record in other systems (xAPI)';
const TEAM_KEYS = 'Learning records for your trust or college (xAPI)';
const FORWARD = 'Send records to your trust’s or college’s LRS';

let server: AppServer;
let device: Device;
let page: Page;
let manageUrl = '';

beforeAll(async () => {
  server = await startAppServer();
  device = await openDevice();
  page = await device.context.newPage();
});
afterAll(async () => {
  await device?.close();
  await server?.stop();
});

/** What the Statements resource answers a read with this key (200 while it works, 401 once revoked). */
async function readWith(key: string, secret: string): Promise<number> {
  const res = await fetch(`${server.url}/xapi/statements`, {
    headers: {
      'X-Experience-API-Version': '1.0.3',
      authorization: `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`,
    },
  });
  await res.body?.cancel();
  return res.status;
}

/** Makes a key in the card called `card`; returns its id and the secret shown once. */
async function makeKey(cardName: string, label: string): Promise<{ id: string; secret: string }> {
  const card = page.getByRole('region', { name: cardName });
  await card.getByRole('textbox', { name: 'Name of the tool that will use the key' }).fill(label);
  await card.getByRole('button', { name: 'Make a key' }).click();
  const shown = card.locator('.xapi-secret');
  await shown.getByRole('heading', { name: `Your new key “${label}”` }).waitFor();
  const values = await shown.locator('dd code').allTextContents();
  const [id = '', secret = ''] = values.slice(-2);
  expect(secret.length).toBeGreaterThan(20);
  return { id, secret };
}

describe('xAPI keys and forwarding on screen', () => {
  it('a learner makes a key in Settings, sees the secret once, and revokes it: the server refuses it at once', async () => {
    const account = new AccountPage(page);
    await account.open(server.url);
    await account.createAccount('lead@rowan.sch.uk', 'Rhea Lead', 'a long enough password');
    await expect.poll(() => account.signedIn().isVisible(), SYNC).toBe(true);

    const { id, secret } = await makeKey(MY_CARD, 'College LRS');
    expect(await readWith(id, secret)).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const card = page.getByRole('region', { name: MY_CARD });
    await expect.poll(() => card.textContent()).toContain('College LRS');
    expect(await page.textContent('body')).not.toContain(secret);

    await card.getByRole('button', { name: 'Revoke College LRS' }).click();
    await card.getByRole('button', { name: 'Yes, revoke College LRS' }).click();
    await card.getByText('No keys yet.').waitFor();
    expect(await readWith(id, secret)).toBe(401);

    // One listed for the axe runs below.
    await makeKey(MY_CARD, 'Trust portfolio');
    await page.getByRole('button', { name: 'I have copied it' }).click();
  });

  it('a leader makes a team key and sets a forward; an address in the server’s own network is refused, saying why', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('textbox', { name: 'Name of your setting' }).fill(TEAM);
    await page.getByRole('button', { name: 'Start the team' }).click();
    await page.getByRole('heading', { level: 1, name: `Manage ${TEAM}` }).waitFor();
    manageUrl = page.url();

    const teamKey = await makeKey(TEAM_KEYS, 'Trust LRS');
    expect(await readWith(teamKey.id, teamKey.secret)).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();

    const forward = page.getByRole('region', { name: FORWARD });
    await forward.getByText('Not sending to an LRS.').waitFor();
    const endpoint = forward.getByRole('textbox', { name: 'LRS address (xAPI endpoint)' });
    await endpoint.fill('https://169.254.169.254/latest/');
    await forward.getByRole('textbox', { name: 'Key (user name)' }).fill('pocket-cpd');
    await forward.getByLabel('Secret (password)').fill('lrs-secret-e2e');
    await forward.getByRole('button', { name: 'Start forwarding' }).click();
    // Said at the address field (its description), which is marked invalid.
    await expect
      .poll(() => forward.locator('.field__error').textContent())
      .toContain(
        '169.254.169.254 is a cloud metadata address: the server does not send records into its own network.',
      );
    expect(await endpoint.getAttribute('aria-invalid')).toBe('true');
    await endpoint.fill('http://10.0.0.5/xapi/');
    await forward.getByRole('button', { name: 'Start forwarding' }).click();
    await expect
      .poll(() => forward.locator('.field__error').textContent())
      .toContain('must start with https://');
    expect(await axeViolations(page)).toEqual([]);

    // A public address (a literal, so the test needs no DNS); nobody in the team has completed anything,
    // so the forwarder has nothing to send to it.
    await endpoint.fill('https://93.184.215.14/xapi/');
    await forward.getByRole('button', { name: 'Start forwarding' }).click();
    await expect
      .poll(() => forward.getByRole('status').textContent())
      .toBe('Forwarding to https://93.184.215.14/xapi/ is on: it starts within a minute.');
    expect(await forward.textContent()).not.toContain('lrs-secret-e2e');
  });

  it.each(THEMES)('the xAPI screens have no axe violations in the $name theme', async (theme) => {
    const themed = await device.context.newPage();
    await chooseTheme(themed, server.url, theme);
    const found: string[] = [];
    for (const [url, card] of [
      [`${server.url}/settings/sync`, MY_CARD],
      [manageUrl, FORWARD],
    ] as const) {
      await themed.goto(url);
      await themed.getByRole('region', { name: card }).waitFor();
      await themed.locator('.loading').waitFor({ state: 'detached' });
      await waitForTheme(themed, theme);
      await themed.waitForLoadState('networkidle');
      for (const violation of await axeViolations(themed)) found.push(`${url} ${violation}`);
    }
    await themed.close();
    expect(found).toEqual([]);
  });

  it('stopping forwarding forgets the LRS', async () => {
    await page.goto(manageUrl);
    const forward = page.getByRole('region', { name: FORWARD });
    await forward.getByText('Sending to https://93.184.215.14/xapi/', { exact: false }).waitFor();
    await forward.getByRole('button', { name: 'Stop forwarding' }).click();
    await forward.getByRole('button', { name: 'Yes, stop forwarding' }).click();
    await forward.getByText('Not sending to an LRS.').waitFor();
  });
});
