// A database that drops its connections or cannot be reached: the process keeps running, requests answer
// 503 with Retry-After (never 500, never a crash), and the pool reconnects for the next request.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { migrateToLatest } from '../../server/migrations';
import { type Db, openDatabase } from '../../server/open-database';
import type { ApiError, PushResponse } from '../../src/shared/protocol/sync-protocol';
import { json, type Learner, makeEvent, makeTestApp, newLearner, type TestApp } from './support/test-app';
import { testDbKinds } from './support/test-databases';

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('a database that cannot be reached', () => {
  it('answers 503 with Retry-After and the usual error shape, and logs no connection string', async () => {
    const port = await closedPort();
    const url = `postgres://pocket:s3cret-password@127.0.0.1:${port}/pocket_cpd`;
    const lines: string[] = [];
    const db = openDatabase(
      { kind: 'postgres', url, poolSize: 2 },
      { logger: createLogger('debug', (line) => lines.push(line)) },
    );
    const t = makeTestApp(db);
    t.logs.length = 0;
    try {
      const res = await t.call('POST', '/api/v1/sync/push', {
        token: 'a'.repeat(43),
        body: { deviceId: '6f1c1d5e-4a63-4a2a-9d7e-2f6d0c1b9a10', events: [] },
      });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await json<ApiError>(res);
      expect(body.error.code).toBe('unavailable');
      expect(body.error.message).toMatch(/database/);
      const health = await t.call('GET', '/api/v1/health');
      expect(health.status).toBe(503);
      expect([...lines, ...t.logs].join('\n')).not.toContain('s3cret-password');
    } finally {
      await db.close();
    }
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;

describe.each(testDbKinds.filter((kind) => kind === 'postgres'))(
  'PostgreSQL ends every connection (%s)',
  () => {
    // A database of its own: terminating every backend in it cannot reach the other suites running at once.
    const name = `pocket_cpd_outage_${randomBytes(4).toString('hex')}`;
    let admin: pg.Client;
    let db: Db;
    let t: TestApp;
    let a: Learner;

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(pgUrl ?? '');
      url.pathname = `/${name}`;
      db = openDatabase(
        { kind: 'postgres', url: url.toString(), poolSize: 5 },
        { logger: createLogger('silent') },
      );
      await migrateToLatest(db.kysely);
      t = makeTestApp(db);
      a = await newLearner(t);
    });
    afterAll(async () => {
      await db?.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    /** One push of one new event: the answer, and the event's id to look for afterwards. */
    const push = async (n: number) => {
      const event = makeEvent(a.deviceId, n);
      const res = await t.call('POST', '/api/v1/sync/push', {
        token: a.token,
        body: { deviceId: a.deviceId, events: [event] },
      });
      return { status: res.status, res, id: event.id };
    };
    const terminateAll = () =>
      admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );

    it('keeps serving: pushes during the outage answer 200 or 503, and the next push is stored', async () => {
      // Several pooled connections open and idle first, so the outage reaches idle clients as well as busy ones.
      // One push of a learner runs at a time (learner-gate.ts): the others may be turned away, 429.
      const first = await Promise.all(Array.from({ length: 5 }, (_, i) => push(i + 1)));
      expect(first.every(({ status }) => status === 200 || status === 429)).toBe(true);
      const during: ReturnType<typeof push>[] = [];
      for (let round = 0; round < 3; round += 1) {
        during.push(push(100 + round * 2), push(101 + round * 2));
        await terminateAll();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const answered = await Promise.all(during);
      expect(answered.every(({ status }) => status === 200 || status === 503 || status === 429)).toBe(true);
      const after = await push(999);
      expect(after.status).toBe(200);
      expect((await json<PushResponse>(after.res)).results[0]?.status).toBe('acked');
      const stored = await db.kysely
        .selectFrom('events')
        .select('event_id')
        .where('learner_id', '=', a.learnerId)
        .execute();
      // Every push answered 200 was stored (a 503 may have been too: the answer can be lost after the commit).
      const storedIds = new Set(stored.map((row) => row.event_id));
      const acked = [...first, ...answered, after].filter(({ status }) => status === 200);
      expect(acked.length).toBeGreaterThanOrEqual(2);
      expect(acked.filter(({ id }) => !storedIds.has(id))).toEqual([]);
    });
  },
);
