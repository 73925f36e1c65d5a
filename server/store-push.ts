// Stores one push in ONE transaction. The learner's row is updated first, which on PostgreSQL takes a
// row lock: concurrent pushes of one learner queue behind each other, so per-learner sequences are
// handed out and committed in order and a pull never sees seq n+1 before seq n is visible. (A global
// bigserial would not give that: a later number can commit before an earlier one.) On SQLite the
// single connection serialises transactions anyway. On failure the transaction rolls back: nothing stored.
import type { z } from 'zod';
import type { PushResponse, pushRequestSchema } from '../src/shared/sync-protocol';
import { classifyPush, type StoredDoc } from './classify-push';
import type { Db } from './open-database';

type ParsedPush = z.output<typeof pushRequestSchema>;

export async function storePush(
  db: Db,
  learnerId: string,
  push: ParsedPush,
  nowMs: number,
): Promise<PushResponse> {
  return db.kysely.transaction().execute(async (trx) => {
    const counters = await trx
      .updateTable('learners')
      .set((eb) => ({ event_seq: eb.ref('event_seq') }))
      .where('id', '=', learnerId)
      .returning(['event_seq', 'doc_seq'])
      .executeTakeFirstOrThrow();
    const eventIds = push.events.map((e) => e.id);
    const storedEvents = new Map<string, string>();
    if (eventIds.length > 0) {
      const rows = await trx
        .selectFrom('events')
        .select(['event_id', 'body'])
        .where('learner_id', '=', learnerId)
        .where('event_id', 'in', eventIds)
        .execute();
      for (const row of rows) storedEvents.set(row.event_id, row.body);
    }
    const storedDocs = new Map<string, StoredDoc>();
    if (push.docs.length > 0) {
      const rows = await trx
        .selectFrom('docs')
        .select(['doc_id', 'rev', 'body'])
        .where('learner_id', '=', learnerId)
        .where(
          'doc_id',
          'in',
          push.docs.map((d) => d.id),
        )
        .execute();
      for (const row of rows) storedDocs.set(row.doc_id, { rev: row.rev, body: row.body });
    }
    const plan = classifyPush({ ...push, storedEvents, storedDocs, nowMs });

    let eventSeq = counters.event_seq;
    if (plan.newEvents.length > 0) {
      await trx
        .insertInto('events')
        .values(
          plan.newEvents.map(({ event, body }) => ({
            learner_id: learnerId,
            event_id: event.id,
            seq: ++eventSeq,
            device_id: event.deviceId,
            type: event.type,
            lesson_id: event.lessonId,
            at: event.at,
            body,
            received_at: nowMs,
          })),
        )
        .onConflict((oc) => oc.columns(['learner_id', 'event_id']).doNothing())
        .execute();
    }
    let docSeq = counters.doc_seq;
    if (plan.savedDocs.length > 0) {
      await trx
        .insertInto('docs')
        .values(
          plan.savedDocs.map((d) => ({
            learner_id: learnerId,
            doc_id: d.id,
            rev: d.rev,
            seq: ++docSeq,
            body: d.body,
            updated_at: nowMs,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['learner_id', 'doc_id']).doUpdateSet((eb) => ({
            rev: eb.ref('excluded.rev'),
            seq: eb.ref('excluded.seq'),
            body: eb.ref('excluded.body'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
    if (eventSeq !== counters.event_seq || docSeq !== counters.doc_seq) {
      await trx
        .updateTable('learners')
        .set({ event_seq: eventSeq, doc_seq: docSeq })
        .where('id', '=', learnerId)
        .execute();
    }
    return { results: plan.results, docs: plan.docResults, serverSeq: eventSeq };
  });
}
