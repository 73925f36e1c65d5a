// Load benchmark: the real server process on a loopback port over SQLite, and 200 simulated devices
// (100 learners × 2 devices) each pushing a few new events and a note, then pulling what its other device
// sent, over and over for 30 s (a bounded loop per device on keep-alive connections). Prints throughput,
// latency percentiles, errors and non-2xx answers, and the server's RSS sampled over the run.
//   npm run bench:load    LOAD_DEVICES=200 LOAD_SECONDS=30 LOAD_WARMUP_SECONDS=5 LOAD_EVENTS_PER_PUSH=5 LOAD_RATE=2
// Scale-out: LOAD_DATABASE_URL=postgres://… LOAD_PROCESSES=2 runs that many server processes on one fresh
// PostgreSQL database (created and dropped by the bench); device i talks to process i mod N, so a learner's
// two devices sync through different processes. The issue's run:
//   LOAD_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres LOAD_PROCESSES=2 LOAD_DEVICES=2000 LOAD_RATE=0.2 npm run bench:load
// Targets on 2 cores: zero errors, p99 ≤ 250 ms, RSS in the last 10 s within 10 % of the first 10 s.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type { LearnerEvent } from '../src/shared/progress/events';
import { formatHlc } from '../src/shared/progress/hlc';
import type { PullResponse, PushResponse, SessionResponse } from '../src/shared/protocol/sync-protocol';
import {
  postJson,
  rssMb,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from './support/server-process';

const DEVICES = Number(process.env.LOAD_DEVICES ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 5);
const EVENTS_PER_PUSH = Number(process.env.LOAD_EVENTS_PER_PUSH ?? 5);
/**
 * Requests per second per device: 2 is a push and a pull every second, already far more than the app
 * sends (it pushes 1.5 s after the last write and otherwise every few minutes). 0 = as fast as the server
 * answers, which measures saturation: latency is then 200 in flight ÷ throughput, whatever the server does.
 */
const RATE = Number(process.env.LOAD_RATE ?? 2);
const WINDOW_S = Math.min(10, Math.floor(SECONDS / 3));
const PROCESSES = Number(process.env.LOAD_PROCESSES ?? 1);
const ADMIN_URL = process.env.LOAD_DATABASE_URL;

type Device = {
  token: string;
  deviceId: string;
  seq: number;
  cursor?: string;
  noteRev: number;
  /** The server process this device talks to. */
  base: string;
};

/**
 * Request logs at info, as in production (method, path, status, ms), one file per process: after the run
 * they give the time spent inside the server, to set beside the latency the devices saw.
 * LOAD_SERVER_LOG=/tmp/server.log names the first process's file, to keep it for a closer look.
 */
function startServer(dataDir: string, databaseUrl: string, index: number): Promise<ServerProcess> {
  return startServerProcess(
    { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    { stdout: openSync(serverLog(dataDir, index), 'w') },
  );
}

function serverLog(dataDir: string, index: number): string {
  return (index === 0 && process.env.LOAD_SERVER_LOG) || path.join(dataDir, `server-${index}.log`);
}

/** Milliseconds inside the server of each request logged at or after `since` (an ISO time). */
function serverTimes(files: string[], since: string): number[] {
  const times: number[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.includes('"msg":"request"')) continue;
      const entry = JSON.parse(line) as { time: string; ms: number; path: string };
      if (entry.time >= since && entry.path.startsWith('/api/v1/sync/')) times.push(entry.ms);
    }
  }
  return times.sort((a, b) => a - b);
}

