// Failover under load: two real server processes on a PostgreSQL primary with a synchronous streaming
// replica, and devices pushing and pulling through both. Mid-run the primary stops dead, the replica is
// promoted, and the servers find it on their own through the multi-host DATABASE_URL
// (target_session_attrs=read-write, server/pg-hosts.ts). Every event a device was told is stored must be
// on the promoted node; devices see errors only between the stop and their first success after the
// promotion, and then carry on without any. Needs root and Debian's PostgreSQL (as .ci/run has):
//   npx vitest run --project failover
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnerEvent } from '../../src/shared/progress/events';
import type { PullResponse, PushResponse, SessionResponse } from '../../src/shared/protocol/sync-protocol';
import { type AppServer, startAppServer } from '../e2e/helpers/app-server';
import { makeEvent } from '../server/support/test-app';
import { type Cluster, startCluster } from './support/pg-cluster';

const DB = 'pocket_failover';
const LEARNERS = 8;
const EVENTS_PER_PUSH = 3;

type Device = {
  base: string;
  token: string;
  deviceId: string;
  seq: number;
  cursor?: string;
  pending: LearnerEvent[];
  lastOk: number;
};
type Outcome = { at: number; ok: boolean; what: string };

let cluster: Cluster;
const servers: AppServer[] = [];

/** A server process on the cluster, with settings for many sign-ups from one address and quick hashing. */
function startServer(url: string): Promise<AppServer> {
  return startAppServer({
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    SCRYPT_LOG_N: '10',
    AUTH_RATE_PER_IP_PER_MIN: '100000',
  });
}

async function call<T>(base: string, method: string, p: string, token?: string, body?: unknown) {
  const res = await fetch(base + p, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`${method} ${p}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function newEvents(device: Device): LearnerEvent[] {
  return Array.from({ length: EVENTS_PER_PUSH }, () => {
    device.seq += 1;
    return makeEvent(device.deviceId, device.seq);
  });
}

/** A device's sync loop: the same batch is pushed again until the server answers for it, as the outbox does. */
async function runDevice(device: Device, until: () => boolean, acked: Set<string>, outcomes: Outcome[]) {
  while (!until()) {
    if (device.pending.length === 0) device.pending = newEvents(device);
    try {
      const pushed = await call<PushResponse>(device.base, 'POST', '/api/v1/sync/push', device.token, {
        deviceId: device.deviceId,
        events: device.pending,
        docs: [],
      });
      for (const r of pushed.results) if (r.status === 'acked' || r.status === 'duplicate') acked.add(r.id);
      device.pending = [];
      const query = device.cursor ? `?limit=200&cursor=${device.cursor}` : '?limit=200';
      const pulled = await call<PullResponse>(device.base, 'GET', `/api/v1/sync/pull${query}`, device.token);
      device.cursor = pulled.nextCursor;
      device.lastOk = Date.now();
      outcomes.push({ at: device.lastOk, ok: true, what: 'push+pull' });
    } catch (error) {
      outcomes.push({
        at: Date.now(),
        ok: false,
        what: error instanceof Error ? error.message : String(error),
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('failover to a synchronous replica under load', () => {
  beforeAll(async () => {
    cluster = await startCluster();
    await cluster.query(cluster.primary, `create database ${DB}`);
    const url = cluster.multiHostUrl(DB);
    for (let i = 0; i < 2; i += 1) servers.push(await startServer(url));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      await server.stop();
    }
    cluster?.destroy();
  });

  it('keeps every acknowledged event and serves again once the replica is promoted', async () => {
    const devices: Device[] = [];
    for (let l = 0; l < LEARNERS; l += 1) {
      const session = await call<SessionResponse>(
        servers[0]?.url ?? '',
        'POST',
        '/api/v1/accounts',
        undefined,
        {
          email: `failover-${l}@example.org`,
          name: `Learner ${l}`,
          password: 'failover password',
        },
      );
      // A learner's two devices talk to different server processes.
      for (const server of servers) {
        const { deviceId } = await call<{ deviceId: string }>(
          server.url,
          'POST',
          '/api/v1/devices',
          session.token,
          {},
        );
        devices.push({ base: server.url, token: session.token, deviceId, seq: 0, pending: [], lastOk: 0 });
      }
    }
    const acked = new Set<string>();
    const outcomes: Outcome[] = [];
    let running = true;
    const loops = devices.map((device) => runDevice(device, () => !running, acked, outcomes));
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    await sleep(4_000);
    const ackedBefore = acked.size;
    const stoppedAt = Date.now();
    cluster.stopPrimary();
    await sleep(2_000);
    const promotedAt = Date.now();
    cluster.promoteReplica();
    // Recovered: every device has succeeded since the promotion.
    const deadline = Date.now() + 60_000;
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() < deadline) {
      await sleep(100);
      if (devices.every((d) => d.lastOk > promotedAt)) recoveredAt = Date.now();
    }
    const recoveredBy = Date.now();
    await sleep(4_000);
    running = false;
    await Promise.all(loops);

    const errors = outcomes.filter((o) => !o.ok);
    const errorsAfter = errors.filter((o) => o.at > recoveredBy);
    const errorsBefore = errors.filter((o) => o.at < stoppedAt);
    const lastError = Math.max(stoppedAt, ...errors.map((o) => o.at));
    const stored = await cluster.query<{ event_id: string }>(
      cluster.replica,
      'select event_id from events',
      DB,
    );
    const storedIds = new Set(stored.map((r) => r.event_id));
    const missing = [...acked].filter((id) => !storedIds.has(id));
    console.info(
      `[failover] ${devices.length} devices on 2 server processes: ${ackedBefore} events acknowledged before the stop, ${acked.size} in all, ` +
        `${missing.length} missing on the promoted node; ${errors.length} failed rounds, all between the stop and ` +
        `${((lastError - stoppedAt) / 1000).toFixed(1)} s after it (promotion at ${((promotedAt - stoppedAt) / 1000).toFixed(1)} s, ` +
        `every device served again by ${((recoveredAt - stoppedAt) / 1000).toFixed(1)} s); ${outcomes.filter((o) => o.ok && o.at > recoveredBy).length} clean rounds after`,
    );

    expect(recoveredAt, servers.map((s) => s.log()).join('\n')).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(errorsBefore).toEqual([]);
    expect(errorsAfter).toEqual([]);
    expect(outcomes.filter((o) => o.ok && o.at > recoveredBy).length).toBeGreaterThan(devices.length);
    for (const server of servers) expect(server.child.exitCode).toBeNull();
    // Failover took effect: the promoted node takes writes.
    const [state] = await cluster.query<{ standby: boolean }>(
      cluster.replica,
      'select pg_is_in_recovery() as standby',
    );
    expect(state?.standby).toBe(false);
  });
});
