import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app';

describe('reading with dyslexia', () => {
  it('offers a plainly named preset that sets larger text and wider spacing, and says what helps honestly', async () => {
    const { user } = renderApp('/settings');
    const section = await screen.findByRole('region', { name: 'Reading with dyslexia' });
    expect(section).toHaveTextContent(
      'Coloured overlays and special “dyslexia fonts” have not been shown to help',
    );
    await user.click(within(section).getByRole('button', { name: 'Use the dyslexia reading preset' }));

    const checked = (group: string) =>
      within(screen.getByRole('group', { name: group }))
        .getAllByRole('radio')
        .find((r) => (r as HTMLInputElement).checked)
        ?.closest('label')?.textContent;
    await waitFor(() => expect(checked('Text size')).toBe('125%'));
    expect(checked('Line spacing')).toBe('Wider');
    expect(checked('Letter spacing')).toBe('Wider');
    expect(within(section).getByRole('status')).toHaveTextContent('The dyslexia reading preset is on.');
    await waitFor(() => expect(document.documentElement.style.getPropertyValue('--text-scale')).toBe('1.25'));
  });
});