/** A fresh database next to the one LOAD_DATABASE_URL names, dropped after the run. */
async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pocket_load_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database ${name} with (force)`) };
}

async function setUpDevices(bases: string[]): Promise<Device[]> {
  const devices: Device[] = [];
  const learners = Math.ceil(DEVICES / 2);
  for (let i = 0; i < learners; i += 1) {
    const base = bases[i % bases.length] as string;
    const session = await postJson<SessionResponse>(`${base}/api/v1/accounts`, {
      email: `load-${i}@example.org`,
      name: `Load ${i}`,
      password: 'load bench password',
    });
    for (let d = 0; d < 2 && devices.length < DEVICES; d += 1) {
      const { deviceId } = await postJson<{ deviceId: string }>(`${base}/api/v1/devices`, {}, session.token);
      devices.push({ token: session.token, deviceId, seq: 0, noteRev: 0, base: '' });
    }
  }
  return devices;
}

function newEvents(device: Device): LearnerEvent[] {
  const now = Date.now();
  return Array.from({ length: EVENTS_PER_PUSH }, (): LearnerEvent => {
    device.seq += 1;
    return {
      id: randomUUID(),
      deviceId: device.deviceId,
      deviceSeq: device.seq,
      at: new Date(now).toISOString(),
      hlc: formatHlc({ wall: now, counter: device.seq, node: device.deviceId }),
      type: 'section-reached',
      lessonId: `lesson-${device.seq % 40}`,
      payload: { sectionId: `s${device.seq % 12}`, index: device.seq % 12 },
    };
  });
}

type Stats = { latencies: number[]; pushes: number; pulls: number; errors: Map<string, number> };

const agent = new http.Agent({ keepAlive: true, maxSockets: DEVICES });

/** One HTTP request on a keep-alive connection; resolves with status and body, or a failure kind. */
function request(
  base: string,
  method: string,
  urlPath: string,
  token: string,
  body?: string,
): Promise<{ status: number; text: string } | { failure: string }> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = http.request(`${base}${urlPath}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', () => resolve({ failure: 'response error' }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (error) =>
      resolve({ failure: error.message === 'timeout' ? 'timeout' : 'socket error' }),
    );
    req.end(body);
  });
}

/**
 * One device for `seconds`: push a few new events (and a note every third time), pull from its cursor,
 * then wait. Each device waits a random 0.5–1.5 × its interval, so 200 devices do not march in step the
 * way a fixed-rate load generator's connections do (that measures the generator's bursts, not the server).
 */
