// "Remove my progress from this device", for a shared device after sign-out: deletes the learner's events
// and docs (notes, settings, reading position) and what sync kept for them (session, device, cursor, last
// result, teams), in one transaction so a failure (storage closed) leaves everything as it was. Downloaded course
// content stays: it is the same for everyone. Refuses while someone is signed in, so it can never wipe the
// data of the learner using the device now.
import type { PocketDb } from '../db/db';
import { deleteMeta, readMeta } from '../db/meta';

export async function removeLearnerData(db: PocketDb): Promise<void> {
  await db.transaction('rw', db.events, db.docs, db.meta, async () => {
    if (await readMeta(db, 'session')) throw new Error('Sign out before removing progress.');
    await db.events.clear();
    await db.docs.clear();
    // The sessions this learner ran here hold the names they ticked, and the rosters of the teams they
    // lead hold their colleagues' names: other people's, so they go too.
    await deleteMeta(
      db,
      'syncDevice',
      'syncCursor',
      'syncResult',
      'teams',
      'teamRosters',
      'facilitatedSessions',
      'recordCsvReflections',
    );
  });
}
