// A tablet shared by colleagues (docs/accounts.md, "Shared tablets"): adding people (each with a PIN, the
// first person too), "Who is studying?", a PIN that must be right before switching, a person from before
// PINs were required choosing one before anything of theirs opens, and removing someone after saying what goes.
import { screen, waitFor, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PocketDb } from '../../src/db/db';
import { ProfilesDb } from '../../src/db/profiles-db';
import { profilesRepo } from '../../src/db/profiles-repo';
import { markChosenThisVisit } from '../../src/features/profiles/chosen-this-visit';
import { leaveForStart } from '../../src/features/profiles/leave-for-start';
import { hashPin, newPinSalt } from '../../src/features/profiles/profile-pin';
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
  await user.type(screen.getByLabelText('Your PIN'), '1357');
  await user.type(screen.getByLabelText('Name of the person to add'), 'Sam');
  await user.type(screen.getByLabelText('Their PIN'), '4821');
  await user.click(screen.getByRole('button', { name: 'Add person' }));
}

/** Alex (studying now) and Sam, each with a PIN, as the people page leaves them. */
async function alexAndSam() {
  const sam = await profilesRepo.add(
    { name: 'Sam', pin: await hashPin('4821', newPinSalt()) },
    { name: 'Alex', pin: await hashPin('1357', newPinSalt()) },
    new Date(),
  );
  return sam;
}

/** People added before everyone on a shared device needed a PIN. */
async function forgetPins() {
  const stored = new ProfilesDb();
  await stored.profiles.toCollection().modify((person) => {
    delete person.pin;
  });
  stored.close();
}

