// GET /sync/pull: the learner's events after the cursor in server-sequence order (so equal timestamps
// never skip or repeat across pages), and docs changed since the cursor, newest revision only. A page
// holds at most `limit` events, MAX_PULL_DOCS docs and about MAX_PULL_PAGE_BYTES of JSON; docs are read
// a few at a time, so one pull never holds more than one page (about 1 MB) of bodies in memory. The last
// page (hasMore false) also carries the learner's teams and the assignments meant for them.
import { Hono } from 'hono';
import {
  MAX_PULL_DOCS,
  MAX_PULL_PAGE_BYTES,
  pullQuerySchema,
  SERVER_BEHIND_CODE,
} from '../../src/shared/protocol/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { createLearnerGate } from '../learner-gate';
import { describeIssues } from '../read-json';
import { requireLearner } from '../require-learner';
import { decodeCursor, encodeCursor, type SyncCursor } from '../sync-cursor';
import { myTeams } from '../teams/team-reads';

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
      const behind = () =>
        new HttpError(
          409,
          SERVER_BEHIND_CODE,
          'This server holds less than your device has already seen (it was restored from a backup). Send everything again and pull from the start.',
        );
      if (await countersBehind(deps, learnerId, cursor)) throw behind();
      // A cursor naming its event reads from that event on: the first row must be it, or this server has
      // lost what the device already pulled. One row past the limit tells whether another page follows.
      const atCursor = cursor.i !== undefined && cursor.e > 0;
      const eventRows = await db.kysely
        .selectFrom('events')
        .select(['seq', 'event_id', 'body'])
        .where('learner_id', '=', learnerId)
        .where('seq', atCursor ? '>=' : '>', cursor.e)
        .orderBy('seq')
        .limit(limit + (atCursor ? 2 : 1))
        .execute();
      if (atCursor) {
        const first = eventRows.shift();
        if (first?.seq !== cursor.e || first.event_id !== cursor.i) throw behind();
      }
      let budget = MAX_PULL_PAGE_BYTES;
      let taken = 0;
      // Takes a part when it fits the page's byte budget; always at least one per page, so a page can
      // never be empty while more is waiting.
      const take = (part: string): boolean => {
        const bytes = Buffer.byteLength(part);
        if (taken > 0 && budget - bytes < 0) return false;
        budget -= bytes + 1;
        taken += 1;
        return true;
      };
      let cut = false;
      const eventParts: string[] = [];
      let lastEvent: { seq: number; id: string } | undefined;
      for (const row of eventRows.slice(0, limit)) {
        if (!take(row.body)) {
          cut = true;
          break;
        }
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
          if (docParts.length >= MAX_PULL_DOCS || !take(part)) {
            docsLeft = true;
            break;
          }
          docParts.push(part);
          lastDocSeq = row.seq;
        }
        if (docsLeft || rows.length <= DOC_READ_ROWS) break;
      }
      const next = lastEvent ? { e: lastEvent.seq, i: lastEvent.id } : { e: cursor.e, i: cursor.i };
      const nextCursor = encodeCursor({ ...next, d: lastDocSeq });
      const hasMore = cut || docsLeft || eventRows.length > limit;
      // Bodies are stored as JSON text already validated on the way in; splicing them into the response
      // saves a parse and a stringify per event on the hottest read path. The page is at most ~1 MB.
      // The last page carries the learner's teams, whole, so the device replaces what it holds.
      const teams = hasMore ? '' : `,"teams":${JSON.stringify(await myTeams(db, learnerId))}`;
      const text = `{"events":[${eventParts.join(',')}],"docs":[${docParts.join(',')}],"nextCursor":${JSON.stringify(nextCursor)},"hasMore":${hasMore}${teams}}`;
      return c.body(text, 200, { 'Content-Type': 'application/json' });
    });
  });
}

/** Whether the cursor names a sequence past the learner's counters: data this server no longer holds. */
async function countersBehind({ db }: AppDeps, learnerId: string, cursor: SyncCursor): Promise<boolean> {
  const counters = await db.kysely
    .selectFrom('learners')
    .select(['event_seq', 'doc_seq'])
    .where('id', '=', learnerId)
    .executeTakeFirstOrThrow();
  return cursor.e > counters.event_seq || cursor.d > counters.doc_seq;
}
