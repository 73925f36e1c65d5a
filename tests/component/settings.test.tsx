import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

const html = document.documentElement;

describe('settings', () => {
  it('changes the text size and theme on <html> at once and stores them as the settings doc', async () => {
    const { user } = renderApp('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    const size = await screen.findByRole('group', { name: 'Text size' });
    await user.click(within(size).getByRole('radio', { name: '150%' }));
    expect(html.style.getPropertyValue('--text-scale')).toBe('1.5');

    const colours = screen.getByRole('group', { name: 'Colours' });
    await user.click(within(colours).getByRole('radio', { name: 'Dark' }));
    expect(html.dataset.theme).toBe('dark');

    await user.click(
      within(screen.getByRole('group', { name: 'Your role' })).getByRole('radio', {
        name: 'Teaching assistant',
      }),
    );
    await waitFor(async () =>
      expect((await db.docs.get('settings'))?.body).toEqual({ role: 'ta', textSize: 150, theme: 'dark' }),
    );
    expect((await db.docs.get('settings'))?.dirty).toBe(1);

    await user.click(within(colours).getByRole('radio', { name: 'Same as my device' }));
    expect(html.dataset.theme).toBeUndefined();
  });

  it('applies stored settings when the app starts, and the role picks the pathway on Today', async () => {
    await db.docs.put({
      id: 'settings',
      body: { role: 'ta', textSize: 200, theme: 'light' },
      rev: 0,
      dirty: 1,
      updatedAt: new Date().toISOString(),
    });
    renderApp('/');
    await waitFor(() => expect(html.style.getPropertyValue('--text-scale')).toBe('2'));
    expect(html.dataset.theme).toBe('light');
    expect(await screen.findByText('From your pathway: Teaching assistants.')).toBeInTheDocument();
    const upNext = screen.getByRole('region', { name: 'Up next' });
    expect(
      within(upNext)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['What DLD is', 'What SEN means', 'SEN support and EHC plans']);
  });
});
