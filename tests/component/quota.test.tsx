import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { modulesRepo } from '../../src/db/modules-repo';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';
const NOTE_ID = 'note:foundations-what-sen-means:my-pupil';

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

describe('a full device', () => {
  it('says what to do when a note cannot be saved, and keeps the note saved before', async () => {
    const { user } = renderApp(LESSON);
    const note = await screen.findByRole('textbox', { name: /Which parts of a pupil’s help/ });
    await waitFor(() => expect(note).toBeEnabled());
    await user.type(note, 'First thought');
    expect(await screen.findByText('Saved')).toBeInTheDocument();

    vi.spyOn(db.docs, 'put').mockRejectedValue(quotaError());
    await user.type(note, ', and more');

    expect(await screen.findByText('Your device is out of storage space')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/Everything you saved before is safe/);
    expect(screen.getByRole('alert')).toHaveTextContent(/Free up some space/);
    // The alert and the note's own status come from the same failure, in separate renders.
    expect(await screen.findByText('Not saved')).toBeInTheDocument();
    // What was typed stays on screen to save again, and the earlier version is still stored.
    expect(note).toHaveValue('First thought, and more');
    vi.mocked(db.docs.put).mockRestore();
    expect((await db.docs.get(NOTE_ID))?.body.text).toBe('First thought');

    await user.click(screen.getByRole('button', { name: 'Save again' }));
    await waitFor(async () =>
      expect((await db.docs.get(NOTE_ID))?.body.text).toBe('First thought, and more'),
    );
  });

  it('recognises the quota error when Dexie wraps it in an AbortError, and stores nothing half-done', async () => {
    const { user } = renderApp(LESSON);
    const button = await screen.findByRole('button', { name: 'Mark complete' });
    await waitFor(async () => expect(await db.events.count()).toBe(1));
    const aborted = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quotaError(),
    });
    vi.spyOn(db.events, 'add').mockRejectedValue(aborted);

    await user.click(button);

    expect(await screen.findByText('Your device is out of storage space')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark complete' })).toBeInTheDocument();
    vi.mocked(db.events.add).mockRestore();
    const events = await db.events.toArray();
    expect(events.map((e) => e.type)).toEqual(['lesson-opened']);
    expect((await db.meta.get('deviceSeq'))?.value).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Your device is out of storage space')).not.toBeInTheDocument();
  });

  it('still shows a lesson it fetched when the device is too full to keep it, and says so', async () => {
    vi.spyOn(modulesRepo, 'storeBundle').mockRejectedValue(quotaError());
    renderApp(LESSON);

    expect(await screen.findByRole('heading', { level: 1, name: 'What SEN means' })).toBeInTheDocument();
    expect(await screen.findByText('Your device is out of storage space')).toBeInTheDocument();
    expect(await db.lessons.get('foundations-what-sen-means')).toBeUndefined();
    vi.mocked(modulesRepo.storeBundle).mockRestore();
  });
});
