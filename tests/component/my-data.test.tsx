// Settings → Your data, as a learner uses it, against the real server app: download everything the server
// holds (JSON) and the record made on the device (CSV), and delete the account, then keep or remove the
// copy on this device.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { renderApp } from '../helpers/render-app';
import { setupSyncTestServer } from '../helpers/sync-test-server';

const server = setupSyncTestServer();
const PASSWORD = 'correct horse battery';

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

/** Signs in through the sync page, as the learner would, and waits until the first sync is done. */
async function signedInWithProgress() {
  await server.call('POST', '/api/v1/accounts', {
    body: { email: 'sam@example.org', name: 'Sam', password: PASSWORD },
  });
  await eventsRepo.record(
    'lesson-completed',
    'foundations-what-sen-means',
    {},
    new Date('2026-03-02T09:10:00Z'),
  );
  const view = renderApp('/settings/sync');
  server.connect();
  await view.user.click(await screen.findByRole('button', { name: 'Sign in' }));
  const form = (await screen.findByRole('heading', { level: 2, name: 'Sign in' }))
    .parentElement as HTMLElement;
  await view.user.type(screen.getByRole('textbox', { name: 'Email' }), 'sam@example.org');
  await view.user.type(screen.getByLabelText('Password'), PASSWORD);
  form.querySelector('form')?.requestSubmit();
  await waitFor(() => expect(screen.getByRole('banner')).toHaveTextContent('Synced just now'));
  await view.user.click(screen.getByRole('link', { name: 'Your data' }));
  await screen.findByRole('heading', { level: 1, name: 'Your data' });
  return view;
}

describe('your data', () => {
  it('downloads everything the server holds as JSON, and the record as CSV', async () => {
    const saved = captureDownloads();
    const { user } = await signedInWithProgress();
    await user.click(await screen.findByRole('button', { name: 'Download my data (JSON)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toMatch(/^pocket-cpd-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse((await saved[0]?.blob.text()) ?? '');
    expect(data.account).toMatchObject({ email: 'sam@example.org', name: 'Sam' });
    expect(data.tables.events).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ type: 'lesson-completed' }) }),
    ]);
    expect(data.tables.devices).toHaveLength(1);
    expect(await screen.findByText(`Saved ${saved[0]?.name}.`)).toBeVisible();

    const csvButton = screen.getByRole('button', { name: 'Download my CPD record (CSV)' });
    await waitFor(() => expect(csvButton).toBeEnabled());
    await user.click(csvButton);
    expect(saved[1]?.name).toMatch(/^cpd-record-.*\.csv$/);
    expect(await saved[1]?.blob.text()).toContain('Type,Date,Module,Lesson');
  });

  it('keeps the learner’s notes in all their data, and in the CSV only when they tick Include my reflections', async () => {
    await db.docs.put({
      id: 'note:foundations-what-sen-means:my-pupil',
      body: { text: 'Seat Sam near the door' },
      rev: 0,
      dirty: 1,
      updatedAt: '2026-03-02T09:05:00.000Z',
    });
    const saved = captureDownloads();
    const { user } = await signedInWithProgress();
    // All their data is all of it: the note is there whatever the CSV choice.
    await user.click(await screen.findByRole('button', { name: 'Download my data (JSON)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0]?.blob.text()).toContain('Seat Sam near the door');

    const box = screen.getByRole('checkbox', { name: 'Include my reflections' });
    const csvButton = screen.getByRole('button', { name: 'Download my CPD record (CSV)' });
    await waitFor(() => expect(csvButton).toBeEnabled());
    expect(box).not.toBeChecked();
    await user.click(csvButton);
    const without = (await saved[1]?.blob.text()) ?? '';
    expect(without).toContain('Lesson completed,2026-03-02');
    expect(without).not.toContain('Seat Sam near the door');

    await user.click(box);
    await user.click(csvButton);
    expect(await saved[2]?.blob.text()).toContain(',,,Seat Sam near the door,,,');
  });

  it('says the server holds nothing without an account, and still offers the CSV', async () => {
    renderApp('/settings/my-data');
    server.connect();
    expect(await screen.findByText(/You have no account on this device/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Download my data (JSON)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Delete my account' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download my CPD record (CSV)' })).toBeEnabled();
  });

  it('deletes the account after asking for the password, then removes the copy here when asked', async () => {
    const { user } = await signedInWithProgress();
    await user.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    const field = screen.getByLabelText('Your password');
    expect(field).toHaveFocus();
    await user.type(field, 'not my password');
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription('That is not your current password.'));
    expect(await server.db.kysely.selectFrom('learners').selectAll().execute()).toHaveLength(1);

    await user.clear(field);
    await user.type(field, PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    const heading = await screen.findByRole('heading', { name: 'Your account is deleted' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(await server.db.kysely.selectFrom('learners').selectAll().execute()).toEqual([]);
    expect(await server.db.kysely.selectFrom('events').selectAll().execute()).toEqual([]);
    expect(await db.meta.get('session')).toBeUndefined();
    expect(await db.events.count()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Remove my progress from this device' }));
    expect(await screen.findByText('Your progress was removed from this device too.')).toBeVisible();
    expect(await db.events.count()).toBe(0);
  });

  it('keeps the copy on this device when asked', async () => {
    const { user } = await signedInWithProgress();
    await user.click(await screen.findByRole('button', { name: 'Delete my account…' }));
    await user.type(screen.getByLabelText('Your password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Delete my account for good' }));
    await user.click(await screen.findByRole('button', { name: 'Keep my progress on this device' }));
    expect(await screen.findByText(/Your progress stays on this device/)).toBeVisible();
    expect(await db.events.count()).toBe(1);
    expect(await server.db.kysely.selectFrom('learners').selectAll().execute()).toEqual([]);
  });
});
