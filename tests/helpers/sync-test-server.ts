// The real sync server app (SQLite in memory) behind the app's fetch in component tests: `/api/` goes to
// the server through `app.request`, everything else to the fixture course. `offline` makes the API calls
// fail like a lost connection; setup-dom's resetStores stops the engine after each test, so no round
// outlives it.
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import type { Config } from '../../server/config';
import type { Db } from '../../server/open-database';
import { makeTestApp, type TestApp } from '../server/support/test-app';
import { openTestDb, type TestDb } from '../server/support/test-databases';
import { serveFixtureCourse } from './render-app';

export type SyncTestServer = {
  readonly app: TestApp;
  /** The server's database, to set up rows no route makes directly (a reset link without its email). */
  readonly db: Db;
  offline: boolean;
  /** Calls the API directly, as another device would. */
  call: TestApp['call'];
  /** Routes the app's fetch here; call after renderApp, which stubs fetch with the fixture course only. */
  connect: () => void;
  /**
   * A new server app with other limits (e.g. a low rate limit), on the same database. Rate-limit counts
   * live in the database and would carry over (as over a real restart), so they start again from zero.
   */
  configure: (overrides: Partial<Config>) => Promise<void>;
};

export function setupSyncTestServer(): SyncTestServer {
  let testDb: TestDb;
  let app: TestApp;
  let offline = false;

  beforeAll(async () => {
    testDb = await openTestDb('sqlite');
  });
  afterAll(async () => {
    await testDb.close();
  });
  const newApp = (overrides: Partial<Config>) => {
    app = makeTestApp(testDb.db, { authRatePerIpPerMin: 10_000, ...overrides });
    app.clock.now = Date.now();
  };
  const configure = async (overrides: Partial<Config>) => {
    await testDb.db.kysely.deleteFrom('rate_limits').execute();
    await testDb.db.kysely.deleteFrom('auth_throttle').execute();
    newApp(overrides);
  };
  beforeEach(async () => {
    await testDb.reset();
    offline = false;
    newApp({});
  });

  const serverFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (!url.startsWith('/api/')) return serveFixtureCourse(url);
    if (offline) throw new TypeError('Failed to fetch');
    // jsdom's AbortSignal is not the one Node's Request accepts, so the timeout signal stays behind.
    return app.app.request(url, { method: init?.method, headers: init?.headers, body: init?.body });
  };

  return {
    get app() {
      return app;
    },
    get db() {
      return testDb.db;
    },
    get offline() {
      return offline;
    },
    set offline(value: boolean) {
      offline = value;
    },
    call: (...args) => app.call(...args),
    connect: () => {
      vi.stubGlobal('fetch', vi.fn(serverFetch));
    },
    configure,
  };
}
