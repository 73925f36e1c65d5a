// A server app over a test database with a settable clock, captured log lines and cheap scrypt,
// plus small helpers that call the API the way a device would.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from '../../../server/app-env';
import type { Config } from '../../../server/config';
import { createApp } from '../../../server/create-app';
import { createLogger } from '../../../server/logger';
import type { Db } from '../../../server/open-database';
import type { ResolveAll } from '../../../server/xapi/forward-lookup';
import type { LearnerEvent } from '../../../src/shared/progress/events';
import { formatHlc } from '../../../src/shared/progress/hlc';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    database: { kind: 'sqlite', file: ':memory:' },
    distDir: '/nonexistent-dist',
    logLevel: 'info',
    sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
    bodyLimitBytes: 1024 * 1024,
    authRatePerIpPerMin: 10_000,
    signinFailuresPerAccount: 5,
    scryptLogN: 10,
    trustProxy: false,
    syncRequestsPerLearner: 2,
    quotas: { docs: 2_000, docBytes: 20 * 1024 * 1024, eventsPerDay: 20_000, devices: 10 },
    vapidSubject: 'mailto:test@example.org',
    reminderIntervalMs: 0,
    ...overrides,
  };
}

export type TestApp = {
  app: Hono<AppEnv>;
  clock: { now: number };
  logs: string[];
  call: (
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<Response>;
};

/**
 * DNS for tests, so none reaches the network: the reserved example names (RFC 2606) stand for an LRS on
 * the internet (an address never connected to: only the forward address check reads it), names under
 * `intranet.example` for one inside the server's own network, and anything else is not found.
 */
export const testResolveHost: ResolveAll = async (hostname) => {
  if (hostname.endsWith('.intranet.example')) return [{ address: '10.20.30.40', family: 4 }];
  if (/(^|\.)example(\.(org|com|net))?$/.test(hostname)) return [{ address: '93.184.215.14', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

export function makeTestApp(db: Db, overrides: Partial<Config> = {}): TestApp {
  const clock = { now: T0 };
  const logs: string[] = [];
  const app = createApp({
    db,
    config: testConfig(overrides),
    clock: () => clock.now,
    logger: createLogger('debug', (line) => logs.push(line)),
    resolveHost: testResolveHost,
  });
  const call: TestApp['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body =
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body);
    return Promise.resolve(app.request(path, { method, headers, body }));
  };
  return { app, clock, logs, call };
}

export type Learner = { learnerId: string; token: string; deviceId: string; email: string };

let counter = 0;

/** Signs up a new learner and registers one device, as the app does on first sync. */
export async function newLearner(
  t: TestApp,
  email = `learner${++counter}-${randomUUID()}@example.org`,
): Promise<Learner> {
  const res = await t.call('POST', '/api/v1/accounts', {
    body: { email, name: 'Sam Learner', password: 'correct horse battery' },
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { learnerId, token } = (await res.json()) as { learnerId: string; token: string };
  const dev = await t.call('POST', '/api/v1/devices', { token, body: { name: 'Phone' } });
  const { deviceId } = (await dev.json()) as { deviceId: string };
  return { learnerId, token, deviceId, email };
}

export function makeEvent(
  deviceId: string,
  seq: number,
  overrides: Partial<LearnerEvent> = {},
): LearnerEvent {
  return {
    id: randomUUID(),
    deviceId,
    deviceSeq: seq,
    at: new Date(T0 - 60_000).toISOString(),
    hlc: formatHlc({ wall: T0 - 60_000, counter: seq, node: deviceId.slice(0, 8) }),
    type: 'lesson-opened',
    lessonId: 'foundations-what-send-means',
    payload: {},
    ...overrides,
  } as LearnerEvent;
}

export async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Serves a handler on a real port of the loopback (the xAPI suites speak HTTP to it, as a tool would). */
export async function listen(
  fetch: (req: Request) => Response | Promise<Response>,
): Promise<{ base: string; close: () => Promise<void> }> {
  let server: ReturnType<typeof serve> | undefined;
  await new Promise<void>((resolve) => {
    server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  const running = server as ReturnType<typeof serve>;
  return {
    base: `http://127.0.0.1:${(running.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => running.close(() => resolve())),
  };
}
