import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_DOC_BYTES } from '../../src/shared/protocol/sync-protocol';
import { renderApp } from '../helpers/render-app';

const LESSON = '/modules/foundations/foundations-what-sen-means';

describe('a long note', () => {
  it('shows the room left near the backup limit, and says at the note when it is too long to back up', async () => {
    renderApp(LESSON);
    const note = await screen.findByRole('textbox', { name: /Which parts of a pupil’s help/ });
    await waitFor(() => expect(note).toBeEnabled());

    fireEvent.change(note, { target: { value: 'a'.repeat(1000) } });
    expect(screen.queryByText(/too long to back up/)).toBeNull();

    fireEvent.change(note, { target: { value: 'a'.repeat(MAX_DOC_BYTES - 1100) } });
    expect(
      await screen.findByText(
        /This note is getting long: about 1,0\d\d characters left before it is too long to back up\./,
      ),
    ).toBeInTheDocument();

    fireEvent.change(note, { target: { value: 'a'.repeat(100_000) } });
    expect(
      await screen.findByText(
        /Too long to back up: this note is saved on this device only\. Shorten it by about 3[0-9],[0-9]{3} characters/,
      ),
    ).toBeInTheDocument();

    fireEvent.change(note, { target: { value: 'Short again.' } });
    await waitFor(() => expect(screen.queryByText(/too long to back up/i)).toBeNull());
  });
});
