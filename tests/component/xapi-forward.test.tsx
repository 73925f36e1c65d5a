// A team's forwarding to its trust's or college's LRS on the manage page, against the real server app: the
// form asks for what is missing and says what the server refuses (http, its own network), the secret is never shown back, the
// delivery state (last delivery, last problem) is what the server recorded, and stopping forgets the LRS.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { writeMeta } from '../../src/db/meta';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const SECRET = 'lrs-secret-7f3a9c';

async function aLeaderWithATeam(): Promise<{ teamId: string; token: string }> {
  const made = await server.call('POST', '/api/v1/accounts', {
    body: { email: 'olu@oaktree.sch.uk', name: 'Olu', password: 'correct horse battery' },
  });
  const { learnerId, token } = (await made.json()) as { learnerId: string; token: string };
  const team = await server.call('POST', '/api/v1/teams', { token, body: { name: 'Oak Room' } });
  const { teamId } = (await team.json()) as { teamId: string };
  await writeMeta(db, 'session', { learnerId, token, email: 'olu@oaktree.sch.uk' });
  return { teamId, token };
}

async function openCard(teamId: string) {
  const view = renderApp(`/teams/${teamId}/manage`);
  server.connect();
  const card = (await screen.findByRole('heading', { name: 'Send records to your trust’s or college’s LRS' }))
    .parentElement as HTMLElement;
  return { user: view.user, card };
}

describe('xAPI forwarding on the team’s manage page', () => {
  it('asks for what is missing, shows what the server refuses, and starts forwarding without showing the secret', async () => {
    const { teamId } = await aLeaderWithATeam();
    const { user, card } = await openCard(teamId);
    expect(await within(card).findByText('Not sending to an LRS.')).toBeVisible();

    await user.click(within(card).getByRole('button', { name: 'Start forwarding' }));
    const endpoint = within(card).getByRole('textbox', { name: 'LRS address (xAPI endpoint)' });
    expect(endpoint).toHaveAccessibleDescription(
      'Give the address of your trust’s or college’s LRS, as its administrator gave it.',
    );
    expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    expect(within(card).getByLabelText('Secret (password)')).toHaveAccessibleDescription(
      'Give the secret (password) of that key.',
    );

    await user.type(endpoint, 'http://lrs.example/xapi/');
    await user.type(within(card).getByRole('textbox', { name: 'Key (user name)' }), 'pocket-cpd');
    await user.type(within(card).getByLabelText('Secret (password)'), SECRET);
    await user.click(within(card).getByRole('button', { name: 'Start forwarding' }));
    // A refused address is said at its field, which takes the focus.
    await waitFor(() =>
      expect(endpoint).toHaveAccessibleDescription(
        'The LRS’s address must start with https://: records are never sent unencrypted.',
      ),
    );
    expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    expect(endpoint).toHaveFocus();
    // An address inside the server's own network is refused, and the leader is told why.
    await user.clear(endpoint);
    await user.type(endpoint, 'https://10.0.0.5/xapi/');
    await user.click(within(card).getByRole('button', { name: 'Start forwarding' }));
    await waitFor(() =>
      expect(endpoint).toHaveAccessibleDescription(
        expect.stringContaining(
          '10.0.0.5 is a private address: the server does not send records into its own network.',
        ),
      ),
    );

    await user.clear(endpoint);
    await user.type(endpoint, 'https://lrs.example/xapi/');
    await user.click(within(card).getByRole('button', { name: 'Start forwarding' }));
    await waitFor(() =>
      expect(within(card).getByRole('status')).toHaveTextContent(
        'Forwarding to https://lrs.example/xapi/ is on: it starts within a minute.',
      ),
    );
    expect(await within(card).findByText('Nothing delivered yet.', { exact: false })).toHaveTextContent(
      'Nothing delivered yet. 0 sent, 0 waiting.',
    );
    expect(card).toHaveTextContent('Sending to https://lrs.example/xapi/ with the key pocket-cpd.');
    expect(document.body).not.toHaveTextContent(SECRET);
    const kept = await server.db.kysely.selectFrom('xapi_forwards').selectAll().executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ team_id: teamId, key_name: 'pocket-cpd', key_secret: SECRET });
  });

  it('shows the last delivery and the last problem the forwarder recorded, and stopping forgets the LRS', async () => {
    const { teamId, token } = await aLeaderWithATeam();
    const set = await server.call('PUT', `/api/v1/teams/${teamId}/xapi-forward`, {
      token,
      body: { endpoint: 'https://lrs.example/xapi/', keyName: 'pocket-cpd', keySecret: SECRET },
    });
    expect(set.status).toBe(200);
    await server.db.kysely
      .updateTable('xapi_forwards')
      .set({
        last_delivery_at: Date.parse('2026-11-30T10:00:00Z'),
        last_error: 'The LRS answered 503: down for maintenance',
        last_error_at: Date.parse('2026-12-01T10:00:00Z'),
      })
      .execute();
    const { user, card } = await openCard(teamId);
    expect(await within(card).findByText(/Last delivered on/)).toHaveTextContent(
      'Last delivered on 30 November 2026.',
    );
    expect(card).toHaveTextContent(
      'Last problem, on 1 December 2026: The LRS answered 503: down for maintenance. Waiting statements are tried again',
    );

    await user.click(within(card).getByRole('button', { name: 'Stop forwarding' }));
    await user.click(within(card).getByRole('button', { name: 'Yes, stop forwarding' }));
    await waitFor(() => expect(within(card).getByRole('status')).toHaveTextContent('Forwarding is stopped.'));
    expect(await within(card).findByText('Not sending to an LRS.')).toBeVisible();
    expect(await server.db.kysely.selectFrom('xapi_forwards').selectAll().execute()).toEqual([]);
  });
});
