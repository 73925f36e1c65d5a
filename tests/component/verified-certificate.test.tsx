// The certificate page with and without the server's signed certificate. The server is stood in for at
// the app's own seam (appSync.certificates): what it answers decides what the learner sees and prints.
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import type { MyCertificate } from '../../src/shared/protocol/certificate-protocol';
import { appSync } from '../../src/sync/app-sync';
import type { SyncHandle } from '../../src/sync/start-sync';
import { renderApp } from '../helpers/render-app';

async function completeFoundations() {
  await eventsRepo.record(
    'lesson-completed',
    'foundations-what-sen-means',
    {},
    new Date('2026-03-02T09:10:00Z'),
  );
  await eventsRepo.record(
    'lesson-completed',
    'foundations-sen-support',
    {},
    new Date('2026-03-04T16:00:00Z'),
  );
}

const signIn = () => db.meta.put({ key: 'session', value: { learnerId: 'l1', token: 'tok' } });

const issued = (revokedAt: string | null = null): MyCertificate => ({
  signed: {
    certificate: {
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
          completedAt: '2026-03-06T08:00:00.000Z',
        },
      ],
      minutes: 9,
      minutesSpent: 7,
      startedAt: '2026-03-05T08:00:00.000Z',
      completedAt: '2026-03-06T08:00:00.000Z',
      contentVersion: 'fixture-1',
      issuedAt: '2026-03-07T10:00:00.000Z',
      keyId: '2026-03-01-abcd1234',
    },
    algorithm: 'Ed25519',
    signature: 'A'.repeat(86),
  },
  revokedAt,
});

/** The engine's sync, stood in for: the page syncs before asking for a certificate. */
function stubSync() {
  const syncNow = vi.fn(async () => 'forwarded' as const);
  vi.spyOn(appSync, 'load').mockResolvedValue({ syncNow } as unknown as SyncHandle);
  return syncNow;
}

const facts = (region: HTMLElement) =>
  Object.fromEntries(
    within(region)
      .getAllByRole('term')
      .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );

// The certificate page is a lazy route: compile it before the first test, so that test does not race the
// compile (on a busy machine its panel was left empty while the page's code arrived).
beforeAll(async () => {
  await import('../../src/features/certificate/certificate-page');
}, 60_000);

