// The sync page names the lessons behind "1 note to check" and behind each item the server refused, in
// plain words, with links to them.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { eventsRepo } from '../../src/db/events-repo';
import { appSync } from '../../src/sync/app-sync';
import { INITIAL_STATUS, type SyncStatus } from '../../src/sync/sync-status';
import { renderApp } from '../helpers/render-app';

const body = (text: string) => ({ text, lessonId: 'foundations-what-sen-means', blockId: 'my-pupil' });

function showStatus(change: Partial<SyncStatus>) {
  const status: SyncStatus = {
    ...INITIAL_STATUS,
    state: 'idle',
    lastSyncedAt: new Date().toISOString(),
    ...change,
  };
  vi.spyOn(appSync.status, 'get').mockReturnValue(status);
}

describe('the sync page names what needs the learner', () => {
  it('links to the lesson whose note changed on two devices', async () => {
    await db.docs.put({
      id: 'note:foundations-what-sen-means:my-pupil',
      body: body('Written on the phone'),
      rev: 1,
      dirty: 1,
      updatedAt: new Date().toISOString(),
      conflict: { rev: 3, body: body('Written on the laptop') },
    });
    showStatus({ conflicts: 1 });
    renderApp('/settings/sync');
    const list = await screen.findByRole('list', { name: 'Notes to check' });
    expect(within(list).getByRole('link', { name: 'What SEN means' })).toHaveAttribute(
      'href',
      '/modules/foundations/foundations-what-sen-means',
    );
  });

  it('says which items the server refused and why, in plain words', async () => {
    await eventsRepo.record('lesson-completed', 'foundations-sen-support', {});
    const [event] = await eventsRepo.all();
    if (!event) throw new Error('no event stored');
    showStatus({
      rejected: [
        {
          id: 'doc:note:foundations-what-sen-means:my-pupil',
          reason: 'doc note:x is larger than 65536 bytes',
        },
        { id: event.id, reason: 'its time is more than 24 h ahead of the server clock' },
      ],
    });
    renderApp('/settings/sync');
    expect(
      await screen.findByText(
        (_, el) =>
          el?.tagName === 'LI' &&
          el.textContent === 'Your note in “What SEN means”: it is longer than the backup accepts (64 KB).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        (_, el) =>
          el?.tagName === 'LI' &&
          el.textContent ===
            'Your progress in “SEN support and EHC plans”: its time is more than 24 h ahead of the server clock.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'What SEN means' })).toHaveAttribute(
      'href',
      '/modules/foundations/foundations-what-sen-means',
    );
  });
});
