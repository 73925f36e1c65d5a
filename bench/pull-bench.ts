// Pull memory benchmark: one learner holding 1,000 notes of about 60 KB (60 MB of notes), pulled in full
// by 16 devices at once, against a real server process on loopback. Prints the server's RSS before and at
// its peak. Target on this machine: peak RSS under 400 MB. The devices behave like the app: they follow
// `hasMore` page by page and wait out a 429's Retry-After (the per-learner cap on pulls in flight).
// `npm run bench:pull` (SQLite); set BENCH_DATABASE_URL to run it on PostgreSQL instead.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PullResponse, SessionResponse } from '../src/shared/protocol/sync-protocol';
import {
  benchSchema,
  postJson,
  rssMb,
  startServerProcess,
  stopServerProcess,
} from './support/server-process';

const NOTES = Number(process.env.BENCH_NOTES ?? 1000);
const NOTE_CHARS = 60_000;
const DEVICES = Number(process.env.BENCH_DEVICES ?? 16);
const TARGET_MB = 400;

/** Pulls every page as a device does; returns the docs received and how many 429s it waited out. */
async function pullEverything(
  base: string,
  token: string,
): Promise<{ docs: number; waits: number; dropped: number }> {
  let cursor: string | undefined;
  let docs = 0;
  let waits = 0;
  let dropped = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    let res: Response;
    try {
      res = await fetch(`${base}/api/v1/sync/pull?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    } catch (error) {
      // A kept-alive socket the server closed just as it was reused; a device retries such a drop.
      if (++dropped > 5) throw error;
      continue;
    }
    if (res.status === 429) {
      waits += 1;
      await res.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
      continue;
    }
    if (!res.ok) throw new Error(`pull → ${res.status} ${await res.text()}`);
    const page = (await res.json()) as PullResponse;
    docs += page.docs.length;
    cursor = page.nextCursor;
    if (!page.hasMore) return { docs, waits, dropped };
  }
}

async function main(): Promise<void> {
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const database = pgUrl ? await benchSchema(pgUrl, 'pull_bench') : { url: '', drop: async () => undefined };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pull-bench-'));
  const { base, child } = await startServerProcess({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'warn',
    // The learner here holds 60 MB of notes, past the default quota, on purpose.
    QUOTA_DOC_BYTES: String(200 * 1024 * 1024),
  });
  try {
    const session = await postJson<SessionResponse>(`${base}/api/v1/accounts`, {
      email: `pull-bench-${randomBytes(4).toString('hex')}@example.org`,
      name: 'Pull Bench',
      password: 'benchmark password',
    });
    const { deviceId } = await postJson<{ deviceId: string }>(`${base}/api/v1/devices`, {}, session.token);
    for (let first = 0; first < NOTES; first += 14) {
      const docs = Array.from({ length: Math.min(14, NOTES - first) }, (_, i) => ({
        id: `note:bench-${first + i}`,
        baseRev: 0,
        body: { text: `${first + i} ${randomBytes(NOTE_CHARS / 2).toString('hex')}`.slice(0, NOTE_CHARS) },
      }));
      await postJson(`${base}/api/v1/sync/push`, { deviceId, events: [], docs }, session.token);
    }
    // Let the push garbage settle so the baseline is the server at rest with this data.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = rssMb(child.pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(child.pid));
    }, 20);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: DEVICES }, () => pullEverything(base, session.token)),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(child.pid));
    const incomplete = results.filter((r) => r.docs !== NOTES).length;
    console.log(
      [
        `${pgUrl ? 'postgres' : 'sqlite'}: ${DEVICES} concurrent full pulls of one learner holding ${NOTES} notes of ${NOTE_CHARS / 1000} KB`,
        `  server RSS    before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (target < ${TARGET_MB} MB: ${peak < TARGET_MB ? 'met' : 'MISSED'})`,
        `  time          ${seconds.toFixed(1)} s for ${((DEVICES * NOTES * NOTE_CHARS) / 1e6).toFixed(0)} MB of notes; ${results.reduce((n, r) => n + r.waits, 0)} 429s waited out, ${results.reduce((n, r) => n + r.dropped, 0)} dropped connections retried`,
        `  every device got every note: ${incomplete === 0 ? 'yes' : `NO (${incomplete} devices short)`}`,
      ].join('\n'),
    );
    if (incomplete > 0) process.exitCode = 1;
  } finally {
    await stopServerProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
