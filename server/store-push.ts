// Stores one push in ONE transaction. The learner's row is locked first: concurrent pushes of one learner
// queue behind each other, so per-learner sequences are handed out and committed in order and a pull never
// sees seq n+1 before seq n is visible. (A global bigserial would not give that: a later number can commit
// before an earlier one.) On SQLite the single connection serialises transactions anyway. The same row holds
// the learner's quota counters (learner-quotas.ts). On failure, or a push past a quota (403 quota_exceeded),
// the transaction rolls back: nothing stored.
//
// PostgreSQL gets fewer round trips (push-statements-pg.ts): four in all (begin, lock with its reads,
// insert with the counters and team progress, commit). SQLite runs in-process, where round trips cost
// nothing, and reads (push-statements-sqlite.ts) and writes in plain statements.
import type { z } from 'zod';
import {
  type PushResponse,
  type pushRequestSchema,
  QUOTA_EXCEEDED_CODE,
  type QuotaError,
} from '../src/shared/protocol/sync-protocol';
import { classifyPush, type StoredDoc } from './classify-push';
import type { Quotas } from './config';
import { HttpError } from './http-error';
import { applyQuotas } from './learner-quotas';
import type { Db } from './open-database';
import { COUNTER_COLUMNS, type Counters, eventRows } from './push-rows';
import { insertEventsPg, lockAndReadPg, StoredConcurrently } from './push-statements-pg';
import { lockThenReadSqlite } from './push-statements-sqlite';
import type { CourseIndex } from './teams/course-index';
import { keepProgress, modulesOf, progressOn, writeProgress } from './teams/keep-progress';

type ParsedPush = z.output<typeof pushRequestSchema>;

export async function storePush(
  db: Db,
  learnerId: string,
  push: ParsedPush,
  nowMs: number,
  quotas: Quotas,
  course: CourseIndex,
): Promise<PushResponse> {
  try {
    return await storePushOnce(db, learnerId, push, nowMs, quotas, course);
  } catch (error) {
    if (!(error instanceof StoredConcurrently)) throw error;
  }
  // A guard, not an expected path (insertEventsPg): a new transaction sees what any other push committed,
  // so those events are answered duplicate or conflict and the counters stay exact. Again: the device retries.
  try {
    return await storePushOnce(db, learnerId, push, nowMs, quotas, course);
  } catch (error) {
    if (!(error instanceof StoredConcurrently)) throw error;
    throw new HttpError(503, 'retry', 'Another push of these records is being stored. Try again shortly.', {
      'Retry-After': '1',
    });
  }
}

async function storePushOnce(
  db: Db,
  learnerId: string,
  push: ParsedPush,
  nowMs: number,
  quotas: Quotas,
  course: CourseIndex,
): Promise<PushResponse> {
  return db.kysely.transaction().execute(async (trx) => {
    const eventIds = push.events.map((e) => e.id);
    const { counters, storedEvents, team } =
      db.dialect === 'postgres'
        ? await lockAndReadPg(trx, learnerId, eventIds, modulesToRead(push, course))
        : await lockThenReadSqlite(trx, learnerId, eventIds, modulesToRead(push, course));
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
    const quota = applyQuotas(
      counters,
      { newEvents: plan.newEvents.length, savedDocs: plan.savedDocs },
      storedDocs,
      quotas,
      nowMs,
    );
    if (!quota.ok) {
      // 403 quota_exceeded, nothing stored: the transaction rolls back.
      const details: Omit<QuotaError['error'], 'code' | 'message'> = {
        quota: quota.quota,
        ...(quota.remaining === undefined ? {} : { remaining: quota.remaining }),
      };
      const headers: Record<string, string> =
        quota.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(quota.retryAfterSeconds) };
      throw new HttpError(403, QUOTA_EXCEEDED_CODE, quota.message, headers, details);
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
    const eventSeq = counters.event_seq + plan.newEvents.length;
    const next: Counters = { ...quota.counters, event_seq: eventSeq, doc_seq: docSeq };
    const newEvents = plan.newEvents.map((e) => e.event);
    const rows = eventRows(learnerId, plan.newEvents, counters.event_seq, nowMs);
    // Team progress moves with the events, in this transaction: a dashboard never sees one without the other.
    // Folded on from the kept states when it can be; otherwise (refold) from the events, once they are stored.
    const progress = team.kind === 'member' ? progressOn(team.kept, newEvents, course) : undefined;
    const refold = team.kind === 'unknown' || (team.kind === 'member' && !progress);
    if (rows.length > 0 && db.dialect === 'postgres') {
      await insertEventsPg(trx, learnerId, rows, nowMs, next, progress);
    } else {
      if (rows.length > 0) {
        await trx
          .insertInto('events')
          .values(rows)
          .onConflict((oc) => oc.columns(['learner_id', 'event_id']).doNothing())
          .execute();
      }
      if (COUNTER_COLUMNS.some((column) => next[column] !== counters[column])) {
        await trx.updateTable('learners').set(next).where('id', '=', learnerId).execute();
      }
      if (progress) await writeProgress(trx, learnerId, progress);
    }
    if (refold) await keepProgress(trx, learnerId, newEvents, counters.event_seq, course);
    return { results: plan.results, docs: plan.docResults, serverSeq: eventSeq };
  });
}

/**
 * The modules a team member's push folds on, whose kept states are read with the lock: those
 * the pushed events name. Null when there is nothing to fold, or when the push carries a void, whose
 * target (and so its module) is known only once read: keepProgress reads for itself then.
 */
function modulesToRead(push: ParsedPush, course: CourseIndex): string[] | null {
  if (push.events.some((e) => e.type === 'voided')) return null;
  const moduleIds = modulesOf(push.events, course);
  return moduleIds.size === 0 ? null : [...moduleIds];
}