async function runDevice(device: Device, seconds: number, stats: Stats): Promise<void> {
  const { base } = device;
  const end = performance.now() + seconds * 1000;
  const interval = RATE > 0 ? 2000 / RATE : 0;
  const count = (outcome: { status: number } | { failure: string }, started: number): boolean => {
    stats.latencies.push(performance.now() - started);
    const kind =
      'failure' in outcome ? outcome.failure : outcome.status === 200 ? undefined : `HTTP ${outcome.status}`;
    if (kind) stats.errors.set(kind, (stats.errors.get(kind) ?? 0) + 1);
    return kind === undefined;
  };
  // Devices start spread over one interval, as a classroom's phones do.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * interval));
  while (performance.now() < end) {
    const cycle = performance.now();
    const writeNote = device.seq % 3 === 0;
    const body = JSON.stringify({
      deviceId: device.deviceId,
      events: newEvents(device),
      docs: writeNote
        ? [
            {
              id: `note:load:${device.deviceId}`,
              baseRev: device.noteRev,
              body: { text: `note at ${device.seq}` },
            },
          ]
        : [],
    });
    let started = performance.now();
    const pushed = await request(base, 'POST', '/api/v1/sync/push', device.token, body);
    if (count(pushed, started) && 'text' in pushed) {
      stats.pushes += 1;
      const doc = (JSON.parse(pushed.text) as PushResponse).docs[0];
      if (doc?.status === 'saved') device.noteRev = doc.rev;
    }
    const query = device.cursor ? `?limit=500&cursor=${device.cursor}` : '?limit=500';
    started = performance.now();
    const pulled = await request(base, 'GET', `/api/v1/sync/pull${query}`, device.token);
    if (count(pulled, started) && 'text' in pulled) {
      stats.pulls += 1;
      device.cursor = (JSON.parse(pulled.text) as PullResponse).nextCursor;
    }
    const wait = interval * (0.5 + Math.random()) - (performance.now() - cycle);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function main(): Promise<void> {
  // LOAD_DATA_DIR=/dev/shm puts the SQLite file in memory, to tell disk stalls from server work.
  const dataDir = mkdtempSync(path.join(process.env.LOAD_DATA_DIR ?? tmpdir(), 'pocket-load-'));
  const database = ADMIN_URL ? await createDatabase(ADMIN_URL) : undefined;
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < PROCESSES; i += 1) servers.push(await startServer(dataDir, database?.url ?? '', i));
    const bases = servers.map((server) => server.base);
    const devices = await setUpDevices(bases);
    devices.forEach((device, i) => {
      device.base = bases[i % bases.length] as string;
    });
    const run = async (seconds: number): Promise<Stats> => {
      const stats: Stats = { latencies: [], pushes: 0, pulls: 0, errors: new Map() };
      await Promise.all(devices.map((device) => runDevice(device, seconds, stats)));
      return stats;
    };

    if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
    const samples: { t: number; mb: number }[] = [];
    const started = performance.now();
    const startedAt = new Date().toISOString();
    // The generator shares the cores: when its own event loop is late, every latency it measures is too.
    const generatorDelay = monitorEventLoopDelay({ resolution: 10 });
    generatorDelay.enable();
    // Summed over the server processes: the memory the service needs.
    const sampler = setInterval(() => {
      const mb = servers.reduce((sum, server) => sum + rssMb(server.child.pid as number), 0);
      samples.push({ t: (performance.now() - started) / 1000, mb });
    }, 500);
    const stats = await run(SECONDS);
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    generatorDelay.disable();
    const inside = serverTimes(
      servers.map((_, i) => serverLog(dataDir, i)),
      startedAt,
    );
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    const latency = (p: number) => percentile(sorted, p).toFixed(1);
    const p99 = percentile(sorted, 99);

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const first = mean(samples.filter((s) => s.t <= WINDOW_S).map((s) => s.mb));
    const last = mean(samples.filter((s) => s.t >= SECONDS - WINDOW_S).map((s) => s.mb));
    const growth = ((last - first) / first) * 100;
    const errors = [...stats.errors.values()].reduce((a, b) => a + b, 0);
    const errorText = stats.errors.size
      ? [...stats.errors.entries()].map(([kind, n]) => `${n} ${kind}`).join(', ')
      : 'none';
    const lines = [
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} before the run ended (other work on the machine skews latency)`,
      `load bench: ${DEVICES} devices (${Math.ceil(DEVICES / 2)} learners × 2), ${database ? `PostgreSQL, ${PROCESSES} server process${PROCESSES > 1 ? "es (a learner's two devices on different ones)" : ''}` : `SQLite, ${PROCESSES} server process${PROCESSES > 1 ? 'es' : ''}`}, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, ${EVENTS_PER_PUSH} events per push, ${RATE > 0 ? `each device pushes and pulls every ${(2 / RATE).toFixed(1)} s on average` : 'unpaced (saturation)'}`,
      `  requests      ${sorted.length} in ${elapsed.toFixed(1)} s = ${(sorted.length / elapsed).toFixed(0)} req/s (${(stats.pushes / elapsed).toFixed(0)} pushes/s = ${((stats.pushes * EVENTS_PER_PUSH) / elapsed).toFixed(0)} events/s stored; ${(stats.pulls / elapsed).toFixed(0)} pulls/s)`,
      `  latency ms    p50 ${latency(50)}  p90 ${latency(90)}  p99 ${latency(99)}  p99.9 ${latency(99.9)}  max ${(sorted.at(-1) ?? 0).toFixed(1)}`,
      `  inside server p50 ${percentile(inside, 50).toFixed(1)}  p99 ${percentile(inside, 99).toFixed(1)}  max ${(inside.at(-1) ?? 0).toFixed(1)} ms (request log; the rest of a latency is waiting for a core or the network stack)`,
      `  generator     event-loop delay p99 ${(generatorDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(generatorDelay.max / 1e6).toFixed(1)} ms (added to what it measures)`,
      `  errors        ${errorText}`,
      `  RSS by 5 s    ${samples
        .filter((_, i) => i % 10 === 9)
        .map((x) => x.mb.toFixed(0))
        .join(' ')} MB`,
      `  server RSS    ${PROCESSES > 1 ? `(sum of ${PROCESSES}) ` : ''}first ${WINDOW_S} s ${first.toFixed(1)} MB, last ${WINDOW_S} s ${last.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %), max ${Math.max(...samples.map((x) => x.mb)).toFixed(1)} MB`,
      `  targets       errors 0: ${errors === 0 ? 'met' : 'MISSED'}; p99 ≤ 250 ms: ${p99 <= 250 ? 'met' : 'MISSED'}; RSS growth ≤ 10 %: ${growth <= 10 ? 'met' : 'MISSED'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (errors > 0 || p99 > 250 || growth > 10) process.exitCode = 1;
  } finally {
    agent.destroy();
    await Promise.all(servers.map(({ child }) => stopServerProcess(child)));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
