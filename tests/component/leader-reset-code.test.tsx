// A team leader's one-time reset code, as the leader and the member use it, against the real server app:
// the leader makes the code on the person's page, the member types it on "Forgotten your password?" with
// a new password, and sees in Settings that a leader made one.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { writeMeta } from '../../src/db/meta';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a brand new sentence';

type Account = { learnerId: string; token: string; email: string };

async function signUp(name: string, email: string): Promise<Account> {
  const res = await server.call('POST', '/api/v1/accounts', { body: { email, name, password: PASSWORD } });
  const { token, learnerId } = (await res.json()) as { token: string; learnerId: string };
  return { token, learnerId, email };
}

/** Olive owns Oak Tree Nursery; Mia is a member of it. */
async function aTeam() {
  const olive = await signUp('Olive Ownerby', 'olive@oaktree.example');
  const mia = await signUp('Mia Memberson', 'mia@oaktree.example');
  const team = await server.call('POST', '/api/v1/teams', {
    token: olive.token,
    body: { name: 'Oak Tree Nursery' },
  });
  const { teamId } = (await team.json()) as { teamId: string };
  const invite = await server.call('POST', `/api/v1/teams/${teamId}/invites`, {
    token: olive.token,
    body: {},
  });
  const { code } = (await invite.json()) as { code: string };
  const joined = await server.call('POST', `/api/v1/invites/${code}/accept`, {
    token: mia.token,
    body: { staffRole: 'ta' },
  });
  expect(joined.status).toBe(201);
  return { olive, mia, teamId };
}

