// Ways back in, as a learner uses them, against the real server app: the codes shown once when the account
// is made, a new set on request in Settings, "Forgotten your password?" with a recovery code, and the page
// an emailed link opens.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { hashSessionToken } from '../../server/session-tokens';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new sentence';

async function signUp(email: string) {
  const res = await server.call('POST', '/api/v1/accounts', {
    body: { email, name: 'Sam', password: PASSWORD },
  });
  const { token, learnerId } = (await res.json()) as { token: string; learnerId: string };
  return { token, learnerId };
}

/** What the server stores when it emails a reset link: the token's hash, good for a minute. */
async function emailedResetLink(learnerId: string, token: string): Promise<void> {
  await server.db.kysely
    .insertInto('password_resets')
    .values({
      token_hash: hashSessionToken(token),
      learner_id: learnerId,
      created_at: server.app.clock.now,
      expires_at: server.app.clock.now + 60_000,
    })
    .execute();
}

async function makeCodes(token: string): Promise<string[]> {
  const res = await server.call('POST', '/api/v1/account/recovery-codes', {
    token,
    body: { password: PASSWORD },
  });
  return ((await res.json()) as { codes: string[] }).codes;
}

function captureDownloads() {
  const saved: { blob: Blob; name: string }[] = [];
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    last = blob as Blob;
    return 'blob:saved';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (last) saved.push({ blob: last, name: this.download });
  });
  return saved;
}

