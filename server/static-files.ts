// Serves the built PWA from DIST_DIR: hashed files cached for a year, everything else revalidated
// (`no-cache` + ETag) so a new deploy reaches devices; precompressed .br/.gz siblings when the client
// accepts them, else the plain file (no compression on the fly: start.mjs precompresses after build).
// App routes fall back to index.html; /api/ never does. A missing dist/ just means 404s. A single byte
// `Range` is answered 206 from the plain file (offsets count uncompressed bytes), so an interrupted
// module download resumes where it stopped.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { lessonAddress } from '../src/shared/content/lesson-address';
import { buildReader, pagePreloadLinks } from './page-preloads';
import { parseRange } from './parse-range';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Vite's hashed output and the compiler's `<id>.<hash>.json` modules never change under one name. */
const IMMUTABLE = /^\/(assets|content\/modules)\//;
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

async function fileStat(file: string) {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

export function staticFiles(distDir: string): MiddlewareHandler {
  const root = path.resolve(distDir);
  const readBuild = buildReader(root);
  return async (c, next) => {
    const urlPath = c.req.path;
    if (
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      urlPath === '/api' ||
      urlPath.startsWith('/api/')
    ) {
      return next();
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return next();
    }
    // Dot-folders and dotfiles (Vite's `.vite/manifest.json` among them) are build internals, not the app.
    if (decoded.split('/').some((segment) => segment.startsWith('.') && segment !== '.well-known')) {
      return next();
    }
    const relative = path.posix.normalize(decoded.endsWith('/') ? `${decoded}index.html` : decoded);
    let file = path.join(root, relative);
    if (decoded.includes('\0') || !file.startsWith(root + path.sep)) return next();
    let stat = await fileStat(file);
    let servedPath = relative;
    if (!stat && lessonAddress(urlPath)) {
      // A lesson the build rendered (src/course-compiler/vite-plugin-lesson-pages.ts) has a page of its own.
      const page = path.join(file, 'index.html');
      stat = await fileStat(page);
      if (stat) {
        file = page;
        servedPath = path.posix.join(relative, 'index.html');
      }
    }
    if (!stat) {
      // Navigations (and extension-less paths) are app routes; a missing /x.js stays a 404.
      const isNavigation =
        (c.req.header('accept') ?? '').includes('text/html') || path.extname(relative) === '';
      if (!isNavigation) return next();
      file = path.join(root, 'index.html');
      servedPath = '/index.html';
      stat = await fileStat(file);
      if (!stat) return next();
    }
    // The app's pages (the shell at `/` or any app route, and rendered lessons) name what they will need.
    const build = path.posix.basename(servedPath) === 'index.html' ? await readBuild() : null;
    const preloads = build
      ? pagePreloadLinks(build, urlPath, { rendered: servedPath !== '/index.html' })
      : [];
    const etag = `W/"${createHash('sha1').update(`${stat.size}:${stat.mtimeMs}`).digest('base64url').slice(0, 16)}"`;
    const headers = new Headers({
      'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': IMMUTABLE.test(servedPath) ? IMMUTABLE_CACHE : 'no-cache',
      Vary: 'Accept-Encoding',
      ETag: etag,
      'Accept-Ranges': 'bytes',
    });
    if (preloads.length > 0) headers.set('Link', preloads.join(', '));
    if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
    const ifRange = c.req.header('if-range');
    const range =
      ifRange === undefined || ifRange === etag ? parseRange(c.req.header('range'), stat.size) : null;
    if (range === 'unsatisfiable') {
      headers.set('Content-Range', `bytes */${stat.size}`);
      return new Response(null, { status: 416, headers });
    }
    if (range) {
      const length = range.end - range.start + 1;
      const slice = Buffer.alloc(length);
      const handle = await fs.open(file, 'r');
      try {
        await handle.read(slice, 0, length, range.start);
      } finally {
        await handle.close();
      }
      headers.set('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
      headers.set('Content-Length', String(length));
      return new Response(c.req.method === 'HEAD' ? null : slice, { status: 206, headers });
    }
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    let bodyFile = file;
    for (const [encoding, suffix] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      const sibling = accepted.has(encoding) ? await fileStat(file + suffix) : undefined;
      // A sibling older than its file is left over from an earlier build: never serve stale bytes.
      if (sibling && sibling.mtimeMs >= stat.mtimeMs) {
        bodyFile = file + suffix;
        headers.set('Content-Encoding', encoding);
        break;
      }
    }
    const body = await fs.readFile(bodyFile);
    headers.set('Content-Length', String(body.byteLength));
    return new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}
