import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocketDb } from '../../../src/db/db';
import { createDocsRepo } from '../../../src/db/docs-repo';
import { createSyncStore, type MergePulledDoc } from '../../../src/db/sync-store';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { applyDocResult, mergePulledDoc } from '../../../src/sync/doc-merge';
import { toWireEvent } from '../../../src/sync/outbox';
import { docRow, eventRow } from './sample-rows';

const NOW = '2026-03-02T10:00:00.000Z';
const OTHER_DEVICE = '00000000-0000-4000-8000-0000000000d2';
let count = 0;
const opened: PocketDb[] = [];

function freshDb() {
  const db = new PocketDb(`sync-store-${++count}`);
  opened.push(db);
  return db;
}

function wire(seq: number, deviceId = OTHER_DEVICE): LearnerEvent {
  const event = toWireEvent(eventRow(seq, { deviceId }));
  if (!event) throw new Error('sample event is invalid');
  return event;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('applying a pulled page', () => {
  it('adds absent events as synced, never overwrites a local one, merges docs and stores the cursor', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    const local = eventRow(1, { payload: {}, type: 'lesson-opened', lessonId: 'local-lesson' });
    await db.events.add(local);
    await db.docs.add(docRow('note:a', { body: { text: 'mine' }, rev: 1 }));

    const result = await store.applyPulledPage(
      'learner-1',
      {
        events: [{ ...wire(1), lessonId: 'server-lesson' }, wire(2), wire(3), wire(3)],
        docs: [
          { id: 'note:a', rev: 2, body: { text: 'theirs' } },
          { id: 'note:b', rev: 1, body: { text: 'new' } },
        ],
        nextCursor: 'c-3',
        hasMore: false,
      },
      NOW,
      mergePulledDoc,
    );

    expect(result).toEqual({ events: 2, docs: 2 });
    expect((await db.events.get(local.id))?.lessonId).toBe('local-lesson');
    expect((await db.events.get(wire(2).id))?.synced).toBe(1);
    expect(await db.events.count()).toBe(3);
    expect(await db.docs.get('note:a')).toMatchObject({ body: { text: 'mine' }, conflict: { rev: 2 } });
    expect(await db.docs.get('note:b')).toMatchObject({ body: { text: 'new' }, rev: 1, dirty: 0 });
    expect(await store.getCursor('learner-1')).toBe('c-3');
    expect(await store.getCursor('learner-2')).toBeUndefined();
  });

  it('keeps nothing of a page when applying it fails half-way, not even the cursor', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await store.applyPulledPage(
      'learner-1',
      { events: [], docs: [], nextCursor: 'c-0', hasMore: true },
      NOW,
      mergePulledDoc,
    );
    let calls = 0;
    const failOnSecond: MergePulledDoc = (local, server, now) => {
      calls += 1;
      if (calls === 2) throw new Error('storage gave up');
      return mergePulledDoc(local, server, now);
    };

    await expect(
      store.applyPulledPage(
        'learner-1',
        {
          events: [wire(1), wire(2)],
          docs: [
            { id: 'note:a', rev: 1, body: { text: 'a' } },
            { id: 'note:b', rev: 1, body: { text: 'b' } },
          ],
          nextCursor: 'c-2',
          hasMore: false,
        },
        NOW,
        failOnSecond,
      ),
    ).rejects.toThrow('storage gave up');

    expect(await db.events.count()).toBe(0);
    expect(await db.docs.count()).toBe(0);
    expect(await store.getCursor('learner-1')).toBe('c-0');
  });
});

it('moves the device clock past the newest pulled event, so its next event orders after it', async () => {
  const db = freshDb();
  const store = createSyncStore(db);
  await db.meta.bulkPut([
    { key: 'deviceId', value: 'local-device' },
    { key: 'hlc', value: '001772441000000:00003:local-device' },
  ]);
  const ahead = { ...wire(1), hlc: '001772442000000:00007:other' };
  await store.applyPulledPage(
    'learner-1',
    { events: [ahead], docs: [], nextCursor: 'c1', hasMore: false },
    '2026-03-02T09:00:00.000Z',
    mergePulledDoc,
  );
  const local = (await db.meta.get('hlc'))?.value as string;
  expect(local > ahead.hlc).toBe(true);
  expect(local).toBe('001772442000000:00008:local-device');
});

