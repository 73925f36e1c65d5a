// The name on certificates is a field bound to the synced settings doc like a note (issue 22): once what
// was typed is stored, a name changed on another device shows at once, even while the field has focus.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

describe('the name on certificates', () => {
  it('follows a name synced from another device while the field still has focus', async () => {
    const { user } = renderApp('/settings');
    const field = await screen.findByRole('textbox', { name: 'Name on certificates' });
    await user.type(field, 'Ann Lee ');
    await waitFor(async () => expect((await db.docs.get('settings'))?.body.certificateName).toBe('Ann Lee'));
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Ann Lee ');

    const body = (await db.docs.get('settings'))?.body;
    await db.docs.put({
      id: 'settings',
      body: { ...body, certificateName: 'Bo Chen' },
      rev: 2,
      dirty: 0,
      updatedAt: new Date().toISOString(),
    });
    await waitFor(() => expect(field).toHaveValue('Bo Chen'));
    expect(field).toHaveFocus();
  });
});
