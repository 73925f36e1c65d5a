import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDist } from '../../server/precompress-dist';
import { CONTENT_SECURITY_POLICY } from '../../server/security-headers';
import { makeTestApp, type TestApp } from './support/test-app';
import { openTestDb, type TestDb } from './support/test-databases';

// Static serving does not touch the database, so one SQLite run covers it.
describe('static PWA files', () => {
  let dist: string;
  let testDb: TestDb;
  let t: TestApp;
  const indexHtml =
    '<!doctype html><title>Pocket CPD</title><script type="module" src="/assets/index-AbC123xy.js"></script>';
  const appJs = `console.log(${JSON.stringify('x'.repeat(2000))});`;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'pocket-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    mkdirSync(path.join(dist, 'content/modules'), { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), indexHtml);
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"Pocket CPD"}');
    writeFileSync(path.join(dist, 'content/catalog.json'), '{"modules":[]}');
    writeFileSync(path.join(dist, 'content/modules/foundations.0a1b2c3d.json'), '{}');
    writeFileSync(path.join(dist, 'assets/index-AbC123xy.js'), appJs);
    writeFileSync(path.join(dist, 'assets/index-AbC123xy.js.br'), brotliCompressSync(appJs));
    writeFileSync(path.join(dist, 'assets/index-AbC123xy.js.gz'), gzipSync(appJs));
    writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\n');
    testDb = await openTestDb('sqlite');
    t = makeTestApp(testDb.db, { distDir: dist });
  });
  afterAll(async () => {
    await testDb.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (p: string, headers: Record<string, string> = {}) => t.app.request(p, { headers });

  it.each([
    ['/index.html', 'no-cache', 'text/html'],
    ['/', 'no-cache', 'text/html'],
    ['/sw.js', 'no-cache', 'text/javascript'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json'],
    ['/content/catalog.json', 'no-cache', 'application/json'],
    ['/content/modules/foundations.0a1b2c3d.json', 'public, max-age=31536000, immutable', 'application/json'],
    ['/assets/index-AbC123xy.js', 'public, max-age=31536000, immutable', 'text/javascript'],
  ])('serves %s with Cache-Control %s', async (p, cache, type) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(res.headers.get('content-type')).toContain(type);
  });

  it('sets the security headers on files, fallbacks, API answers and 404s', async () => {
    for (const p of ['/index.html', '/lesson/abc', '/api/v1/health', '/api/v1/missing', '/missing.js']) {
      const res = await get(p, { accept: 'text/html' });
      expect(res.headers.get('content-security-policy'), p).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
      expect(res.headers.get('permissions-policy'), p).toContain('camera=()');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('falls back to index.html for app routes, never for /api/ or missing files', async () => {
    for (const p of ['/modules/foundations', '/lesson/four-areas-of-need-overlap-and-change', '/record']) {
      const res = await get(p, { accept: 'text/html' });
      expect(res.status, p).toBe(200);
      expect(await res.text()).toBe(indexHtml);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    const api = await get('/api/v1/nothing-here', { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/v1/nothing-here.' },
    });
    expect((await get('/assets/gone-12345678.js')).status).toBe(404);
  });

  it('serves the brotli or gzip sibling when the client accepts it, else the plain file', async () => {
    const br = await get('/assets/index-AbC123xy.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(Buffer.from(await br.arrayBuffer())).toEqual(brotliCompressSync(appJs));
    const gz = await get('/assets/index-AbC123xy.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/assets/index-AbC123xy.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(appJs);
  });

  it('ignores a compressed sibling older than its file', async () => {
    writeFileSync(path.join(dist, 'stale.js'), 'new();');
    writeFileSync(path.join(dist, 'stale.js.br'), brotliCompressSync('old();'));
    utimesSync(path.join(dist, 'stale.js.br'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const res = await get('/stale.js', { 'accept-encoding': 'br' });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe('new();');
  });

  it('precompresses large text files of a build, and leaves small and binary ones alone', async () => {
    const build = mkdtempSync(path.join(tmpdir(), 'pocket-build-'));
    const big = `export const text = ${JSON.stringify('lesson text '.repeat(500))};`;
    writeFileSync(path.join(build, 'big.js'), big);
    writeFileSync(path.join(build, 'small.css'), 'a{}');
    writeFileSync(path.join(build, 'font.woff2'), Buffer.alloc(4096, 7));
    expect(await precompressDist(build)).toBe(1);
    expect(brotliDecompressSync(readFileSync(path.join(build, 'big.js.br'))).toString()).toBe(big);
    expect(existsSync(path.join(build, 'big.js.gz'))).toBe(true);
    expect(existsSync(path.join(build, 'small.css.br'))).toBe(false);
    expect(existsSync(path.join(build, 'font.woff2.br'))).toBe(false);
    expect(await precompressDist(build)).toBe(0);
    rmSync(build, { recursive: true, force: true });
  });

  it('answers 304 to a matching ETag so no-cache files revalidate cheaply', async () => {
    const first = await get('/index.html');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const second = await get('/index.html', { 'if-none-match': etag });
    expect(second.status).toBe(304);
  });

  it('never serves files outside dist', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
    }
  });
});
