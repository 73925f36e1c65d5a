// GET /sync/pull: the learner's events after the cursor in server-sequence order (so equal timestamps
// never skip or repeat across pages), and docs changed since the cursor, newest revision only. A page
// holds at most `limit` events, MAX_PULL_DOCS docs and about MAX_PULL_PAGE_BYTES of JSON; docs are read
// a few at a time, so one pull never holds more than one page (about 1 MB) of bodies in memory.
import { Hono } from 'hono';
import {
  MAX_PULL_DOCS,
  MAX_PULL_PAGE_BYTES,
  pullQuerySchema,
  SERVER_BEHIND_CODE,
} from '../../src/shared/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { createLearnerGate } from '../learner-gate';
import { describeIssues } from '../read-json';
import { requireLearner } from '../require-learner';
import { decodeCursor, encodeCursor, type SyncCursor } from '../sync-cursor';

// 16 docs of at most 64 KB: one read stays near the page budget even when every note is at the limit.
const DOC_READ_ROWS = 16;

export function syncPullRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  const gate = createLearnerGate(deps.config.syncRequestsPerLearner);
  return new Hono<AppEnv>().get('/sync/pull', requireLearner(deps), async (c) => {
    const query = pullQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new HttpError(400, 'invalid_request', describeIssues(query.error.issues));
    const { limit, cursor: cursorText } = query.data;
    const cursor: SyncCursor | null = cursorText === undefined ? { e: 0, d: 0 } : decodeCursor(cursorText);
    if (!cursor) throw new HttpError(400, 'bad_cursor', 'The cursor is not one this server issued.');
    const learnerId = c.get('learnerId');
    return gate.run(learnerId, async () => {
      if (await serverIsBehind(deps, learnerId, cursor)) {
        throw new HttpError(
          409,
          SERVER_BEHIND_CODE,
          'This server holds less than your device has already seen (it was restored from a backup). Send everything again and pull from the start.',
        );
      }
      let budget = MAX_PULL_PAGE_BYTES;
      let cut = false;
      // One row past the limit tells whether another page follows without a count query.
      const events = await db.kysely
        .selectFrom('events')
        .select(['seq', 'event_id', 'body'])
        .where('learner_id', '=', learnerId)
        .where('seq', '>', cursor.e)
        .orderBy('seq')
        .limit(limit + 1)
        .execute();
      const eventParts: string[] = [];
      let lastEvent: { seq: number; id: string } | undefined;
      for (const row of events.slice(0, limit)) {
        // Always at least one item per page, so a page can never be empty while more is waiting.
        if (eventParts.length > 0 && budget - Buffer.byteLength(row.body) < 0) {
          cut = true;
          break;
        }
        budget -= Buffer.byteLength(row.body) + 1;
        eventParts.push(row.body);
        lastEvent = { seq: row.seq, id: row.event_id };
      }
      const docParts: string[] = [];
      let lastDocSeq = cursor.d;
      let docsLeft = false;
      while (!cut && docParts.length < MAX_PULL_DOCS) {
        const rows = await db.kysely
          .selectFrom('docs')
          .select(['doc_id', 'rev', 'seq', 'body'])
          .where('learner_id', '=', learnerId)
          .where('seq', '>', lastDocSeq)
          .orderBy('seq')
          .limit(Math.min(DOC_READ_ROWS, MAX_PULL_DOCS - docParts.length) + 1)
          .execute();
        for (const row of rows) {
          const part = `{"id":${JSON.stringify(row.doc_id)},"rev":${row.rev},"body":${row.body}}`;
          if (
            docParts.length >= MAX_PULL_DOCS ||
            (eventParts.length + docParts.length > 0 && budget - Buffer.byteLength(part) < 0)
          ) {
            docsLeft = true;
            break;
          }
          budget -= Buffer.byteLength(part) + 1;
          docParts.push(part);
          lastDocSeq = row.seq;
        }
        if (docsLeft || rows.length <= DOC_READ_ROWS) break;
      }
      const next = lastEvent ? { e: lastEvent.seq, i: lastEvent.id } : { e: cursor.e, i: cursor.i };
      const nextCursor = encodeCursor({ ...next, d: lastDocSeq });
      const hasMore = cut || docsLeft || events.length > limit;
      // Bodies are stored as JSON text already validated on the way in; splicing them into the response
      // saves a parse and a stringify per event on the hottest read path. The page is at most ~1 MB.
      const text = `{"events":[${eventParts.join(',')}],"docs":[${docParts.join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore}}`;
      return c.body(text, 200, { 'Content-Type': 'application/json' });
    });
  });
}

/**
 * Whether the cursor names data this server no longer holds: a sequence past the learner's counters, or
 * (for cursors that carry it) the event at the cursor's sequence is missing or a different one.
 */
async function serverIsBehind({ db }: AppDeps, learnerId: string, cursor: SyncCursor): Promise<boolean> {
  const counters = await db.kysely
    .selectFrom('learners')
    .select(['event_seq', 'doc_seq'])
    .where('id', '=', learnerId)
    .executeTakeFirstOrThrow();
  if (cursor.e > counters.event_seq || cursor.d > counters.doc_seq) return true;
  if (cursor.i === undefined || cursor.e === 0) return false;
  const atCursor = await db.kysely
    .selectFrom('events')
    .select('event_id')
    .where('learner_id', '=', learnerId)
    .where('seq', '=', cursor.e)
    .executeTakeFirst();
  return atCursor?.event_id !== cursor.i;
}
