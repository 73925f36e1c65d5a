import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { renderApp } from '../helpers/render-app';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('study reminders in settings', () => {
  it('adds study slots to the synced doc with the time zone, lists them, and removes one', async () => {
    const { user } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Add a study slot' });
    await user.click(within(form).getByRole('button', { name: 'Add study slot' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Choose at least one day.');

    await user.click(within(form).getByRole('checkbox', { name: 'Tuesday' }));
    await user.type(within(form).getByLabelText('Time'), '12:10');
    await user.type(within(form).getByLabelText('Label (optional)'), 'my free period');
    await user.click(within(form).getByRole('button', { name: 'Add study slot' }));

    const list = await screen.findByRole('list', { name: 'Your study slots' });
    expect(list).toHaveTextContent('Tuesday at 12:10 — my free period');
    const doc = await db.docs.get('study-slots');
    expect(doc?.dirty).toBe(1);
    expect(doc?.body).toMatchObject({
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      slots: [{ days: ['TU'], time: '12:10', label: 'my free period' }],
    });
    expect(screen.getByRole('button', { name: 'Add my study slots to my calendar' })).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: 'Remove Tuesday at 12:10 — my free period' }));
    await waitFor(async () => expect((await db.docs.get('study-slots'))?.body.slots).toEqual([]));
    expect(await screen.findByText('You have no study slots yet.')).toBeInTheDocument();
  });

  it('tells a slot that could not be added or removed through the app-wide alert, keeping what was typed', async () => {
    const { user } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Add a study slot' });
    await user.click(within(form).getByRole('checkbox', { name: 'Friday' }));
    await user.type(within(form).getByLabelText('Time'), '08:15');
    vi.spyOn(db.docs, 'put').mockRejectedValueOnce(new Error('disk error'));
    await user.click(within(form).getByRole('button', { name: 'Add study slot' }));
    expect(await screen.findByText('That change could not be saved')).toBeInTheDocument();
    expect(within(form).getByLabelText('Time')).toHaveValue('08:15');
    expect(within(form).getByRole('checkbox', { name: 'Friday' })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await user.click(within(form).getByRole('button', { name: 'Add study slot' }));
    const list = await screen.findByRole('list', { name: 'Your study slots' });
    vi.spyOn(db.docs, 'put').mockRejectedValueOnce(new Error('disk error'));
    await user.click(within(list).getByRole('button', { name: 'Remove Friday at 08:15' }));
    expect(await screen.findByText('That change could not be saved')).toBeInTheDocument();
    expect(list).toHaveTextContent('Friday at 08:15');
  });

  it('warns when a slot falls in quiet hours', async () => {
    const { user } = renderApp('/settings');
    const form = await screen.findByRole('form', { name: 'Add a study slot' });
    await user.type(within(form).getByLabelText('Time'), '22:30');
    expect(within(form).getByText(/Reminders are never sent between 21:30 and 07:00/)).toBeInTheDocument();
  });

  it('on an iPhone outside the Home Screen, explains that reminders need the app added there', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1',
    );
    renderApp('/settings');
    expect(await screen.findByText(/reminders need Pocket CPD on your Home Screen/)).toBeInTheDocument();
  });

  it('without an account, points to signing in and to the calendar file', async () => {
    vi.stubGlobal('PushManager', class {});
    vi.stubGlobal('Notification', { permission: 'default' });
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { getRegistration: async () => undefined },
    });
    renderApp('/settings');
    expect(await screen.findByRole('link', { name: 'sign in under Back up and sync' })).toHaveAttribute(
      'href',
      '/settings/sync',
    );
  });
});
