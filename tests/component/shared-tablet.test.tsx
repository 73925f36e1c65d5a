// A tablet shared by colleagues (docs/accounts.md, "Shared tablets"): adding people, "Who is studying?",
// a PIN that must be right before switching, and removing someone after saying what goes.
import { screen, waitFor, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PocketDb } from '../../src/db/db';
import { profilesRepo } from '../../src/db/profiles-repo';
import { leaveForStart } from '../../src/features/profiles/leave-for-start';
import { DATABASE_NAME } from '../../src/shared/device/database-name';
import {
  ACTIVE_DATABASE_STORAGE_KEY,
  PROFILES_DATABASE_NAME,
} from '../../src/shared/device/profiles-database';
import { renderApp } from '../helpers/render-app';

vi.mock('../../src/features/profiles/leave-for-start', () => ({ leaveForStart: vi.fn() }));

beforeEach(async () => {
  for (const person of await profilesRepo.list()) {
    if (person.databaseName !== DATABASE_NAME) await Dexie.delete(person.databaseName);
  }
  await Dexie.delete(PROFILES_DATABASE_NAME);
  localStorage.clear();
  sessionStorage.clear();
  vi.mocked(leaveForStart).mockClear();
});

async function addPeople(user: ReturnType<typeof renderApp>['user']) {
  await screen.findByRole('heading', { level: 1, name: 'People on this device' });
  await user.type(screen.getByLabelText('Your name (the person using this device now)'), 'Alex');
  await user.type(screen.getByLabelText('Name of the person to add'), 'Sam');
  await user.type(screen.getByLabelText('Their PIN (optional)'), '4821');
  await user.click(screen.getByRole('button', { name: 'Add person' }));
}

describe('a shared tablet', () => {
  it('adds a second person, then asks who is studying and wants the right PIN before switching', async () => {
    const { user } = renderApp('/settings/people');
    await addPeople(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Who is studying?' })).toBeInTheDocument();
    expect(screen.getByText(/Sam is added/)).toBeInTheDocument();
    // Whoever added Sam is at the device: the app does not ask them who is studying.
    expect(sessionStorage.getItem('pocket-cpd.person-chosen')).toBe('1');
    const stored = JSON.stringify(await profilesRepo.list());
    expect(stored).not.toContain('4821');

    await user.click(screen.getByRole('button', { name: 'Sam' }));
    const pin = screen.getByLabelText('Sam’s PIN');
    expect(pin).toHaveFocus();
    await user.type(pin, '1111');
    await user.click(screen.getByRole('button', { name: 'Continue as Sam' }));
    expect(
      await screen.findByText('That PIN is not Sam’s. Try again.', { selector: '[role="alert"]' }),
    ).toBeInTheDocument();
    expect(leaveForStart).not.toHaveBeenCalled();
    expect(localStorage.getItem(ACTIVE_DATABASE_STORAGE_KEY)).toBeNull();

    await user.type(screen.getByLabelText('Sam’s PIN'), '4821');
    await user.click(screen.getByRole('button', { name: 'Continue as Sam' }));
    await waitFor(() => expect(leaveForStart).toHaveBeenCalledTimes(1));
    const sam = (await profilesRepo.list()).find((p) => p.name === 'Sam');
    expect(localStorage.getItem(ACTIVE_DATABASE_STORAGE_KEY)).toBe(sam?.databaseName);
  });

  it('continues as the person already studying without leaving the page they opened', async () => {
    await profilesRepo.add({ name: 'Sam' }, 'Alex', new Date());
    const { user, location } = renderApp('/settings/people?next=%2Frecord');
    await user.click(await screen.findByRole('button', { name: 'Alex (studying now)' }));
    await waitFor(() => expect(location.current?.pathname).toBe('/record'));
    expect(leaveForStart).not.toHaveBeenCalled();
    expect(sessionStorage.getItem('pocket-cpd.person-chosen')).toBe('1');
  });

  it('refuses a PIN that is not 4 to 8 digits, and a second person with no name', async () => {
    const { user } = renderApp('/settings/people');
    await screen.findByRole('heading', { level: 1, name: 'People on this device' });
    await user.type(screen.getByLabelText('Your name (the person using this device now)'), 'Alex');
    await user.type(screen.getByLabelText('Their PIN (optional)'), '12');
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    const name = screen.getByLabelText('Name of the person to add');
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription('Enter the name of the person to add.');
    expect(screen.getByLabelText('Their PIN (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('A PIN is 4 to 8 digits.'),
    );
    expect(await profilesRepo.list()).toEqual([]);
  });

  it('removes someone only after saying what is lost and what stays on the server', async () => {
    const sam = await profilesRepo.add({ name: 'Sam' }, 'Alex', new Date());
    await profilesRepo.add({ name: 'Jo' }, undefined, new Date(Date.now() + 1000));
    const samsDb = new PocketDb(sam.databaseName);
    await samsDb.docs.put({ id: 'note:a', body: { text: 'Sam’s note' }, rev: 0, dirty: 1, updatedAt: '' });
    samsDb.close();

    const { user } = renderApp('/settings/people');
    await user.click(await screen.findByRole('button', { name: 'Remove Sam…' }));
    const removal = screen.getByRole('button', { name: 'Remove Sam and their progress' }).closest('form');
    if (!removal) throw new Error('no removal form');
    expect(removal).toHaveTextContent('deletes their progress, notes, settings and downloaded modules');
    expect(removal).toHaveTextContent('Anything they synced to their account stays on the server');
    await user.click(within(removal).getByRole('button', { name: 'Remove Sam and their progress' }));

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Sam…' })).toBeNull());
    expect((await profilesRepo.list()).map((p) => p.name)).toEqual(['Alex', 'Jo']);
    expect((await Dexie.getDatabaseNames()).includes(sam.databaseName)).toBe(false);
  });

  it('asks who is studying when the app opens afresh, and names them under the header', async () => {
    await profilesRepo.add({ name: 'Sam' }, 'Alex', new Date());
    const { location } = renderApp('/record');
    await waitFor(() => expect(location.current?.pathname).toBe('/settings/people'), { timeout: 15_000 });
    expect(location.current?.search).toBe('?next=%2Frecord');
    expect(await screen.findByText('Studying as Alex')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Switch person' })).toHaveAttribute('href', '/settings/people');
  });

  it('shows nothing of people on a device only one person uses', async () => {
    const { location } = renderApp('/record');
    await screen.findByRole('heading', { level: 1, name: /record/i });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(location.current?.pathname).toBe('/record');
    expect(screen.queryByText(/Studying as/)).toBeNull();
  });
});