describe('the outbox in Dexie', () => {
  it('marks acked and duplicate events synced, keeps refused ones with their reason out of the queue', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await db.events.bulkAdd([eventRow(1), eventRow(2), eventRow(3), eventRow(4), eventRow(5)]);
    const [e1, e2, e3, e4] = [1, 2, 3, 4].map((seq) => eventRow(seq).id) as [string, string, string, string];

    const settled = await store.applyPushResult(
      {
        results: [
          { id: e1, status: 'acked' },
          { id: e2, status: 'duplicate' },
          { id: e3, status: 'rejected', reason: '`at` is more than 24 h ahead of the server clock' },
          { id: e4, status: 'conflict' },
        ],
        docs: [],
        serverSeq: 2,
      },
      new Map(),
      NOW,
      applyDocResult,
    );

    expect(settled).toBe(4);
    expect((await db.events.get(e1))?.synced).toBe(1);
    expect((await db.events.get(e2))?.syncedAt).toBe(NOW);
    const { events } = await store.outbox(NOW);
    expect(events.map((row) => row.deviceSeq)).toEqual([5]);
    expect(await store.counts()).toEqual({
      waiting: 1,
      conflicts: 0,
      rejected: [
        { id: e3, reason: '`at` is more than 24 h ahead of the server clock' },
        { id: e4, reason: 'The server already holds a different record with this id.' },
      ],
    });
  });

  it('re-labels unsynced events with the id the server registered, leaving synced ones as they were', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await db.events.bulkAdd([eventRow(1, { synced: 1 }), eventRow(2), eventRow(3)]);
    await store.adoptDevice({ learnerId: 'learner-1', deviceId: OTHER_DEVICE });
    const rows = await db.events.orderBy('deviceSeq').toArray();
    expect(rows.map((row) => row.deviceId === OTHER_DEVICE)).toEqual([false, true, true]);
    expect((await db.meta.get('deviceId'))?.value).toBe(OTHER_DEVICE);
    expect(await store.getDevice()).toEqual({ learnerId: 'learner-1', deviceId: OTHER_DEVICE });
  });

  it('resolving a conflict makes the chosen text a local edit on the newest server revision', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await db.docs.add(docRow('note:a', { rev: 1, conflict: { rev: 3, body: { text: 'theirs' } } }));
    expect((await store.counts()).conflicts).toBe(1);
    await createDocsRepo(db).resolveConflict('note:a', { text: 'both, merged' }, new Date(NOW));
    expect(await db.docs.get('note:a')).toEqual({
      id: 'note:a',
      body: { text: 'both, merged' },
      rev: 3,
      dirty: 1,
      updatedAt: NOW,
    });
    expect(await store.counts()).toEqual({ waiting: 1, conflicts: 0, rejected: [] });
  });
});

describe('refused docs', () => {
  it('stay out of the queue until the learner edits them again', async () => {
    const db = freshDb();
    const store = createSyncStore(db);
    await db.docs.add(docRow('note:a'));
    await store.markRefused(
      [{ id: 'doc:note:a', reason: 'This note is too large or not valid to sync.' }],
      NOW,
    );
    expect((await store.outbox(NOW)).docs).toEqual([]);
    expect((await store.counts()).rejected).toEqual([
      { id: 'doc:note:a', reason: 'This note is too large or not valid to sync.' },
    ]);
    await db.docs.update('note:a', { body: { text: 'shorter' }, updatedAt: NOW });
    expect((await store.outbox(NOW)).docs.map((row) => row.id)).toEqual(['note:a']);
    expect(await store.counts()).toEqual({ waiting: 1, conflicts: 0, rejected: [] });
  });
});