describe('verified certificates on the certificate page', () => {
  it('without an account prints the device’s certificate marked not yet verified, and says how to get one', async () => {
    await completeFoundations();
    const mine = vi.spyOn(appSync.certificates, 'mine');
    renderApp('/record/certificate/foundations');
    const certificate = await screen.findByRole('region', { name: 'Certificate' });
    expect(
      within(certificate).getByText('Not yet verified: made on this device from its own records.'),
    ).toBeVisible();
    const link = await screen.findByRole('link', { name: 'Back up and sync with an account' });
    expect(link).toHaveAttribute('href', '/settings/sync');
    expect(within(certificate).queryByRole('img')).toBeNull();
    // No session on this device: there is no server to ask.
    expect(mine).not.toHaveBeenCalled();
  });

  it('offline, says a verified one can be had once online, and asks the server nothing', async () => {
    await completeFoundations();
    await signIn();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const mine = vi.spyOn(appSync.certificates, 'mine');
    renderApp('/record/certificate/foundations');
    expect(
      await screen.findByText(/You are offline: once you are online, you can get a verified/),
    ).toBeVisible();
    expect(screen.getByText('Not yet verified: made on this device from its own records.')).toBeVisible();
    expect(mine).not.toHaveBeenCalled();
  });

  it('signed in, gets a verified certificate on request and prints its QR code, address and the server’s facts', async () => {
    await completeFoundations();
    await signIn();
    const syncNow = stubSync();
    vi.spyOn(appSync.certificates, 'mine').mockResolvedValue({ ok: true, value: [] });
    const issue = vi.spyOn(appSync.certificates, 'issue').mockResolvedValue({ ok: true, value: issued() });
    const { user } = renderApp('/record/certificate/foundations');

    await user.click(await screen.findByRole('button', { name: 'Get a verified certificate' }));
    const url = `${window.location.origin}/verify/K7M2QX9P4T`;
    const certificate = screen.getByRole('region', { name: 'Certificate' });
    expect(await within(certificate).findByRole('img', { name: `QR code linking to ${url}` })).toBeVisible();
    expect(syncNow).toHaveBeenCalledOnce();
    expect(issue).toHaveBeenCalledWith('foundations');
    expect(within(certificate).getByText(url)).toBeVisible();
    expect(within(certificate).queryByText(/Not yet verified/)).toBeNull();
    expect(facts(certificate)).toEqual({
      Completed: '5 March 2026 to 6 March 2026',
      Lessons: '2',
      'Learning time': '9 minutes planned, 7 minutes spent',
      'Content version': 'fixture-1',
      Certificate: 'K7M2QX9P4T, issued 7 March 2026',
    });
    expect(screen.getByRole('link', { name: url })).toHaveAttribute('href', '/verify/K7M2QX9P4T');
  });

  it('shows a standing certificate at once, renewed through the idempotent issue', async () => {
    await completeFoundations();
    await signIn();
    vi.spyOn(appSync.certificates, 'mine').mockResolvedValue({ ok: true, value: [issued()] });
    const issue = vi.spyOn(appSync.certificates, 'issue').mockResolvedValue({ ok: true, value: issued() });
    renderApp('/record/certificate/foundations');
    expect(
      await screen.findByRole('img', { name: /QR code linking to .*\/verify\/K7M2QX9P4T/ }),
    ).toBeVisible();
    expect(issue).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Get a verified certificate' })).toBeNull();
  });

  it('when the server has not received every completion, says so and offers to sync and try again', async () => {
    await completeFoundations();
    await signIn();
    const syncNow = stubSync();
    vi.spyOn(appSync.certificates, 'mine').mockResolvedValue({ ok: true, value: [] });
    const issue = vi.spyOn(appSync.certificates, 'issue').mockResolvedValueOnce({
      ok: false,
      reason: 'failed',
      failure: {
        kind: 'rejected',
        status: 409,
        code: 'not_complete',
        message: 'The server has 1 of 2 lessons of this module completed. Sync, then ask again.',
      },
    });
    const { user } = renderApp('/record/certificate/foundations');
    await user.click(await screen.findByRole('button', { name: 'Get a verified certificate' }));
    expect(
      await screen.findByText(/^Not yet verified: The server has 1 of 2 lessons of this module completed\./),
    ).toBeVisible();
    issue.mockResolvedValueOnce({ ok: true, value: issued() });
    await user.click(screen.getByRole('button', { name: 'Sync and try again' }));
    expect(await screen.findByRole('img', { name: /QR code linking to/ })).toBeVisible();
    expect(syncNow).toHaveBeenCalledTimes(2);
  });

  it('downloads the signed JSON exactly as the server signed it', async () => {
    await completeFoundations();
    await signIn();
    vi.spyOn(appSync.certificates, 'mine').mockResolvedValue({ ok: true, value: [issued()] });
    vi.spyOn(appSync.certificates, 'issue').mockResolvedValue({ ok: true, value: issued() });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:certificate';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    // jsdom does not download: the saved file is the blob handed to the link.
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user } = renderApp('/record/certificate/foundations');
    await user.click(await screen.findByRole('button', { name: 'Download signed certificate (JSON)' }));
    expect(blobs).toHaveLength(1);
    expect(JSON.parse(await (blobs[0] as Blob).text())).toEqual(issued().signed);
  });

  it('revokes after a confirmation, then prints the device’s certificate again and offers a new one', async () => {
    await completeFoundations();
    await signIn();
    vi.spyOn(appSync.certificates, 'mine').mockResolvedValue({ ok: true, value: [issued()] });
    vi.spyOn(appSync.certificates, 'issue').mockResolvedValue({ ok: true, value: issued() });
    const revoke = vi
      .spyOn(appSync.certificates, 'revoke')
      .mockResolvedValue({ ok: true, value: issued('2026-03-08T12:00:00.000Z') });
    const { user } = renderApp('/record/certificate/foundations');
    await user.click(await screen.findByRole('button', { name: 'Revoke…' }));
    const confirm = screen.getByRole('group', { name: 'Revoke certificate K7M2QX9P4T?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(revoke).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Revoke…' }));
    await user.click(screen.getByRole('button', { name: 'Revoke certificate' }));
    expect(revoke).toHaveBeenCalledWith('K7M2QX9P4T');
    expect(await screen.findByText('You revoked certificate K7M2QX9P4T on 8 March 2026.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Get a verified certificate' })).toBeVisible();
    expect(screen.getByText('Not yet verified: made on this device from its own records.')).toBeVisible();
    expect(screen.queryByRole('img', { name: /QR code/ })).toBeNull();
  });

  it('keeps the certificate and says why when a revocation fails offline', async () => {
    await completeFoundations();
    await signIn();
    vi.spyOn(appSync.certificates, 'mine').mockResolvedValue({ ok: true, value: [issued()] });
    vi.spyOn(appSync.certificates, 'issue').mockResolvedValue({ ok: true, value: issued() });
    vi.spyOn(appSync.certificates, 'revoke').mockResolvedValue({
      ok: false,
      reason: 'failed',
      failure: { kind: 'network', status: 0, code: 'network', message: 'Failed to fetch' },
    });
    const { user } = renderApp('/record/certificate/foundations');
    await user.click(await screen.findByRole('button', { name: 'Revoke…' }));
    await user.click(screen.getByRole('button', { name: 'Revoke certificate' }));
    expect(
      await screen.findByText('Not revoked: You are offline. Connect to the internet to revoke it.'),
    ).toHaveAttribute('role', 'alert');
    expect(screen.getByRole('img', { name: /QR code linking to/ })).toBeVisible();
  });
});
