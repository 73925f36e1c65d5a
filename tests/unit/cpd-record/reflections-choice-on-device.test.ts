// The choice to put reflection notes in the record's CSV belongs to one learner: it goes when another
// learner signs in on the device, and with "Remove my progress from this device", and stays otherwise.
import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { PocketDb } from '../../../src/db/db';
import { readMeta, writeMeta } from '../../../src/db/meta';
import { createSyncStore } from '../../../src/db/sync-store';
import { removeLearnerData } from '../../../src/sync/remove-learner-data';

const opened: PocketDb[] = [];
let count = 0;
function freshDb() {
  const db = new PocketDb(`reflections-choice-${++count}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

it.each([
  { name: 'another learner signing in: it starts off again', next: 'learner-2', kept: false },
  { name: 'the same learner signing in again: it is kept', next: 'learner-1', kept: true },
])('$name', async ({ next, kept }) => {
  const db = freshDb();
  const store = createSyncStore(db);
  await store.setSession({ learnerId: 'learner-1', token: 'a' });
  await writeMeta(db, 'recordCsvReflections', true);
  await store.setSession({ learnerId: next, token: 'b' });
  expect(await readMeta(db, 'recordCsvReflections')).toBe(kept ? true : undefined);
});

it('goes with the learner’s progress when it is removed from a shared device', async () => {
  const db = freshDb();
  await writeMeta(db, 'recordCsvReflections', true);
  await removeLearnerData(db);
  expect(await readMeta(db, 'recordCsvReflections')).toBeUndefined();
});
