// A note changed on two devices: the reflect block shows both versions and the learner keeps one, the
// other, or both. The choice is stored as a new local edit on the server's revision, so the next push saves it.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';
const NOTE_ID = 'note:foundations-what-sen-means:my-pupil';
const body = (text: string) => ({ text, lessonId: 'foundations-what-sen-means', blockId: 'my-pupil' });

async function noteInConflict() {
  await db.docs.put({
    id: NOTE_ID,
    body: body('Written on the phone'),
    rev: 1,
    dirty: 1,
    updatedAt: new Date().toISOString(),
    conflict: { rev: 3, body: body('Written on the laptop') },
  });
}

async function openConflict() {
  const view = renderApp(LESSON);
  const title = await screen.findByText('This note was also changed on another device');
  return { ...view, conflict: title.closest('section') as HTMLElement };
}

describe('a note changed on two devices', () => {
  it('shows both versions and keeps both, merged, as a new edit on the server revision', async () => {
    await noteInConflict();
    const { user, conflict } = await openConflict();
    expect(
      within(conflict).getByRole('heading', { name: 'On this device' }).nextElementSibling,
    ).toHaveTextContent('Written on the phone');
    expect(
      within(conflict).getByRole('heading', { name: 'On your other device' }).nextElementSibling,
    ).toHaveTextContent('Written on the laptop');

    await user.click(within(conflict).getByRole('button', { name: 'Keep both' }));

    await waitFor(() =>
      expect(screen.queryByText('This note was also changed on another device')).not.toBeInTheDocument(),
    );
    const note = screen.getByRole('textbox', { name: /Which parts of a pupil’s help/ });
    expect(note).toHaveValue('Written on the phone\n\nWritten on the laptop');
    const stored = await db.docs.get(NOTE_ID);
    expect(stored).toMatchObject({
      rev: 3,
      dirty: 1,
      body: body('Written on the phone\n\nWritten on the laptop'),
    });
    expect(stored?.conflict).toBeUndefined();
  });

  it('keeps the other device’s version when the learner picks it', async () => {
    await noteInConflict();
    const { user, conflict } = await openConflict();
    await user.click(within(conflict).getByRole('button', { name: 'Keep the other device’s version' }));
    await waitFor(async () => expect((await db.docs.get(NOTE_ID))?.conflict).toBeUndefined());
    expect(screen.getByRole('textbox', { name: /Which parts of a pupil’s help/ })).toHaveValue(
      'Written on the laptop',
    );
    expect((await db.docs.get(NOTE_ID))?.body.text).toBe('Written on the laptop');
  });
});
