// What every server benchmark does around the thing it measures: start the real server process on a free
// loopback port, talk JSON to it, read its memory and CPU from /proc, and stop it.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { freePort, waitForHealth } from '../../tests/e2e/helpers/app-server';

export type ServerProcess = { base: string; child: ChildProcess };

/**
 * `server/main.ts` on 127.0.0.1, ready once its health check answers. Cheap password hashing and no auth
 * rate limit, because sign-ups happen before the measured part and from one address. The server's
 * stderr goes to ours; stdout (the request log) nowhere unless `stdout` says where.
 */
export async function startServerProcess(
  env: Record<string, string>,
  { nodeArgs = [], stdout = 'ignore' }: { nodeArgs?: string[]; stdout?: 'ignore' | number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SCRYPT_LOG_N: '10',
      AUTH_RATE_PER_IP_PER_MIN: '1000000',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', stdout, 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, child, () => '(its log went to stderr above)');
  return { base, child };
}

export function stopServerProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Resident memory of a process in MB (Linux /proc; 0 elsewhere or once it has exited). */
export function rssMb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds a process has used (Linux /proc; 0 elsewhere). On a shared, busy machine wall-clock rates
 * swing with other load; work per server CPU-second does not. Summed from each thread's scheduler time
 * (`schedstat`, nanoseconds), not the process's `stat` (whole 10 ms ticks, charged by sampling: a slice of
 * a second's pushes measured so swung by ±10 %).
 */
export function cpuSeconds(pid: number | undefined): number {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let ns = 0;
  for (const task of tasks) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // The thread ended between the listing and the read. Node's threads live as long as the process, so
      // this is rare; what an ended thread used is lost from later readings either way.
    }
  }
  return ns / 1e9;
}

/**
 * A schema of its own on the PostgreSQL that `url` names, and a URL whose connections use it, so a run
 * leaves nothing behind (tables left in `public` would also trip the next run's migration lock).
 */
export async function benchSchema(
  url: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  return {
    url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      // BENCH_KEEP_SCHEMA=1 leaves the seeded data for EXPLAIN ANALYZE afterwards.
      if (process.env.BENCH_KEEP_SCHEMA === '1') console.log(`kept schema ${schema}`);
      else await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}
