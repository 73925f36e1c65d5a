// Load benchmark: the real server process on a loopback port over SQLite, and 200 simulated devices
// (100 learners × 2 devices) each pushing a few new events and a note, then pulling what its other device
// sent, over and over for 30 s (autocannon, one keep-alive connection per device). Prints throughput,
// latency percentiles, errors and non-2xx answers, and the server's RSS sampled over the run.
//   npm run bench:load          LOAD_DEVICES=200 LOAD_SECONDS=30 LOAD_WARMUP_SECONDS=5 LOAD_EVENTS_PER_PUSH=5
// Targets on 2 cores: zero errors, p99 ≤ 250 ms, RSS in the last 10 s within 10 % of the first 10 s.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { LearnerEvent } from '../src/shared/events';
import { formatHlc } from '../src/shared/hlc';
import type { PullResponse, PushResponse, SessionResponse } from '../src/shared/sync-protocol';

const DEVICES = Number(process.env.LOAD_DEVICES ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.LOAD_WARMUP_SECONDS ?? 5);
const EVENTS_PER_PUSH = Number(process.env.LOAD_EVENTS_PER_PUSH ?? 5);
const WINDOW_S = Math.min(10, Math.floor(SECONDS / 3));

/** The slice of autocannon's API used here (it ships no types). */
type RawRequest = { method: string; path: string; headers: Record<string, string>; body?: string };
type Context = { device?: Device };
type AutocannonRequest = {
  method: string;
  path: string;
  setupRequest: (request: RawRequest, context: Context) => RawRequest;
  onResponse: (status: number, body: string, context: Context) => void;
};
type AutocannonResult = {
  requests: { average: number; total: number };
  throughput: { average: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
};
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

type Device = {
  token: string;
  deviceId: string;
  seq: number;
  cursor?: string;
  noteRev: number;
  pendingNote?: string;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startServer(dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      // Request logs at info, as in production; the lines go nowhere here.
      LOG_LEVEL: 'info',
      // Only sign-up and sign-in hash passwords, and they happen before the measured run.
      SCRYPT_LOG_N: '10',
      AUTH_RATE_PER_IP_PER_MIN: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { base, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('server did not start');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function setUpDevices(base: string): Promise<Device[]> {
  const devices: Device[] = [];
  const learners = Math.ceil(DEVICES / 2);
  for (let i = 0; i < learners; i += 1) {
    const session = await post<SessionResponse>(`${base}/api/v1/accounts`, {
      email: `load-${i}@example.org`,
      name: `Load ${i}`,
      password: 'load bench password',
    });
    for (let d = 0; d < 2 && devices.length < DEVICES; d += 1) {
      const { deviceId } = await post<{ deviceId: string }>(`${base}/api/v1/devices`, {}, session.token);
      devices.push({ token: session.token, deviceId, seq: 0, noteRev: 0 });
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

/**
 * Each connection takes a free device for one push + pull cycle and hands it back: autocannon resets a
 * connection's context every cycle, so devices live here, not there.
 */
function devicePool(devices: Device[]) {
  const free = [...devices];
  let pushes = 0;
  let pulls = 0;
  let pulledEvents = 0;
  let next = 0;
  const take = (context: Context): Device => {
    // Empty only when a request failed before its device came back: share one rather than stall.
    const device = free.shift() ?? (devices[next++ % devices.length] as Device);
    context.device = device;
    return device;
  };
  const requests: AutocannonRequest[] = [
    {
      method: 'POST',
      path: '/api/v1/sync/push',
      setupRequest: (request, context) => {
        const device = take(context);
        const writeNote = device.seq % 3 === 0;
        if (writeNote) device.pendingNote = `note at ${device.seq}`;
        const body = {
          deviceId: device.deviceId,
          events: newEvents(device),
          docs: writeNote
            ? [
                {
                  id: `note:load:${device.deviceId}`,
                  baseRev: device.noteRev,
                  body: { text: device.pendingNote },
                },
              ]
            : [],
        };
        return {
          ...request,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
          body: JSON.stringify(body),
        };
      },
      onResponse: (status, body, context) => {
        if (status !== 200 || !context.device) return;
        pushes += 1;
        const answer = JSON.parse(body) as PushResponse;
        const doc = answer.docs[0];
        if (doc?.status === 'saved') context.device.noteRev = doc.rev;
      },
    },
    {
      method: 'GET',
      path: '/api/v1/sync/pull',
      setupRequest: (request, context) => {
        const device = context.device as Device;
        const query = device.cursor ? `?limit=500&cursor=${device.cursor}` : '?limit=500';
        return {
          ...request,
          path: `/api/v1/sync/pull${query}`,
          headers: { authorization: `Bearer ${device.token}` },
        };
      },
      onResponse: (status, body, context) => {
        const device = context.device;
        if (!device) return;
        if (status === 200) {
          pulls += 1;
          const page = JSON.parse(body) as PullResponse;
          pulledEvents += page.events.length;
          device.cursor = page.nextCursor;
        }
        free.push(device);
        context.device = undefined;
      },
    },
  ];
  return {
    requests,
    counts: () => ({ pushes, pulls, pulledEvents }),
    /** Between runs: autocannon builds each connection's first push before sending, holding a device. */
    reset: () => {
      free.splice(0, free.length, ...devices);
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pocket-load-'));
  const { base, child } = await startServer(dataDir);
  const pid = child.pid as number;
  try {
    const devices = await setUpDevices(base);
    const pool = devicePool(devices);
    const run = (seconds: number) => {
      pool.reset();
      return autocannon({
        url: base,
        connections: DEVICES,
        duration: seconds,
        timeout: 10,
        requests: pool.requests,
      });
    };

    if (WARMUP_SECONDS > 0) await run(WARMUP_SECONDS);
    const warm = pool.counts();
    const samples: { t: number; mb: number }[] = [];
    const started = performance.now();
    const sampler = setInterval(() => {
      samples.push({ t: (performance.now() - started) / 1000, mb: rssMb(pid) });
    }, 500);
    const result = await run(SECONDS);
    clearInterval(sampler);
    const done = pool.counts();

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const first = mean(samples.filter((s) => s.t <= WINDOW_S).map((s) => s.mb));
    const last = mean(samples.filter((s) => s.t >= SECONDS - WINDOW_S).map((s) => s.mb));
    const growth = ((last - first) / first) * 100;
    const errors = result.errors + result.timeouts + result.non2xx;
    const pushes = done.pushes - warm.pushes;
    const lines = [
      `machine: ${cpus().length} cores, load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} (other work on the machine skews latency)`,
      `load bench: ${DEVICES} devices (${Math.ceil(DEVICES / 2)} learners × 2), SQLite, ${SECONDS} s after ${WARMUP_SECONDS} s warm-up, ${EVENTS_PER_PUSH} events per push`,
      `  requests      ${result.requests.total} (${result.requests.average.toFixed(0)} req/s; ${(pushes / SECONDS).toFixed(0)} pushes/s = ${((pushes * EVENTS_PER_PUSH) / SECONDS).toFixed(0)} events/s stored; ${((done.pulls - warm.pulls) / SECONDS).toFixed(0)} pulls/s)`,
      `  throughput    ${(result.throughput.average / 1024 / 1024).toFixed(2)} MB/s`,
      `  latency ms    p50 ${result.latency.p50}  p90 ${result.latency.p90}  p99 ${result.latency.p99}  max ${result.latency.max}`,
      `  errors        ${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
      `  server RSS    first ${WINDOW_S} s ${first.toFixed(1)} MB, last ${WINDOW_S} s ${last.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %), max ${Math.max(...samples.map((s) => s.mb)).toFixed(1)} MB`,
      `  targets       errors 0: ${errors === 0 ? 'met' : 'MISSED'}; p99 ≤ 250 ms: ${result.latency.p99 <= 250 ? 'met' : 'MISSED'}; RSS growth ≤ 10 %: ${growth <= 10 ? 'met' : 'MISSED'}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (errors > 0 || result.latency.p99 > 250 || growth > 10) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
