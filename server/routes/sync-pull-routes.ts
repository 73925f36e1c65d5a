// GET /sync/pull: the learner's events after the cursor in server-sequence order (so equal timestamps
// never skip or repeat across pages), and docs changed since the cursor, newest revision only.
import { Hono } from 'hono';
import { type PullResponse, pullQuerySchema } from '../../src/shared/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { describeIssues } from '../read-json';
import { requireLearner } from '../require-learner';
import { decodeCursor, encodeCursor } from '../sync-cursor';

export function syncPullRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  return new Hono<AppEnv>().get('/sync/pull', requireLearner(deps), async (c) => {
    const query = pullQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new HttpError(400, 'invalid_request', describeIssues(query.error.issues));
    const { limit, cursor: cursorText } = query.data;
    const cursor = cursorText === undefined ? { e: 0, d: 0 } : decodeCursor(cursorText);
    if (!cursor) throw new HttpError(400, 'bad_cursor', 'The cursor is not one this server issued.');
    const learnerId = c.get('learnerId');
    const counters = await db.kysely
      .selectFrom('learners')
      .select(['event_seq', 'doc_seq'])
      .where('id', '=', learnerId)
      .executeTakeFirstOrThrow();
    // A cursor past what the server holds (a restored backup, another account's cursor) would silently
    // pull nothing forever; saying so lets the device start again from the beginning.
    if (cursor.e > counters.event_seq || cursor.d > counters.doc_seq) {
      throw new HttpError(
        400,
        'bad_cursor',
        'The cursor is ahead of this server; pull again without a cursor.',
      );
    }
    // One row past the limit tells whether another page follows without a count query.
    const events = await db.kysely
      .selectFrom('events')
      .select(['seq', 'body'])
      .where('learner_id', '=', learnerId)
      .where('seq', '>', cursor.e)
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const docs = await db.kysely
      .selectFrom('docs')
      .select(['doc_id', 'rev', 'seq', 'body'])
      .where('learner_id', '=', learnerId)
      .where('seq', '>', cursor.d)
      .orderBy('seq')
      .limit(limit + 1)
      .execute();
    const eventPage = events.slice(0, limit);
    const docPage = docs.slice(0, limit);
    // Bodies are stored as JSON text already validated on the way in; splicing them into the response
    // saves a parse and a stringify per event on the hottest read path.
    const tail: Omit<PullResponse, 'events' | 'docs'> = {
      nextCursor: encodeCursor({ e: eventPage.at(-1)?.seq ?? cursor.e, d: docPage.at(-1)?.seq ?? cursor.d }),
      hasMore: events.length > limit || docs.length > limit,
    };
    const docsJson = docPage.map(
      (row) => `{"id":${JSON.stringify(row.doc_id)},"rev":${row.rev},"body":${row.body}}`,
    );
    const text = `{"events":[${eventPage.map((row) => row.body).join(',')}],"docs":[${docsJson.join(',')}],${JSON.stringify(tail).slice(1)}`;
    return c.body(text, 200, { 'Content-Type': 'application/json' });
  });
}
