// Byte ranges on static files: what lets an interrupted module download resume where it stopped.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange } from '../../server/parse-range';
import { makeTestApp, type TestApp } from './support/test-app';
import { openTestDb, type TestDb } from './support/test-databases';

describe('parseRange', () => {
  it.each([
    [undefined, 100, null],
    ['bytes=0-', 100, { start: 0, end: 99 }],
    ['bytes=40-', 100, { start: 40, end: 99 }],
    ['bytes=40-49', 100, { start: 40, end: 49 }],
    ['bytes=40-500', 100, { start: 40, end: 99 }],
    ['bytes=-10', 100, { start: 90, end: 99 }],
    ['bytes=-500', 100, { start: 0, end: 99 }],
    ['bytes=100-', 100, 'unsatisfiable'],
    ['bytes=-0', 100, 'unsatisfiable'],
    ['bytes=50-40', 100, null],
    ['bytes=0-1,5-6', 100, null],
    ['items=0-1', 100, null],
    ['bytes=-', 100, null],
  ] as const)('%s of %i bytes → %j', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});

describe('static files with Range', () => {
  let dist: string;
  let testDb: TestDb;
  let t: TestApp;
  const file = '/content/modules/foundations.0a1b2c3d.json';
  const body = JSON.stringify({ id: 'foundations', text: 'x'.repeat(5000) });

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'pocket-dist-range-'));
    mkdirSync(path.join(dist, 'content/modules'), { recursive: true });
    writeFileSync(path.join(dist, file), body);
    // A precompressed sibling must never be sliced: offsets are in plain bytes.
    writeFileSync(path.join(dist, `${file}.gz`), gzipSync(body));
    testDb = await openTestDb('sqlite');
    t = makeTestApp(testDb.db, { distDir: dist });
  });
  afterAll(async () => {
    await testDb.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (headers: Record<string, string>) => t.app.request(file, { headers });

  it('answers the rest of the file from an offset with 206, uncompressed', async () => {
    const res = await get({ range: 'bytes=1000-', 'accept-encoding': 'gzip' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-${body.length - 1}/${body.length}`);
    expect(res.headers.get('content-length')).toBe(String(body.length - 1000));
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(body.slice(1000));
  });

  it('says it accepts ranges on a full answer, and sends the whole file without a Range', async () => {
    const res = await get({});
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(await res.text()).toBe(body);
  });

  it('answers 416 for a range past the end', async () => {
    const res = await get({ range: `bytes=${body.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${body.length}`);
  });

  it('sends the whole file when If-Range names another version', async () => {
    const res = await get({ range: 'bytes=10-', 'if-range': 'W/"something-else"' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(body);
    const etag = res.headers.get('etag') ?? '';
    const partial = await get({ range: 'bytes=10-', 'if-range': etag });
    expect(partial.status).toBe(206);
    expect(await partial.text()).toBe(body.slice(10));
  });
});
