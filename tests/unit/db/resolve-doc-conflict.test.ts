// A conflict choice is built on the version of the other side the learner was shown: if a newer one arrived
// while they chose, the push is answered with a conflict again instead of dropping what they never saw.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocketDb } from '../../../src/db/db';
import { createDocsRepo } from '../../../src/db/docs-repo';

const ID = 'note:lesson-1:reflect-1';
const AT = new Date('2026-03-02T10:00:00.000Z');
let db: PocketDb;

afterEach(async () => {
  await db.delete();
});

async function noteInConflict(conflictRev: number) {
  db = new PocketDb(`resolve-${conflictRev}-${Math.random()}`);
  await db.docs.put({
    id: ID,
    body: { text: 'mine' },
    rev: 2,
    dirty: 1,
    updatedAt: 'x',
    conflict: { rev: conflictRev, body: { text: 'theirs' } },
  });
  return createDocsRepo(db);
}

describe('resolving a note in conflict', () => {
  it.each([
    { name: 'the version shown is the newest: built on it', conflictRev: 5, seenRev: 5, rev: 5 },
    {
      name: 'a newer version arrived while choosing: built on the one shown',
      conflictRev: 7,
      seenRev: 5,
      rev: 5,
    },
    { name: 'no version given: built on the newest', conflictRev: 7, seenRev: undefined, rev: 7 },
  ])('$name', async ({ conflictRev, seenRev, rev }) => {
    const repo = await noteInConflict(conflictRev);
    const stored = await repo.resolveConflict(ID, { text: 'mine\n\ntheirs' }, AT, seenRev);
    expect(stored).toMatchObject({ rev, dirty: 1, body: { text: 'mine\n\ntheirs' } });
    expect((await db.docs.get(ID))?.conflict).toBeUndefined();
  });
});
