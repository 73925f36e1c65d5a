// A forgotten password in Chromium, through the real server: the codes shown once at sign-up, back in on
// another device with one of them, back in again by the emailed link, which goes through a real SMTP
// server on loopback (the test reads the message and opens its link), and back in with a code the team's
// leader made on Robin's page of the team dashboard. Axe checks each new screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetLinkIn, type SmtpCatcher, startSmtpCatcher } from '../server/support/smtp-catcher';
import { axeViolations } from './helpers/accessibility';
import { type AppServer, freePort, startAppServer } from './helpers/app-server';
import { type Device, openDevice } from './helpers/browser';

const EMAIL = 'robin@example.org';
const PASSWORD = 'correct horse battery';
let server: AppServer;
let smtp: SmtpCatcher;
let phone: Device;
let tablet: Device;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  const port = await freePort();
  server = await startAppServer({ SMTP_URL: smtp.url, PUBLIC_URL: `http://127.0.0.1:${port}` }, port);
  phone = await openDevice();
  tablet = await openDevice();
});

afterAll(async () => {
  await phone?.close();
  await tablet?.close();
  await server?.stop();
  await smtp?.close();
});

const signIn = (email: string, password: string) =>
  fetch(`${server.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('a way back in', () => {
  let codes: string[] = [];

  it('shows ten recovery codes once when the account is made', async () => {
    const page = await phone.context.newPage();
    await page.goto(`${server.url}/settings/sync`);
    const form = page.locator('form.account-form');
    await form.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await form.getByRole('textbox', { name: 'Display name' }).fill('Robin Ali');
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    codes = await page.locator('.recovery-codes li').allTextContents();
    expect(codes).toHaveLength(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I have kept my codes' }).click();
    await page.getByText(/^Signed in as/).waitFor();
    await page.close();
  });

  it('gets back in on another device with a recovery code and a new password', async () => {
    const page = await tablet.context.newPage();
    await page.goto(`${server.url}/settings/sync`);
    await page.getByRole('button', { name: 'Sign in', pressed: false }).click();
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forgotten your password?' }).waitFor();
    await page.getByRole('button', { name: 'Email me a link' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[4] ?? '');
    await page.getByLabel('New password', { exact: true }).fill('a second long sentence');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page.getByRole('heading', { name: 'Your new password is set' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByText(/^Synced/).waitFor();
    expect((await signIn(EMAIL, PASSWORD)).status).toBe(401);
    expect((await signIn(EMAIL, 'a second long sentence')).status).toBe(200);
    await page.close();
  });

  it('gets back in by the link in the reset email', async () => {
    const page = await tablet.context.newPage();
    await page.goto(`${server.url}/settings/sync/forgot`);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText(`If an account uses ${EMAIL}, a link`).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const link = resetLinkIn((await smtp.next(EMAIL)).raw);
    expect(link.startsWith(`${server.url}/reset-password#token=`)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    // The token is taken out of the address as soon as the page has read it.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('New password', { exact: true }).fill('a third long sentence');
    await page.getByRole('button', { name: 'Set my new password' }).click();
    await page.getByRole('heading', { name: 'Your new password is set' }).waitFor();
    expect((await signIn(EMAIL, 'a second long sentence')).status).toBe(401);
    expect((await signIn(EMAIL, 'a third long sentence')).status).toBe(200);
    await page.close();
  });

  it('gets back in with a one-time code the team leader made on their page', async () => {
    const api = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await res.json()) as Record<string, string>;
    };
    await api('POST', '/accounts', undefined, {
      email: 'senco@example.org',
      name: 'Sam Senco',
      password: PASSWORD,
    });
    const senco = await api('POST', '/sessions', undefined, {
      email: 'senco@example.org',
      password: PASSWORD,
    });
    const robin = await api('POST', '/sessions', undefined, {
      email: EMAIL,
      password: 'a third long sentence',
    });
    const { teamId } = await api('POST', '/teams', senco.token, { name: 'Oak Tree Nursery' });
    const invite = await api('POST', `/teams/${teamId}/invites`, senco.token, {});
    await api('POST', `/invites/${invite.code}/accept`, robin.token, { staffRole: 'ta' });

    const leader = await openDevice();
    try {
      const desk = await leader.context.newPage();
      await desk.goto(`${server.url}/settings/sync`);
      await desk.getByRole('button', { name: 'Sign in', pressed: false }).click();
      const form = desk.locator('form.account-form');
      await form.getByRole('textbox', { name: 'Email' }).fill('senco@example.org');
      await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await desk.getByText(/^Signed in as/).waitFor();
      await desk.goto(`${server.url}/teams/${teamId}/members/${robin.learnerId}`);
      // A code made by mistake is cancelled first: the panel says so, and Robin's record will too.
      await desk.getByRole('button', { name: 'Make a reset code for Robin Ali' }).click();
      await desk.getByRole('heading', { name: 'Reset code for Robin Ali' }).waitFor();
      await desk.getByRole('button', { name: 'Cancel this code' }).click();
      await desk.getByText(/^The code is cancelled: it no longer works/).waitFor();
      expect(await axeViolations(desk)).toEqual([]);
      await desk.getByRole('button', { name: 'Make a reset code for Robin Ali' }).click();
      await desk.getByRole('heading', { name: 'Reset code for Robin Ali' }).waitFor();
      const code = (await desk.locator('.reset-code').textContent()) ?? '';
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      expect(await axeViolations(desk)).toEqual([]);

      const page = await tablet.context.newPage();
      await page.goto(`${server.url}/settings/sync/forgot`);
      await page.getByRole('button', { name: 'A code from my team leader' }).click();
      await page.getByRole('heading', { name: 'A code from my team leader' }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL);
      await page.getByRole('textbox', { name: 'Reset code' }).fill(code.toLowerCase());
      await page.getByLabel('New password', { exact: true }).fill('a fourth long sentence');
      await page.getByRole('button', { name: 'Set my new password' }).click();
      await page.getByRole('heading', { name: 'Your new password is set' }).waitFor();
      expect((await signIn(EMAIL, 'a third long sentence')).status).toBe(401);
      expect((await signIn(EMAIL, 'a fourth long sentence')).status).toBe(200);

      await page.goto(`${server.url}/settings/sync`);
      const record = page.getByRole('region', { name: 'Reset codes from your team leaders' });
      await record
        .getByText(/Sam Senco \(Oak Tree Nursery\) made a password reset code/)
        .first()
        .waitFor();
      expect(await record.textContent()).toContain('used on');
      expect(await record.textContent()).toContain('cancelled');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    } finally {
      await leader.close();
    }
  });
});