async function issueFor(by: Account, teamId: string, who: Account): Promise<string> {
  const res = await server.call('POST', `/api/v1/teams/${teamId}/members/${who.learnerId}/reset-code`, {
    token: by.token,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

const signInHere = (who: Account) =>
  writeMeta(db, 'session', { learnerId: who.learnerId, token: who.token, email: who.email });

describe('a leader’s reset code', () => {
  it('is made on the person’s page, shown once, large, with its expiry and what to tell them', async () => {
    const { olive, mia, teamId } = await aTeam();
    await signInHere(olive);
    const view = renderApp(`/teams/${teamId}/members/${mia.learnerId}`);
    server.connect();
    const card = await screen.findByRole('region', { name: 'Password reset code' });
    expect(card).toHaveTextContent('You never see or set their password.');
    await view.user.click(within(card).getByRole('button', { name: 'Make a reset code for Mia Memberson' }));

    const heading = await within(card).findByRole('heading', { name: 'Reset code for Mia Memberson' });
    await waitFor(() => expect(heading).toHaveFocus());
    const shown = card.querySelector('.reset-code')?.textContent ?? '';
    expect(shown).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(card).toHaveTextContent(/It works once, until \w+day \d+ \w+ at \d\d:\d\d\./);
    expect(card).toHaveTextContent('choose “A code from my team leader”');
    expect(card).toHaveTextContent('Give the code in person or by phone');

    // The code on the screen is the one the server will take.
    const used = await server.call('POST', '/api/v1/password-resets/leader-code', {
      body: { email: mia.email, code: shown, password: NEW_PASSWORD },
    });
    expect(used.status).toBe(200);
  });

  it('is not offered on the owner’s own page', async () => {
    const { olive, teamId } = await aTeam();
    await signInHere(olive);
    renderApp(`/teams/${teamId}/members/${olive.learnerId}`);
    server.connect();
    await screen.findByRole('heading', { level: 1, name: 'Olive Ownerby' });
    // The card waits for the dashboard (the caller's role): let it answer before looking.
    await waitFor(() => expect(server.app.logs.some((l) => l.includes('/dashboard'))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('region', { name: 'Password reset code' })).not.toBeInTheDocument();
  });

  it('gets the member back in from "Forgotten your password?" with a new password of their own', async () => {
    const { olive, mia, teamId } = await aTeam();
    const code = await issueFor(olive, teamId, mia);
    const view = renderApp('/settings/sync/forgot');
    server.connect();
    await view.user.click(await screen.findByRole('button', { name: 'A code from my team leader' }));
    const form = await screen.findByRole('region', { name: 'A code from my team leader' });

    await view.user.type(within(form).getByRole('textbox', { name: 'Email' }), mia.email);
    const field = within(form).getByRole('textbox', { name: 'Reset code' });
    await view.user.type(field, 'ABCDE-2345');
    await view.user.type(within(form).getByLabelText('New password'), NEW_PASSWORD);
    await view.user.click(within(form).getByRole('button', { name: 'Set my new password' }));
    expect(field).toHaveFocus();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('A reset code has 10 letters and digits'),
    );

    await view.user.clear(field);
    await view.user.type(field, 'ABCDE-23456');
    await view.user.click(within(form).getByRole('button', { name: 'Set my new password' }));
    expect(await within(form).findByText(/reset code is not right/)).toHaveAttribute('role', 'alert');

    await view.user.clear(field);
    await view.user.type(field, code.toLowerCase().replace('-', ' '));
    await view.user.click(within(form).getByRole('button', { name: 'Set my new password' }));
    const done = await screen.findByRole('heading', { name: 'Your new password is set' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.queryByText(/recovery code you used/)).not.toBeInTheDocument();
    const session = await db.meta.get('session');
    expect(session?.value).toMatchObject({ email: mia.email, token: expect.any(String) });
    // Mia's other device was signed out, and the new password is hers.
    expect((await server.call('GET', '/api/v1/sync/pull', { token: mia.token })).status).toBe(401);
    const signIn = await server.call('POST', '/api/v1/sessions', {
      body: { email: mia.email, password: NEW_PASSWORD },
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses a common password next to the password field, keeping the code', async () => {
    const { olive, mia, teamId } = await aTeam();
    const code = await issueFor(olive, teamId, mia);
    const view = renderApp('/settings/sync/forgot');
    server.connect();
    await view.user.click(await screen.findByRole('button', { name: 'A code from my team leader' }));
    const form = await screen.findByRole('region', { name: 'A code from my team leader' });
    await view.user.type(within(form).getByRole('textbox', { name: 'Email' }), mia.email);
    await view.user.type(within(form).getByRole('textbox', { name: 'Reset code' }), code);
    const password = within(form).getByLabelText('New password');
    await view.user.type(password, 'password123');
    await view.user.click(within(form).getByRole('button', { name: 'Set my new password' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(expect.stringContaining('common')));
    expect(password).toHaveFocus();
    const later = await server.call('POST', '/api/v1/password-resets/leader-code', {
      body: { email: mia.email, code, password: NEW_PASSWORD },
    });
    expect(later.status).toBe(200);
  });

  it('shows the member in Settings that a leader made one, and whether it was used', async () => {
    const { olive, mia, teamId } = await aTeam();
    await issueFor(olive, teamId, mia);
    await signInHere(mia);
    renderApp('/settings/sync');
    server.connect();
    const card = await screen.findByRole('region', { name: 'Reset codes from your team leaders' });
    expect(card).toHaveTextContent(
      /Olive Ownerby \(Oak Tree Nursery\) made a password reset code for you on \d+ \w+ \d{4}: not used yet\./,
    );
    expect(card).toHaveTextContent('If you did not ask for one, tell your leader');
  });

  it('is cancelled by the leader who made it by mistake: it stops working, and the member sees it was cancelled', async () => {
    const { olive, mia, teamId } = await aTeam();
    await signInHere(olive);
    const view = renderApp(`/teams/${teamId}/members/${mia.learnerId}`);
    server.connect();
    const card = await screen.findByRole('region', { name: 'Password reset code' });
    await view.user.click(within(card).getByRole('button', { name: 'Make a reset code for Mia Memberson' }));
    await within(card).findByRole('heading', { name: 'Reset code for Mia Memberson' });
    const shown = card.querySelector('.reset-code')?.textContent ?? '';
    await view.user.click(within(card).getByRole('button', { name: 'Cancel this code' }));

    const news = await within(card).findByText(/The code is cancelled: it no longer works\./);
    await waitFor(() => expect(news).toHaveFocus());
    expect(news).toHaveAttribute('role', 'status');
    expect(card).toHaveTextContent('Mia Memberson will see in their settings that it was cancelled.');
    expect(card.querySelector('.reset-code')).toBeNull();
    const refused = await server.call('POST', '/api/v1/password-resets/leader-code', {
      body: { email: mia.email, code: shown, password: NEW_PASSWORD },
    });
    expect(refused.status).toBe(401);

    // Nothing left to cancel: said plainly.
    await view.user.click(within(card).getByRole('button', { name: 'Cancel a code I made earlier' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      'No code you made for this person is waiting',
    );

    const records = await server.call('GET', '/api/v1/account/leader-reset-codes', { token: mia.token });
    expect(((await records.json()) as { codes: { state: string }[] }).codes).toEqual([
      expect.objectContaining({ state: 'cancelled' }),
    ]);
  });

  it('tells the member in Settings that a leader cancelled the code', async () => {
    const { olive, mia, teamId } = await aTeam();
    await issueFor(olive, teamId, mia);
    const cancelled = await server.call(
      'DELETE',
      `/api/v1/teams/${teamId}/members/${mia.learnerId}/reset-code`,
      {
        token: olive.token,
      },
    );
    expect(cancelled.status).toBe(204);
    await signInHere(mia);
    renderApp('/settings/sync');
    server.connect();
    const card = await screen.findByRole('region', { name: 'Reset codes from your team leaders' });
    expect(card).toHaveTextContent(
      /Olive Ownerby \(Oak Tree Nursery\) made a password reset code for you on \d+ \w+ \d{4}: cancelled, so it no longer works\./,
    );
  });

  it('shows nothing in Settings when no leader made one', async () => {
    const { mia } = await aTeam();
    await signInHere(mia);
    renderApp('/settings/sync');
    server.connect();
    await screen.findByText('You have no unused recovery codes', { exact: false });
    expect(
      screen.queryByRole('region', { name: 'Reset codes from your team leaders' }),
    ).not.toBeInTheDocument();
  });
});
