import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

const html = document.documentElement;

afterEach(() => {
  for (const name of ['data-font', 'data-letter-spacing', 'data-motion']) html.removeAttribute(name);
});

describe('reading adjustments', () => {
  it('apply at once, are stored in the settings doc, and stay on in a lesson', async () => {
    const { user } = renderApp('/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    const pick = async (group: string, option: string) =>
      user.click(
        within(await screen.findByRole('group', { name: group })).getByRole('radio', { name: option }),
      );

    await pick('Line spacing', 'Widest');
    expect(html.style.getPropertyValue('--line-height')).toBe('2.2');
    await pick('Letter spacing', 'Wider');
    expect(html.dataset.letterSpacing).toBe('wide');
    await pick('Font', 'My device’s own font');
    expect(html.dataset.font).toBe('system');
    await pick('Motion', 'Always reduce motion');
    expect(html.dataset.motion).toBe('reduce');
    await pick('Colours', 'Cream (low glare)');
    expect(html.dataset.theme).toBe('cream');
    await pick('Colours', 'High contrast');
    expect(html.dataset.theme).toBe('high-contrast');
    await pick('Text size', '175%');
    await user.type(screen.getByRole('textbox', { name: 'Name on certificates' }), 'Alex Morgan');

    await waitFor(async () =>
      expect((await db.docs.get('settings'))?.body).toEqual({
        textSize: 175,
        theme: 'high-contrast',
        lineSpacing: 2.2,
        letterSpacing: 'wide',
        font: 'system',
        motion: 'reduce',
        certificateName: 'Alex Morgan',
      }),
    );

    await user.click(screen.getByRole('link', { name: 'Modules' }));
    await user.click(await screen.findByRole('link', { name: 'What SEN means' }));
    await screen.findByRole('heading', { level: 1, name: 'What SEN means' });
    expect(html.style.getPropertyValue('--text-scale')).toBe('1.75');
    expect(html.style.getPropertyValue('--line-height')).toBe('2.2');
    expect(html.dataset).toMatchObject({
      theme: 'high-contrast',
      font: 'system',
      letterSpacing: 'wide',
      motion: 'reduce',
    });

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await pick('Motion', 'Same as my device');
    expect(html.dataset.motion).toBeUndefined();
    // Stored before the test ends: a write still in flight could land in the next test's fresh database.
    await waitFor(async () => expect((await db.docs.get('settings'))?.body.motion).toBe('system'));
  });

  it('keeps the name on certificates as typed, stores it tidied, then shows one synced from elsewhere', async () => {
    const { user } = renderApp('/settings');
    const field = await screen.findByRole('textbox', { name: 'Name on certificates' });
    await user.type(field, ' Ann  Lee ');
    expect(field).toHaveValue(' Ann  Lee ');
    await waitFor(async () => expect((await db.docs.get('settings'))?.body.certificateName).toBe('Ann Lee'));
    await user.tab();
    expect(field).toHaveValue('Ann Lee');

    // Another device's name arrives by sync: the choice made here is settled, so it shows.
    const body = (await db.docs.get('settings'))?.body;
    await db.docs.put({
      id: 'settings',
      body: { ...body, certificateName: 'Bo Chen' },
      rev: 2,
      dirty: 0,
      updatedAt: new Date().toISOString(),
    });
    await waitFor(() => expect(field).toHaveValue('Bo Chen'));
  });

  it('loads a settings doc written before the reading adjustments with their defaults, keeping unknown fields', async () => {
    await db.docs.put({
      id: 'settings',
      body: { role: 'ta', textSize: 125, theme: 'dark', fromNewerApp: 1 },
      rev: 3,
      dirty: 0,
      updatedAt: new Date().toISOString(),
    });
    const { user } = renderApp('/settings');
    await waitFor(() => expect(html.dataset.theme).toBe('dark'));
    expect(html.style.getPropertyValue('--text-scale')).toBe('1.25');
    // The defaults are the stylesheet's own: nothing is written for them, so <html> is not restyled.
    expect(html.style.getPropertyValue('--line-height')).toBe('');
    expect(html.dataset.font).toBeUndefined();
    expect(html.dataset.letterSpacing).toBeUndefined();
    expect(html.dataset.motion).toBeUndefined();
    const font = await screen.findByRole('group', { name: 'Font' });
    expect(
      within(font).getByRole('radio', {
        name: 'Atkinson Hyperlegible (made for low vision, built into the app)',
      }),
    ).toBeChecked();

    await user.click(
      within(screen.getByRole('group', { name: 'Line spacing' })).getByRole('radio', { name: 'Wider' }),
    );
    await waitFor(async () =>
      expect((await db.docs.get('settings'))?.body).toEqual({
        role: 'ta',
        textSize: 125,
        theme: 'dark',
        fromNewerApp: 1,
        lineSpacing: 1.9,
      }),
    );
  });
});
