// Adds, lists, activates and removes the people on this device (profiles-db.ts). Activating writes the
// active person both to the profiles database (for the service worker) and to the page's localStorage copy
// that db.ts opens at start; a write that fails (storage full or refused) rejects and nothing switches.
// Removing a person deletes their whole PocketDb; what they synced stays on the server. On a shared device
// everyone has a PIN (docs/accounts.md): a person added, and the first person when the second is added,
// come with one; rows from before PINs were required may lack it until that person is next chosen.
import { Dexie } from 'dexie';
import {
  ACTIVE_DATABASE_STORAGE_KEY,
  ACTIVE_PROFILE_KEY,
  PERSON_DATABASE_PREFIX,
} from '../shared/device/profiles-database';
import { db } from './db';
import { type ProfileRow, ProfilesDb, type StoredPin } from './profiles-db';

export type { ProfileRow, StoredPin };

export type NewProfile = { name: string; pin: StoredPin };

export function createProfilesRepo(profilesDb: ProfilesDb, storage: Pick<Storage, 'setItem'> | undefined) {
  const repo = {
    /** Everyone on this device, first added first; empty while only the first person has ever used it. */
    async list(): Promise<ProfileRow[]> {
      return profilesDb.profiles.orderBy('addedAt').toArray();
    },

    /** The database the app opened at start: the person studying now. */
    activeDatabaseName(): string {
      return db.name;
    },

    /**
     * Adds a person with a database of their own. The first time, the person using the device so far is
     * listed too (as `current`, with the PIN they chose), keeping the database they already have.
     */
    async add(person: NewProfile, current: NewProfile | undefined, now: Date): Promise<ProfileRow> {
      const added: ProfileRow = {
        databaseName: `${PERSON_DATABASE_PREFIX}${crypto.randomUUID()}`,
        name: person.name,
        addedAt: now.toISOString(),
        pin: person.pin,
      };
      await profilesDb.transaction('rw', profilesDb.profiles, profilesDb.meta, async () => {
        if ((await profilesDb.profiles.count()) === 0) {
          if (!current) throw new Error('The person using this device now needs a name and a PIN first.');
          const earlier = new Date(now.getTime() - 1).toISOString();
          await profilesDb.profiles.add({ databaseName: db.name, ...current, addedAt: earlier });
          await profilesDb.meta.put({ key: ACTIVE_PROFILE_KEY, value: db.name });
        }
        await profilesDb.profiles.add(added);
      });
      return added;
    },

    /** Sets or changes a PIN; there is no removing one while the device is shared. */
    async setPin(databaseName: string, pin: StoredPin): Promise<void> {
      await profilesDb.profiles.update(databaseName, { pin });
    },

    /** Makes `databaseName` the person the app and the service worker open from the next page load on. */
    async activate(databaseName: string): Promise<void> {
      await profilesDb.meta.put({ key: ACTIVE_PROFILE_KEY, value: databaseName });
      storage?.setItem(ACTIVE_DATABASE_STORAGE_KEY, databaseName);
    },

    /**
     * The service worker's record follows the page's: if they ever differ (one write of `activate` lost),
     * the person on screen is the one whose lessons it should serve.
     */
    async agreeWithPage(): Promise<void> {
      if ((await profilesDb.meta.get(ACTIVE_PROFILE_KEY))?.value === db.name) return;
      if (await profilesDb.profiles.get(db.name)) {
        await profilesDb.meta.put({ key: ACTIVE_PROFILE_KEY, value: db.name });
      }
    },

    /** Deletes another person's database and their place in the list; the person studying now cannot go. */
    async remove(databaseName: string): Promise<void> {
      if (databaseName === db.name) throw new Error('Switch to someone else before removing this person.');
      await Dexie.delete(databaseName);
      await profilesDb.transaction('rw', profilesDb.profiles, profilesDb.meta, async () => {
        await profilesDb.profiles.delete(databaseName);
        // With one person left the device is a personal one again: no list, no picker, and no PIN (it
        // went with the list; adding someone later asks for one again).
        if ((await profilesDb.profiles.count()) === 1) {
          await profilesDb.profiles.clear();
        }
      });
    },

    /**
     * "Forgot PIN?" at "Who is studying?": removes a person nobody there can give the PIN for, the person
     * studying now included (the next one listed becomes active; the caller opens the app afresh). Unlike
     * `remove`, the list and every PIN stay even with one person left, so removing someone never lets the
     * remover past the one left; `endSharingIfAlone` makes the device personal once that one is chosen.
     */
    async removeWithoutPin(databaseName: string): Promise<void> {
      const studying = databaseName === db.name;
      // Closed, or the deletion would wait for this page's own connection; a later read reopens it.
      if (studying) db.close({ disableAutoOpen: false });
      await Dexie.delete(databaseName);
      const next = await profilesDb.transaction('rw', profilesDb.profiles, profilesDb.meta, async () => {
        await profilesDb.profiles.delete(databaseName);
        const first = await profilesDb.profiles.orderBy('addedAt').first();
        if (studying && first)
          await profilesDb.meta.put({ key: ACTIVE_PROFILE_KEY, value: first.databaseName });
        return first;
      });
      if (studying && next) storage?.setItem(ACTIVE_DATABASE_STORAGE_KEY, next.databaseName);
    },

    /** With one person left and chosen with their PIN, the device is a personal one again (as in `remove`). */
    async endSharingIfAlone(): Promise<void> {
      await profilesDb.transaction('rw', profilesDb.profiles, async () => {
        if ((await profilesDb.profiles.count()) === 1) await profilesDb.profiles.clear();
      });
    },
  };
  return repo;
}

export type ProfilesRepo = ReturnType<typeof createProfilesRepo>;

function pageStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

export const profilesRepo = createProfilesRepo(new ProfilesDb(), pageStorage());
