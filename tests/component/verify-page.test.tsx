// The public verify page, signed out: what it says for a valid, revoked, unknown or mistyped id, and when
// the server cannot be reached. The server's answers come through the stubbed fetch.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Certificate, VerifyResponse } from '../../src/shared/protocol/certificate-protocol';
import { type FetchStub, renderApp, serveFixtureCourse } from '../helpers/render-app';

const certificate: Certificate = {
  type: 'pocket-cpd-certificate',
  version: 1,
  id: 'K7M2QX9P4T',
  name: 'Alex Morgan',
  moduleId: 'foundations',
  moduleTitle: 'Foundations: the SEND Code of Practice',
  lessons: [
    {
      id: 'foundations-what-sen-means',
      title: 'What SEN means',
      minutes: 5,
      completedAt: '2026-03-05T08:00:00.000Z',
    },
    {
      id: 'foundations-sen-support',
      title: 'SEN support and EHC plans',
      minutes: 4,
      completedAt: '2026-03-05T09:00:00.000Z',
    },
  ],
  minutes: 9,
  minutesSpent: 0,
  startedAt: '2026-03-05T08:00:00.000Z',
  completedAt: '2026-03-05T09:00:00.000Z',
  contentVersion: 'fixture-1',
  issuedAt: '2026-03-07T10:00:00.000Z',
  keyId: '2026-03-01-abcd1234',
  setting: 'Oak Tree Primary',
};

function answering(response: VerifyResponse, asked: string[] = []): FetchStub {
  return async (url) => {
    if (!url.includes('/api/v1/certificates/verify/')) return serveFixtureCourse(url);
    asked.push(url);
    return new Response(JSON.stringify(response), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('the verify page', () => {
  it('says valid and shows what was certified, and only that', async () => {
    const asked: string[] = [];
    renderApp('/verify/k7m2qx9p4t', answering({ status: 'valid', certificate }, asked));
    expect(
      await screen.findByText('Valid: Pocket CPD issued certificate K7M2QX9P4T and it stands.'),
    ).toBeVisible();
    expect(asked).toEqual(['/api/v1/certificates/verify/K7M2QX9P4T']);
    const certified = screen.getByRole('region', { name: 'What was certified' });
    expect(within(certified).getByText('Alex Morgan')).toBeVisible();
    expect(within(certified).getByText('Foundations: the SEND Code of Practice')).toBeVisible();
    expect(
      within(within(certified).getByRole('list', { name: 'Lessons completed' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['What SEN means (5 March 2026)', 'SEN support and EHC plans (5 March 2026)']);
    expect(within(certified).getByText('Oak Tree Primary')).toBeVisible();
    expect(within(certified).getByText('9 minutes planned')).toBeVisible();
  });

  it('says revoked, with the date, and still what it had certified', async () => {
    renderApp(
      '/verify/K7M2QX9P4T',
      answering({ status: 'revoked', revokedAt: '2026-03-08T12:00:00.000Z', certificate }),
    );
    expect(
      await screen.findByText(/Revoked: the learner withdrew certificate K7M2QX9P4T on 8 March 2026/),
    ).toBeVisible();
    expect(screen.getByRole('region', { name: 'What was certified' })).toHaveTextContent('Alex Morgan');
  });

  it('says unknown for an id never issued, and for one that cannot be an id without asking the server', async () => {
    const first = renderApp('/verify/ABCDEFGHJK', answering({ status: 'unknown' }));
    expect(
      await screen.findByText('Unknown: no Pocket CPD certificate has the id “ABCDEFGHJK”.'),
    ).toBeVisible();
    expect(screen.queryByRole('region', { name: 'What was certified' })).toBeNull();
    first.unmount();

    const asked: string[] = [];
    renderApp('/verify/not-an-id', answering({ status: 'unknown' }, asked));
    expect(
      await screen.findByText('Unknown: no Pocket CPD certificate has the id “not-an-id”.'),
    ).toBeVisible();
    expect(asked).toEqual([]);
  });

  it('when the server cannot be reached, says so and checks again on request', async () => {
    let reachable = false;
    const { user } = renderApp('/verify/K7M2QX9P4T', async (url) => {
      if (!url.includes('/api/')) return serveFixtureCourse(url);
      if (!reachable) throw new TypeError('Failed to fetch');
      return answering({ status: 'valid', certificate })(url);
    });
    expect(
      await screen.findByText(
        /^Certificate K7M2QX9P4T could not be checked\. This device could not reach Pocket CPD\./,
      ),
    ).toBeVisible();
    reachable = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/^Valid:/)).toBeVisible();
  });
});
