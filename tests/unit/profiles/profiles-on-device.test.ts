// The people on a shared device: each added person gets a database of their own, the active one is named
// where the service worker reads it, and removing a person deletes their database and nobody else's.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocketDb } from '../../../src/db/db';
import { ProfilesDb } from '../../../src/db/profiles-db';
import { createProfilesRepo } from '../../../src/db/profiles-repo';
import { DATABASE_NAME } from '../../../src/shared/device/database-name';
import { ACTIVE_DATABASE_STORAGE_KEY } from '../../../src/shared/device/profiles-database';
import { activeDatabaseName } from '../../../src/sw/active-database';

const now = new Date('2026-12-07T09:00:00Z');
// Stands for a hashed PIN: the repository stores it as given (hashing is profile-pin.ts's, tested there).
const pin = { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 1 };

function memoryStorage() {
  const items = new Map<string, string>();
  return { setItem: (key: string, value: string) => void items.set(key, value), items };
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

const opened: ProfilesDb[] = [];
function profilesDb(): ProfilesDb {
  const made = new ProfilesDb();
  opened.push(made);
  return made;
}

afterEach(async () => {
  for (const made of opened.splice(0)) made.close();
  for (const name of await databaseNames()) {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = resolve;
    });
  }
});

describe('people on a shared device', () => {
  it('keeps the page’s copy under the key db.ts reads at start', () => {
    expect(ACTIVE_DATABASE_STORAGE_KEY).toBe(DATABASE_NAME);
  });

  it('is the first person’s database for the service worker until anyone is added', async () => {
    expect(await activeDatabaseName()).toBe(DATABASE_NAME);
    // Asking must not create the profiles database on a personal device.
    expect(await databaseNames()).toEqual([]);
  });

  it('lists the person using the device with their own database when a second is added', async () => {
    const repo = createProfilesRepo(profilesDb(), memoryStorage());
    await expect(repo.add({ name: 'Sam', pin }, undefined, now)).rejects.toThrow(/needs a name and a PIN/);
    const sam = await repo.add({ name: 'Sam', pin }, { name: 'Alex', pin }, now);

    const people = await repo.list();
    expect(people.map((p) => [p.name, p.databaseName, p.pin])).toEqual([
      ['Alex', DATABASE_NAME, pin],
      ['Sam', sam.databaseName, pin],
    ]);
    expect(sam.databaseName).not.toBe(DATABASE_NAME);
    expect(await activeDatabaseName()).toBe(DATABASE_NAME);
  });

  it('names the activated person for the service worker and for the page’s next start', async () => {
    const storage = memoryStorage();
    const repo = createProfilesRepo(profilesDb(), storage);
    const sam = await repo.add({ name: 'Sam', pin }, { name: 'Alex', pin }, now);
    await repo.activate(sam.databaseName);
    expect(await activeDatabaseName()).toBe(sam.databaseName);
    expect(storage.items.get(ACTIVE_DATABASE_STORAGE_KEY)).toBe(sam.databaseName);
  });

  it('deletes a removed person’s database only, and forgets the list when one person is left', async () => {
    const repo = createProfilesRepo(profilesDb(), memoryStorage());
    const sam = await repo.add({ name: 'Sam', pin }, { name: 'Alex', pin }, now);
    const jo = await repo.add({ name: 'Jo', pin }, undefined, new Date(now.getTime() + 1000));
    for (const name of [DATABASE_NAME, sam.databaseName, jo.databaseName]) {
      const personal = new PocketDb(name);
      await personal.docs.put({ id: 'note:x', body: { text: name }, rev: 0, dirty: 1, updatedAt: '' });
      personal.close();
    }

    await expect(repo.remove(DATABASE_NAME)).rejects.toThrow(/Switch to someone else/);
    await repo.remove(sam.databaseName);
    expect(await databaseNames()).not.toContain(sam.databaseName);
    expect((await repo.list()).map((p) => p.name)).toEqual(['Alex', 'Jo']);
    const jos = new PocketDb(jo.databaseName);
    expect((await jos.docs.get('note:x'))?.body).toEqual({ text: jo.databaseName });
    jos.close();

    await repo.remove(jo.databaseName);
    expect(await repo.list()).toEqual([]);
    const alexs = new PocketDb(DATABASE_NAME);
    expect(await alexs.docs.count()).toBe(1);
    alexs.close();
  });

  it('removes without a PIN ("Forgot PIN?") keeping the list and the PIN of the one left, until they are chosen', async () => {
    const storage = memoryStorage();
    const repo = createProfilesRepo(profilesDb(), storage);
    const sam = await repo.add({ name: 'Sam', pin }, { name: 'Alex', pin }, now);

    await repo.removeWithoutPin(sam.databaseName);
    expect(await databaseNames()).not.toContain(sam.databaseName);
    expect((await repo.list()).map((p) => [p.name, p.pin])).toEqual([['Alex', pin]]);
    // Nobody else became active: the person studying stays, and still owes their PIN.
    expect(storage.items.size).toBe(0);

    await repo.endSharingIfAlone();
    expect(await repo.list()).toEqual([]);
  });

  it('removes the person studying now without a PIN, and makes the next one listed active', async () => {
    const storage = memoryStorage();
    const repo = createProfilesRepo(profilesDb(), storage);
    const sam = await repo.add({ name: 'Sam', pin }, { name: 'Alex', pin }, now);
    const jo = await repo.add({ name: 'Jo', pin }, undefined, new Date(now.getTime() + 1000));
    const alexs = new PocketDb(DATABASE_NAME);
    await alexs.docs.put({ id: 'note:x', body: { text: 'Alex' }, rev: 0, dirty: 1, updatedAt: '' });
    alexs.close();
    expect(await databaseNames()).toContain(DATABASE_NAME);

    await repo.removeWithoutPin(DATABASE_NAME);
    expect(await databaseNames()).not.toContain(DATABASE_NAME);
    expect((await repo.list()).map((p) => p.name)).toEqual(['Sam', 'Jo']);
    expect(await activeDatabaseName()).toBe(sam.databaseName);
    expect(storage.items.get(ACTIVE_DATABASE_STORAGE_KEY)).toBe(sam.databaseName);
    // Two are left: sharing goes on.
    await repo.endSharingIfAlone();
    expect((await repo.list()).map((p) => p.databaseName)).toEqual([sam.databaseName, jo.databaseName]);
  });
});