describe('ways back in', () => {
  it('shows ten codes once when the account is made, to print or save, then the account', async () => {
    const saved = captureDownloads();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const view = renderApp('/settings/sync');
    server.connect();
    await view.user.type(await screen.findByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await view.user.type(screen.getByRole('textbox', { name: 'Display name' }), 'Sam');
    await view.user.type(screen.getByLabelText('Password'), PASSWORD);
    await view.user.click(screen.getByRole('button', { name: 'Create account' }));

    const heading = await screen.findByRole('heading', { name: 'Your recovery codes' });
    await waitFor(() => expect(heading).toHaveFocus());
    const codes = within(heading.parentElement as HTMLElement)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    await view.user.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    await view.user.click(screen.getByRole('button', { name: 'Save as a file' }));
    expect(saved.map((s) => s.name)).toEqual(['pocket-cpd-recovery-codes.txt']);
    const text = await saved[0]?.blob.text();
    for (const code of codes) expect(text).toContain(code);

    await view.user.click(screen.getByRole('button', { name: 'I have kept my codes' }));
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as sam@example.org.');
    expect(
      await screen.findByText('You have 10 unused recovery codes, made on', { exact: false }),
    ).toBeVisible();
    expect(screen.queryByText(codes[0] ?? '')).not.toBeInTheDocument();

    // The codes work: one signs in with a new password from another device.
    const used = await server.call('POST', '/api/v1/password-resets/recovery-code', {
      body: { email: 'sam@example.org', code: codes[0], password: NEW_PASSWORD },
    });
    expect(used.status).toBe(200);
  });

  it('makes a new set in Settings after asking for the current password; the old set stops working', async () => {
    const view = renderApp('/settings/sync');
    server.connect();
    await view.user.click(await screen.findByRole('button', { name: 'Sign in' }));
    const { token } = await signUp('sam@example.org');
    const old = await makeCodes(token);
    await view.user.type(screen.getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await view.user.type(screen.getByLabelText('Password'), PASSWORD);
    const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
      .parentElement as HTMLElement;
    await view.user.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('You have 10 unused recovery codes', { exact: false })).toBeVisible();

    await view.user.click(screen.getByRole('button', { name: 'Make new recovery codes' }));
    const field = screen.getByLabelText('Your current password');
    expect(field).toHaveFocus();
    await view.user.type(field, 'not my password');
    await view.user.click(screen.getByRole('button', { name: 'Make new codes' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('That is not your current password.'));
    // A wrong password is not a lost session.
    expect(screen.getByText(/Signed in as/)).toBeVisible();

    await view.user.clear(field);
    await view.user.type(field, PASSWORD);
    await view.user.click(screen.getByRole('button', { name: 'Make new codes' }));
    const heading = await screen.findByRole('heading', { name: 'Your recovery codes' });
    const fresh = within(heading.parentElement as HTMLElement).getAllByRole('listitem');
    expect(fresh).toHaveLength(10);
    expect(fresh.map((li) => li.textContent)).not.toContain(old[0]);
    const stale = await server.call('POST', '/api/v1/password-resets/recovery-code', {
      body: { email: 'sam@example.org', code: old[0], password: NEW_PASSWORD },
    });
    expect(stale.status).toBe(401);
  });

  it('gets back in with a recovery code and a new password from "Forgotten your password?"', async () => {
    const { token } = await signUp('sam@example.org');
    const codes = await makeCodes(token);
    const view = renderApp('/settings/sync');
    server.connect();
    await view.user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await view.user.click(screen.getByRole('link', { name: 'Forgotten your password?' }));
    await screen.findByRole('heading', { level: 1, name: 'Forgotten your password?' });
    // This server sends no email, so only the code is offered.
    await waitFor(() =>
      expect(server.app.logs.some((l) => l.includes('/password-resets/options'))).toBe(true),
    );
    expect(screen.queryByRole('button', { name: 'Email me a link' })).not.toBeInTheDocument();

    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(email).toHaveFocus();
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining('Enter the email address of your account.'),
    );
    expect(screen.getByRole('textbox', { name: 'Recovery code' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter one of your recovery codes.'),
    );
    await view.user.type(email, 'sam@example.org');
    await view.user.type(screen.getByRole('textbox', { name: 'Recovery code' }), 'AAAA-BBBB-CCCC');
    await view.user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(await screen.findByText(/The email or recovery code is not right/)).toHaveAttribute(
      'role',
      'alert',
    );

    const code = screen.getByRole('textbox', { name: 'Recovery code' });
    await view.user.clear(code);
    await view.user.type(code, (codes[2] ?? '').toLowerCase());
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    const done = await screen.findByRole('heading', { name: 'Your new password is set' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.getByText(/recovery code you used is now spent/)).toBeVisible();
    const session = await db.meta.get('session');
    expect(session?.value).toMatchObject({ email: 'sam@example.org', token: expect.any(String) });
    // The old session (another device) was signed out.
    expect((await server.call('GET', '/api/v1/sync/pull', { token })).status).toBe(401);
  });

  it('refuses a common password next to the new-password field, keeping the recovery code', async () => {
    const { token } = await signUp('sam@example.org');
    const codes = await makeCodes(token);
    const view = renderApp('/settings/sync/forgot');
    server.connect();
    const form = await screen.findByRole('region', { name: 'Use a recovery code' });
    await view.user.type(within(form).getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await view.user.type(within(form).getByRole('textbox', { name: 'Recovery code' }), codes[0] ?? '');
    const password = within(form).getByLabelText('New password');
    await view.user.type(password, 'password123');
    await view.user.click(within(form).getByRole('button', { name: 'Set my new password' }));
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(
        expect.stringContaining('one of the most common passwords'),
      ),
    );
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveFocus();
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    const later = await server.call('POST', '/api/v1/password-resets/recovery-code', {
      body: { email: 'sam@example.org', code: codes[0], password: NEW_PASSWORD },
    });
    expect(later.status).toBe(200);
  });

  it('offers "Email me a link" when the server sends mail, and says the same whatever the email', async () => {
    await server.configure({
      mail: { smtpUrl: 'smtp://127.0.0.1:9', publicUrl: 'https://cpd.example.org', from: 'x@example.org' },
    });
    const view = renderApp('/settings/sync/forgot');
    server.connect();
    await view.user.click(await screen.findByRole('button', { name: 'Email me a link' }));
    const email = screen.getByRole('textbox', { name: 'Email' });
    await view.user.type(email, 'nobody');
    await view.user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(email).toHaveAccessibleDescription(
      expect.stringContaining('Enter the email address of your account.'),
    );
    expect(email).toHaveFocus();
    await view.user.type(email, '@example.org');
    await view.user.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByText(/If an account uses nobody@example.org, a link/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Send another link' })).toBeVisible();
  });

  it('sets a new password from the emailed link, once, and takes the token out of the address', async () => {
    const { learnerId } = await signUp('sam@example.org');
    const token = 'k'.repeat(43);
    await emailedResetLink(learnerId, token);
    const view = renderApp(`/reset-password#token=${token}`);
    server.connect();
    await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });
    await waitFor(() => expect(view.location.current?.hash).toBe(''));
    await view.user.type(screen.getByLabelText('New password'), 'short');
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Use at least 10 characters.'),
    );
    await view.user.clear(screen.getByLabelText('New password'));
    await view.user.type(screen.getByLabelText('New password'), NEW_PASSWORD);
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(await screen.findByRole('heading', { name: 'Your new password is set' })).toBeVisible();
    const signIn = await server.call('POST', '/api/v1/sessions', {
      body: { email: 'sam@example.org', password: NEW_PASSWORD },
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses a common password from the emailed link next to the field, and the link still works', async () => {
    const { learnerId } = await signUp('sam@example.org');
    const token = 'c'.repeat(43);
    await emailedResetLink(learnerId, token);
    const view = renderApp(`/reset-password#token=${token}`);
    server.connect();
    const password = await screen.findByLabelText('New password');
    await view.user.type(password, 'Password123');
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    await waitFor(() =>
      expect(password).toHaveAccessibleDescription(
        expect.stringContaining('one of the most common passwords'),
      ),
    );
    expect(password).toHaveFocus();
    expect(
      within(screen.getByRole('region', { name: 'Your new password' })).queryByRole('alert'),
    ).not.toBeInTheDocument();
    await view.user.clear(password);
    await view.user.type(password, NEW_PASSWORD);
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(await screen.findByRole('heading', { name: 'Your new password is set' })).toBeVisible();
  });

  it('says when a link has already been used', async () => {
    const view = renderApp(`/reset-password#token=${'u'.repeat(43)}`);
    server.connect();
    await view.user.type(await screen.findByLabelText('New password'), NEW_PASSWORD);
    await view.user.click(screen.getByRole('button', { name: 'Set my new password' }));
    expect(await screen.findByText(/This link has expired or has already been used/)).toHaveAttribute(
      'role',
      'alert',
    );
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      '/settings/sync/forgot',
    );
  });
});
