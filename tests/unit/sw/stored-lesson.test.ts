// The service worker reads downloaded lessons straight from the app's IndexedDB; these tie it to the
// schema Dexie writes (src/db/db.ts), so a change there that would break it fails here.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocketDb } from '../../../src/db/db';
import { ProfilesDb } from '../../../src/db/profiles-db';
import { createProfilesRepo } from '../../../src/db/profiles-repo';
import { DATABASE_NAME } from '../../../src/shared/device/database-name';
import { storedLesson } from '../../../src/sw/stored-lesson';
import { fixtureBundles, fixtureCatalog } from '../../helpers/fixture-course';

const module = fixtureCatalog.modules[0];
const bundle = module && fixtureBundles[module.file];
if (!module || !bundle) throw new Error('fixture course has no first module');
const lesson = bundle.lessons[0];
if (!lesson) throw new Error('fixture module has no lesson');

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

afterEach(async () => {
  for (const name of await databaseNames()) {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = resolve;
    });
  }
});

describe('a downloaded lesson read by the service worker', () => {
  it('is null on a device where the app never made its database, and makes none', async () => {
    expect(await storedLesson(module.id, lesson.id)).toBeNull();
    expect(await databaseNames()).not.toContain(DATABASE_NAME);
  });

  it('is the lesson and its module title once the app has stored the module', async () => {
    const db = new PocketDb(DATABASE_NAME);
    await db.modules.put({ ...module, downloadedHash: module.hash });
    await db.lessons.bulkPut(bundle.lessons);
    db.close();

    expect(await storedLesson(module.id, lesson.id)).toEqual({
      moduleId: module.id,
      moduleTitle: module.title,
      lesson,
    });
    // A lesson asked for under another module's address is not that lesson's page.
    expect(await storedLesson('another-module', lesson.id)).toBeNull();
    expect(await storedLesson(module.id, 'no-such-lesson')).toBeNull();
  });

  it('is read from the database of the person studying now on a shared device', async () => {
    const first = new PocketDb(DATABASE_NAME);
    await first.modules.put({ ...module, downloadedHash: module.hash });
    await first.lessons.bulkPut(bundle.lessons);
    first.close();
    const profiles = new ProfilesDb();
    const repo = createProfilesRepo(profiles, undefined);
    const pin = { salt: 'c2FsdA==', hash: 'aGFzaA==', iterations: 1 };
    const sam = await repo.add({ name: 'Sam', pin }, { name: 'Alex', pin }, new Date('2026-12-07T09:00:00Z'));
    await repo.activate(sam.databaseName);
    // Sam has not downloaded the module: Alex's copy is not Sam's page.
    expect(await storedLesson(module.id, lesson.id)).toBeNull();

    const sams = new PocketDb(sam.databaseName);
    await sams.modules.put({ ...module, title: 'Sam’s copy', downloadedHash: module.hash });
    await sams.lessons.bulkPut(bundle.lessons);
    sams.close();
    expect((await storedLesson(module.id, lesson.id))?.moduleTitle).toBe('Sam’s copy');

    await repo.activate(DATABASE_NAME);
    expect((await storedLesson(module.id, lesson.id))?.moduleTitle).toBe(module.title);
    profiles.close();
  });

  it('never holds up the app opening its database', async () => {
    const db = new PocketDb(DATABASE_NAME);
    await db.open();
    db.close();
    const reads = Promise.all([1, 2, 3].map(() => storedLesson(module.id, lesson.id)));
    const app = new PocketDb(DATABASE_NAME);
    await app.open();
    expect(app.isOpen()).toBe(true);
    await reads;
    app.close();
  });
});
