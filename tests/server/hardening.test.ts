// The smaller holes of issue 14, each as the attacker or operator met it: caching of API answers, hostile
// JSON, a clock far ahead, the `Bearer` scheme's case, build internals served as files, a full disk, and
// how the connection ends after a 413.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/database-unavailable';
import { isStorageFull } from '../../server/storage-full';
import { formatHlc } from '../../src/shared/progress/hlc';
import type { ApiError, PullResponse, PushResponse } from '../../src/shared/protocol/sync-protocol';
import { json, makeEvent, makeTestApp, newLearner, T0, type TestApp } from './support/test-app';
import { emptyDatabasePerTest, openTestDb, type TestDb, testDbKinds } from './support/test-databases';

const HOUR = 60 * 60 * 1000;

describe.each(testDbKinds)('hardening on %s', (kind) => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db);
  });

  it('marks every API answer no-store, the one carrying a token included', async () => {
    const signUp = await t.call('POST', '/api/v1/accounts', {
      body: { email: 'cache@example.org', name: 'C', password: 'long enough pw' },
    });
    expect(signUp.status).toBe(201);
    const { token } = await json<{ token: string }>(signUp);
    const answers = [
      signUp,
      await t.call('POST', '/api/v1/sessions', {
        body: { email: 'cache@example.org', password: 'long enough pw' },
      }),
      await t.call('GET', '/api/v1/health'),
      await t.call('GET', '/api/v1/sync/pull', { token }),
      await t.call('GET', '/api/v1/sync/pull'),
      await t.call('GET', '/api/v1/nothing-here'),
      await t.call('POST', '/api/v1/sessions', { body: '{bad json' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 200, 200, 200, 401, 404, 400]);
    for (const res of answers) expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers deeply nested JSON with 400 and stores nothing', async () => {
    const l = await newLearner(t);
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const body = `{"deviceId":"${l.deviceId}","events":[],"docs":[{"id":"note:deep","baseRev":0,"body":${deep}}]}`;
    const res = await t.call('POST', '/api/v1/sync/push', { token: l.token, body });
    expect(res.status).toBe(400);
    expect((await json<ApiError>(res)).error.message).toMatch(/nested more than 64 levels/);
    expect(await testDb.db.kysely.selectFrom('docs').selectAll().execute()).toEqual([]);
  });

  it('answers a __proto__ key in a note with 400 instead of dropping it and saying saved', async () => {
    const l = await newLearner(t);
    const body = `{"deviceId":"${l.deviceId}","events":[],"docs":[{"id":"note:proto","baseRev":0,"body":{"text":"hi","__proto__":{"x":1}}}]}`;
    const res = await t.call('POST', '/api/v1/sync/push', { token: l.token, body });
    expect(res.status).toBe(400);
    expect((await json<ApiError>(res)).error.message).toContain('__proto__');
    expect(await testDb.db.kysely.selectFrom('docs').selectAll().execute()).toEqual([]);
  });

  it('refuses an event whose HLC is far in the future, as it does a far-future `at`', async () => {
    const l = await newLearner(t);
    const ahead = makeEvent(l.deviceId, 1, {
      hlc: formatHlc({ wall: T0 + 48 * HOUR, counter: 0, node: l.deviceId.slice(0, 8) }),
    });
    const slightlyAhead = makeEvent(l.deviceId, 2, {
      hlc: formatHlc({ wall: T0 + 2 * HOUR, counter: 0, node: l.deviceId.slice(0, 8) }),
    });
    const res = await t.call('POST', '/api/v1/sync/push', {
      token: l.token,
      body: { deviceId: l.deviceId, events: [ahead, slightlyAhead], docs: [] },
    });
    const { results } = await json<PushResponse>(res);
    expect(results).toEqual([
      { id: ahead.id, status: 'rejected', reason: '`hlc` is more than 24 h ahead of the server clock' },
      { id: slightlyAhead.id, status: 'acked' },
    ]);
    const pulled = await json<PullResponse>(await t.call('GET', '/api/v1/sync/pull', { token: l.token }));
    expect(pulled.events.map((e) => e.id)).toEqual([slightlyAhead.id]);
  });

  it('accepts the Bearer scheme in any case', async () => {
    const l = await newLearner(t);
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await t.call('GET', '/api/v1/sync/pull', {
        headers: { authorization: `${scheme} ${l.token}` },
      });
      expect(res.status).toBe(200);
    }
    expect(
      (await t.call('GET', '/api/v1/sync/pull', { headers: { authorization: `Basic ${l.token}` } })).status,
    ).toBe(401);
  });
});

