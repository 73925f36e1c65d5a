// The learner's append-only events in `events`, the source of truth on this device. Each event gets the
// next per-device sequence number and a hybrid logical clock tick from `meta` in the same transaction as
// its write, so a crash never leaves a gap or a reused number. New events wait with `synced: 0` for the
// sync engine. A failed write (quota exceeded) rejects with nothing stored.
import type { EventType, LearnerEvent, PayloadOf } from '../shared/progress/events';
import { formatHlc, type Hlc, parseHlc, tickHlc } from '../shared/progress/hlc';
import { db, type EventRow } from './db';
import { readMeta, writeMeta } from './meta';

export const eventsRepo = {
  async record<T extends EventType>(
    type: T,
    lessonId: string,
    payload: PayloadOf<T>,
    now = new Date(),
  ): Promise<EventRow> {
    return db.transaction('rw', db.events, db.meta, async () => {
      let deviceId = await readMeta(db, 'deviceId');
      if (!deviceId) {
        deviceId = crypto.randomUUID();
        await writeMeta(db, 'deviceId', deviceId);
      }
      const deviceSeq = ((await readMeta(db, 'deviceSeq')) ?? 0) + 1;
      const lastHlc = await readMeta(db, 'hlc');
      const last: Hlc | null = lastHlc ? parseHlc(lastHlc) : null;
      const hlc = formatHlc(tickHlc(last, now.getTime(), deviceId));
      const event = {
        id: crypto.randomUUID(),
        deviceId,
        deviceSeq,
        at: now.toISOString(),
        hlc,
        type,
        lessonId,
        payload,
      } as LearnerEvent;
      const row: EventRow = { ...event, synced: 0 };
      await db.events.add(row);
      await writeMeta(db, 'deviceSeq', deviceSeq);
      await writeMeta(db, 'hlc', hlc);
      return row;
    });
  },

  async all(): Promise<EventRow[]> {
    return db.events.toArray();
  },

  /**
   * What one lesson's progress folds over: its own events and every `voided` event (a void may name an
   * event of this lesson under any lesson id). Two indexed reads instead of the whole table.
   */
  async forLesson(lessonId: string): Promise<EventRow[]> {
    const [own, voids] = await Promise.all([
      db.events.where('lessonId').equals(lessonId).toArray(),
      db.events.where('type').equals('voided').toArray(),
    ]);
    return [...own, ...voids];
  },
};
