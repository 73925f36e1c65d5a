// xAPI keys as a learner makes them in Settings, against the real server app: a key needs a name, its
// secret is shown once and opens the Statements resource, and revoking it closes the resource to it.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';

describe('xAPI keys in Settings', () => {
  it('makes a key with its secret shown once, which reads the record until it is revoked', async () => {
    await server.call('POST', '/api/v1/accounts', {
      body: { email: 'sam@example.org', name: 'Sam', password: PASSWORD },
    });
    const view = renderApp('/settings/sync');
    server.connect();
    await view.user.click(await screen.findByRole('button', { name: 'Sign in' }));
    await view.user.type(screen.getByRole('textbox', { name: 'Email' }), 'sam@example.org');
    await view.user.type(screen.getByLabelText('Password'), PASSWORD);
    const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
      .parentElement as HTMLElement;
    await view.user.click(within(form).getByRole('button', { name: 'Sign in' }));

    const card = (
      await screen.findByRole('heading', { name: 'Your learning record in other systems (xAPI)' })
    ).parentElement as HTMLElement;
    expect(await within(card).findByText('No keys yet.')).toBeVisible();
    await view.user.click(within(card).getByRole('button', { name: 'Make a key' }));
    const name = within(card).getByRole('textbox', { name: 'Name of the tool that will use the key' });
    expect(name).toHaveAccessibleDescription('Give the key a name, such as the tool that will use it.');

    await view.user.type(name, 'College LRS');
    await view.user.click(within(card).getByRole('button', { name: 'Make a key' }));
    await within(card).findByRole('heading', { name: 'Your new key “College LRS”' });
    const codes = within(card)
      .getAllByRole('definition')
      .map((d) => d.textContent ?? '');
    const [endpoint, keyId, secret] = codes as [string, string, string];
    expect(endpoint).toMatch(/\/xapi\/$/);
    expect(within(card).getByText(/reads only/)).toBeVisible();

    const read = () =>
      server.app.app.request('/xapi/statements', {
        headers: {
          'X-Experience-API-Version': '1.0.3',
          authorization: `Basic ${Buffer.from(`${keyId}:${secret}`).toString('base64')}`,
        },
      });
    expect((await read()).status).toBe(200);

    await view.user.click(within(card).getByRole('button', { name: 'I have copied it' }));
    expect(within(card).queryByText(secret)).not.toBeInTheDocument();
    await view.user.click(within(card).getByRole('button', { name: 'Revoke College LRS' }));
    await view.user.click(within(card).getByRole('button', { name: 'Yes, revoke College LRS' }));
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent('College LRS is revoked'));
    expect(await within(card).findByText('No keys yet.')).toBeVisible();
    expect((await read()).status).toBe(401);
  });
});
