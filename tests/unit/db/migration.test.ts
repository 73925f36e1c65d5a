// A device that used version 1 of the schema opens under version 2 with every row it had: downloaded
// content, events (synced and not), docs and meta. The v1 schema below is a frozen copy of what shipped.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PocketDb } from '../../../src/db/db';

const V1 = {
  modules: 'id, order',
  lessons: 'id, moduleId',
  events: 'id, lessonId, type, synced, deviceSeq, [lessonId+type]',
  docs: 'id, dirty',
  meta: 'key',
};

const NAME = 'migration-test';

const module = {
  id: 'foundations',
  title: 'Foundations',
  summary: 'The Code.',
  audiences: ['all'],
  areas: ['whole-school'],
  order: 1,
  hash: 'h1',
  bytes: 1234,
  file: 'modules/foundations.h1.json',
  lessons: [],
  downloadedHash: 'h1',
  downloadedAt: '2026-01-02T03:04:05.000Z',
};
const lesson = {
  id: 'foundations-one',
  moduleId: 'foundations',
  title: 'One',
  minutes: 3,
  objectives: [],
  sources: [],
  words: 10,
  hash: 'l1',
  sections: [{ id: 'intro', title: 'One' }],
  blocks: [{ type: 'html', id: 'html-1', section: 0, html: '<p>Hi</p>' }],
};
function event(seq: number, synced: 0 | 1) {
  return {
    id: `e${seq}`,
    deviceId: 'd1',
    deviceSeq: seq,
    at: `2026-01-0${seq}T10:00:00.000Z`,
    hlc: `000000000000${seq}:0000:d1`,
    type: 'lesson-opened',
    lessonId: 'foundations-one',
    payload: {},
    synced,
  };
}
const doc = {
  id: 'note:foundations-one:b',
  body: { text: 'My note' },
  rev: 2,
  dirty: 1,
  updatedAt: '2026-01-03T00:00:00.000Z',
};

afterEach(async () => {
  await Dexie.delete(NAME);
});

describe('schema version 2', () => {
  it('opens a database written by version 1 with all its rows, and adds the new index and table', async () => {
    const v1 = new Dexie(NAME);
    v1.version(1).stores(V1);
    await v1.table('modules').put(module);
    await v1.table('lessons').put(lesson);
    await v1.table('events').bulkPut([event(1, 1), event(2, 0), event(3, 0)]);
    await v1.table('docs').put(doc);
    await v1.table('meta').bulkPut([
      { key: 'deviceId', value: 'd1' },
      { key: 'deviceSeq', value: 3 },
    ]);
    v1.close();

    const v2 = new PocketDb(NAME);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.modules.get('foundations')).toEqual(module);
    expect(await v2.lessons.get('foundations-one')).toEqual(lesson);
    expect(await v2.events.count()).toBe(3);
    expect(await v2.docs.get(doc.id)).toEqual(doc);
    expect(await v2.meta.get('deviceSeq')).toEqual({ key: 'deviceSeq', value: 3 });

    // The sync engine's outbox query: unsynced events in deviceSeq order, through the new index.
    const outbox = await v2.events.where('[synced+deviceSeq]').between([0, 0], [0, Infinity]).toArray();
    expect(outbox.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(await v2.downloadParts.count()).toBe(0);
    v2.close();
  });
});