describe('a full disk', () => {
  let testDb: TestDb;
  let t: TestApp;
  emptyDatabasePerTest('sqlite', (db) => {
    testDb = db;
  });
  beforeEach(() => {
    t = makeTestApp(testDb.db);
  });

  it('is logged as such and answered 507 storage_full, not a bare 500', async () => {
    const l = await newLearner(t);
    // SQLite's page cap stands in for the disk: past it, writes fail with SQLITE_FULL.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(testDb.db.kysely);
    await sql.raw(`pragma max_page_count = ${(rows[0]?.page_count ?? 0) + 2}`).execute(testDb.db.kysely);
    let res: Response | undefined;
    for (let i = 0; i < 20; i++) {
      res = await t.call('POST', '/api/v1/sync/push', {
        token: l.token,
        body: {
          deviceId: l.deviceId,
          events: [],
          docs: [{ id: `note:big${i}`, baseRev: 0, body: { text: 'x'.repeat(60_000) } }],
        },
      });
      if (res.status !== 200) break;
    }
    await sql.raw('pragma max_page_count = 1073741823').execute(testDb.db.kysely);
    expect(res?.status).toBe(507);
    expect(res?.headers.get('retry-after')).toBe('300');
    expect((await json<ApiError>(res as Response)).error.code).toBe('storage_full');
    const line = t.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'storage full');
    expect(line).toMatchObject({ level: 'error', path: '/api/v1/sync/push' });
  });

  it.each([
    [{ code: 'SQLITE_FULL' }, true],
    [Object.assign(new Error('no space'), { code: 'ENOSPC' }), true],
    [{ code: '53100', message: 'could not extend file' }, true],
    [new Error('wrapped', { cause: { code: '53100' } }), true],
    [{ code: 'SQLITE_BUSY' }, false],
    [{ code: '57P01' }, false],
    [new Error('plain'), false],
    ['text', false],
  ])('classifies %o as a full disk: %s', (error, full) => {
    expect(isStorageFull(error)).toBe(full);
  });

  it.each([
    [{ code: '57P01' }, true],
    [new Error('wrapped', { cause: { code: 'ECONNREFUSED' } }), true],
    [new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }), true],
    [{ code: '53100' }, false],
    [new Error('plain'), false],
  ])('classifies %o as the database unavailable: %s', (error, unavailable) => {
    expect(isDatabaseUnavailable(error)).toBe(unavailable);
  });
});

describe('build internals', () => {
  let dist: string;
  let testDb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'pocket-dist-'));
    mkdirSync(path.join(dist, '.vite'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Pocket CPD</title>');
    writeFileSync(path.join(dist, '.vite/manifest.json'), '{"src/main.tsx":{"file":"assets/main.js"}}');
    writeFileSync(path.join(dist, '.env'), 'SECRET=1');
    testDb = await openTestDb('sqlite');
    t = makeTestApp(testDb.db, { distDir: dist });
  });
  afterAll(async () => {
    await testDb.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('does not serve /.vite/manifest.json or other dotfiles', async () => {
    for (const p of ['/.vite/manifest.json', '/.env', '/%2Evite/manifest.json']) {
      const res = await t.call('GET', p, { headers: { accept: '*/*' } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('src/main.tsx');
    }
    expect((await t.call('GET', '/', { headers: { accept: 'text/html' } })).status).toBe(200);
  });
});

describe('after a 413 on a real socket', () => {
  let testDb: TestDb;
  let server: ReturnType<typeof serve>;
  let port = 0;
  beforeAll(async () => {
    testDb = await openTestDb('sqlite');
    const { app } = makeTestApp(testDb.db, { bodyLimitBytes: 64 * 1024 });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await testDb.close();
  });

  it.each(['content-length', 'chunked'])(
    'says Connection: close and ends the connection without a reset (%s body)',
    async (framing) => {
      const size = 4 * 1024 * 1024;
      const socket = net.connect(port, '127.0.0.1');
      let received = '';
      socket.on('data', (d: Buffer) => {
        received += d.toString();
      });
      const ended = new Promise<string>((resolve) => {
        socket.on('error', (error) => resolve(`error: ${error.message}`));
        socket.on('close', () => resolve('closed'));
      });
      socket.write(
        `POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${
          framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`
        }\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < size && socket.writable) {
          const framed =
            framing === 'chunked'
              ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
              : chunk;
          sent += chunk.length;
          if (!socket.write(framed)) {
            socket.once('drain', pump);
            return;
          }
        }
      };
      pump();
      expect(await ended).toBe('closed');
      const [head = '', body = ''] = received.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 413/);
      expect(head.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(body)).toMatchObject({ error: { code: 'body_too_large' } });
    },
  );
});