describe('a shared tablet', () => {
  it('adds a second person, then asks who is studying and wants the right PIN before switching', async () => {
    const { user } = renderApp('/settings/people');
    await addPeople(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Who is studying?' })).toBeInTheDocument();
    expect(screen.getByText(/Sam is added/)).toBeInTheDocument();
    // Whoever added Sam is at the device: the app does not ask them who is studying.
    expect(sessionStorage.getItem('pocket-cpd.person-chosen')).toBe('1');
    const people = await profilesRepo.list();
    expect(people.map((p) => [p.name, p.pin !== undefined])).toEqual([
      ['Alex', true],
      ['Sam', true],
    ]);
    const stored = JSON.stringify(people);
    expect(stored).not.toContain('4821');
    expect(stored).not.toContain('1357');
    // Everyone on a shared device has a PIN: Alex can change theirs, not take it away.
    expect(await screen.findByRole('button', { name: 'Change PIN' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove PIN' })).toBeNull();

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

  it('asks even the person already studying for their PIN, then goes back to the page they opened', async () => {
    await alexAndSam();
    const { user, location } = renderApp('/settings/people?next=%2Frecord');
    await user.click(await screen.findByRole('button', { name: 'Alex (studying now)' }));
    // Until someone is chosen the page offers only the choice: no adding someone to get past Alex.
    expect(screen.queryByRole('heading', { name: 'Add a person' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Your PIN/ })).toBeNull();
    await user.type(screen.getByLabelText('Alex’s PIN'), '1357');
    await user.click(screen.getByRole('button', { name: 'Continue as Alex' }));
    await waitFor(() => expect(location.current?.pathname).toBe('/record'));
    expect(leaveForStart).not.toHaveBeenCalled();
    expect(sessionStorage.getItem('pocket-cpd.person-chosen')).toBe('1');
  });

  it('wants a PIN of 4 to 8 digits for both people, and a name for the second', async () => {
    const { user } = renderApp('/settings/people');
    await screen.findByRole('heading', { level: 1, name: 'People on this device' });
    await user.type(screen.getByLabelText('Your name (the person using this device now)'), 'Alex');
    await user.type(screen.getByLabelText('Their PIN'), '12');
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    const mine = screen.getByLabelText('Your PIN');
    expect(mine).toHaveFocus();
    expect(mine).toHaveAccessibleDescription(expect.stringContaining('Enter a PIN of 4 to 8 digits.'));
    expect(screen.getByLabelText('Name of the person to add')).toHaveAccessibleDescription(
      'Enter the name of the person to add.',
    );
    expect(screen.getByLabelText('Their PIN')).toHaveAccessibleDescription(
      expect.stringContaining('A PIN is 4 to 8 digits.'),
    );
    expect(await profilesRepo.list()).toEqual([]);

    await user.type(mine, '1357');
    await user.type(screen.getByLabelText('Name of the person to add'), 'Sam');
    await user.clear(screen.getByLabelText('Their PIN'));
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    expect(screen.getByLabelText('Their PIN')).toHaveFocus();
    expect(screen.getByLabelText('Their PIN')).toHaveAccessibleDescription(
      expect.stringContaining('Enter a PIN of 4 to 8 digits.'),
    );
    expect(await profilesRepo.list()).toEqual([]);
  });

  it('has a person from before PINs were required choose one before anything of theirs opens', async () => {
    await alexAndSam();
    await forgetPins();
    // Even in a tab where someone was already chosen, Alex without a PIN is sent to choose one first.
    markChosenThisVisit();
    const { user, location } = renderApp('/record');
    await waitFor(() => expect(location.current?.pathname).toBe('/settings/people'), { timeout: 15_000 });
    expect(screen.queryByRole('heading', { name: 'Add a person' })).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Sam' }));
    const samsPin = screen.getByLabelText('Choose a PIN for Sam');
    expect(samsPin).toHaveFocus();
    await user.type(samsPin, '12x');
    await user.click(screen.getByRole('button', { name: 'Save PIN and continue as Sam' }));
    expect(
      await screen.findByText('A PIN is digits only (0 to 9).', { selector: '[role="alert"]' }),
    ).toBeInTheDocument();
    expect(leaveForStart).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Someone else' }));

    await user.click(screen.getByRole('button', { name: 'Alex (studying now)' }));
    await user.type(screen.getByLabelText('Choose a PIN for Alex'), '2580');
    await user.click(screen.getByRole('button', { name: 'Save PIN and continue as Alex' }));
    await waitFor(() => expect(location.current?.pathname).toBe('/record'));
    const alex = (await profilesRepo.list()).find((p) => p.name === 'Alex');
    expect(alex?.pin?.hash).toBeTruthy();
    expect(JSON.stringify(alex)).not.toContain('2580');
    expect(await screen.findByText('Studying as Alex')).toBeInTheDocument();
    expect(leaveForStart).not.toHaveBeenCalled();
  });

  it('removes someone only after saying what is lost and what stays on the server', async () => {
    const sam = await alexAndSam();
    await profilesRepo.add(
      { name: 'Jo', pin: await hashPin('9999', newPinSalt()) },
      undefined,
      new Date(Date.now() + 1000),
    );
    markChosenThisVisit();
    const samsDb = new PocketDb(sam.databaseName);
    await samsDb.docs.put({ id: 'note:a', body: { text: 'Sam’s note' }, rev: 0, dirty: 1, updatedAt: '' });
    samsDb.close();

    const { user } = renderApp('/settings/people');
    await user.click(await screen.findByRole('button', { name: 'Remove Sam…' }));
    const removal = screen.getByRole('button', { name: 'Remove Sam and their progress' }).closest('form');
    if (!removal) throw new Error('no removal form');
    expect(removal).toHaveTextContent('deletes their progress, notes, settings and downloaded modules');
    expect(removal).toHaveTextContent('Anything they synced to their account stays on the server');
    await user.type(within(removal).getByLabelText('Sam’s PIN'), '4821');
    await user.click(within(removal).getByRole('button', { name: 'Remove Sam and their progress' }));

    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Remove Sam and their progress' })).toBeNull(),
    );
    expect(screen.queryByRole('button', { name: 'Remove Sam…' })).toBeNull();
    expect((await profilesRepo.list()).map((p) => p.name)).toEqual(['Alex', 'Jo']);
    expect((await Dexie.getDatabaseNames()).includes(sam.databaseName)).toBe(false);
  });

  it('lets a person who forgot their PIN be removed from the picker, saying what is lost and what comes back', async () => {
    const sam = await alexAndSam();
    await profilesRepo.add(
      { name: 'Jo', pin: await hashPin('9999', newPinSalt()) },
      undefined,
      new Date(Date.now() + 1000),
    );
    const { user } = renderApp('/settings/people');
    await user.click(await screen.findByRole('button', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Forgot PIN?' }));
    const forgot = screen.getByRole('region', { name: 'Forgot Sam’s PIN?' });
    expect(screen.getByRole('heading', { name: 'Forgot Sam’s PIN?' })).toHaveFocus();
    expect(forgot).toHaveTextContent('A PIN cannot be reset on this device');
    expect(forgot).toHaveTextContent(
      'deletes Sam’s progress, notes, settings and downloaded modules from this device',
    );
    expect(forgot).toHaveTextContent(
      'Anything synced to Sam’s account stays on the server, and comes back when they sign in',
    );
    expect(forgot).toHaveTextContent(
      'Anything not yet synced, and everything if Sam has no account, is lost.',
    );
    expect(within(forgot).queryByLabelText(/PIN/)).toBeNull();

    await user.click(within(forgot).getByRole('button', { name: 'Keep Sam' }));
    expect(screen.getByLabelText('Sam’s PIN')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Forgot PIN?' }));
    await user.click(screen.getByRole('button', { name: 'Remove Sam from this device' }));

    const news = await screen.findByText('Sam was removed from this device.');
    expect(news).toHaveAttribute('role', 'status');
    // The button pressed is gone with the confirm: focus goes to the news, not to the page's start.
    await waitFor(() => expect(news).toHaveFocus());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Sam' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Alex (studying now)' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Jo' })).toBeVisible();
    expect((await profilesRepo.list()).map((p) => p.name)).toEqual(['Alex', 'Jo']);
    expect((await Dexie.getDatabaseNames()).includes(sam.databaseName)).toBe(false);
    // Still nobody chosen: removing someone is no way past the person studying now.
    expect(screen.queryByRole('heading', { name: 'Add a person' })).toBeNull();
  });

  it('still asks the one person left for their PIN after "Forgot PIN?" removed the other', async () => {
    await alexAndSam();
    const { user } = renderApp('/settings/people');
    await user.click(await screen.findByRole('button', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Forgot PIN?' }));
    await user.click(screen.getByRole('button', { name: 'Remove Sam from this device' }));
    expect(await screen.findByText('Sam was removed from this device.')).toBeVisible();
    expect((await profilesRepo.list()).map((p) => p.name)).toEqual(['Alex']);
    await user.click(screen.getByRole('button', { name: 'Alex (studying now)' }));
    await user.type(screen.getByLabelText('Alex’s PIN'), '1357');
    await user.click(screen.getByRole('button', { name: 'Continue as Alex' }));
    // Chosen with the PIN: the device is Alex's own again, with no list and no PIN.
    await waitFor(async () => expect(await profilesRepo.list()).toEqual([]));
  });

  it('keeps the PIN of the one left when someone chosen this visit removes the other through "Forgot PIN?"', async () => {
    await alexAndSam();
    sessionStorage.setItem('pocket-cpd.person-chosen', '1');
    const { user } = renderApp('/settings/people');
    await user.click(await screen.findByRole('button', { name: 'Sam' }));
    await user.click(screen.getByRole('button', { name: 'Forgot PIN?' }));
    await user.click(screen.getByRole('button', { name: 'Remove Sam from this device' }));
    expect(await screen.findByText('Sam was removed from this device.')).toBeVisible();
    // Removing Sam is no way to take Alex's PIN off: the device is Alex's alone only once Alex gives it.
    const left = await profilesRepo.list();
    expect(left.map((p) => p.name)).toEqual(['Alex']);
    expect(left[0]?.pin).toBeTruthy();
  });

  it('removes the person studying now when it is their PIN that was forgotten, and asks again who is studying', async () => {
    const sam = await alexAndSam();
    const { user } = renderApp('/settings/people');
    await user.click(await screen.findByRole('button', { name: 'Alex (studying now)' }));
    await user.click(screen.getByRole('button', { name: 'Forgot PIN?' }));
    await user.click(screen.getByRole('button', { name: 'Remove Alex from this device' }));
    await waitFor(() => expect(leaveForStart).toHaveBeenCalledOnce());
    expect((await profilesRepo.list()).map((p) => p.name)).toEqual(['Sam']);
    expect(localStorage.getItem(ACTIVE_DATABASE_STORAGE_KEY)).toBe(sam.databaseName);
    expect(sessionStorage.length).toBe(0);
  });

  it('asks who is studying when the app opens afresh, and names them under the header', async () => {
    await alexAndSam();
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
