// A small world for the named scenarios: the real server app over a test database with a settable clock,
// learners signed up directly, and simulated devices (sim-device.ts) with faults off unless a test turns
// them on.
import type { Config } from '../../../server/config';
import type { Db } from '../../../server/open-database';
import { makeTestApp, type TestApp } from '../../server/support/test-app';
import { createNetworkLog, type NetworkLog } from './fault-transport';
import { type SeededRandom, seededRandom } from './seeded-random';
import { type Credentials, createSimDevice, type SimDevice } from './sim-device';

export type ScenarioWorld = {
  t: TestApp;
  log: NetworkLog;
  random: SeededRandom;
  signUp: (name: string) => Promise<Credentials>;
  device: (
    name: string,
    credentials: Credentials,
    options?: { batchSize?: number; pullLimit?: number },
  ) => SimDevice;
};

export function scenarioWorld(db: Db, overrides: Partial<Config> = {}, seed = 7): ScenarioWorld {
  const t = makeTestApp(db, { logLevel: 'warn', ...overrides });
  const log = createNetworkLog();
  const random = seededRandom(seed);
  const server = { request: (path: string, init: RequestInit) => t.app.request(path, init) };
  return {
    t,
    log,
    random,
    signUp: async (name) => {
      const credentials = { email: `${name}@example.org`, password: `password of ${name}` };
      const res = await t.call('POST', '/api/v1/accounts', { body: { ...credentials, name } });
      if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
      return credentials;
    },
    device: (name, credentials, options = {}) =>
      createSimDevice({
        name,
        credentials,
        skewMs: 0,
        worldNow: () => t.clock.now,
        server,
        random,
        log,
        ...options,
      }),
  };
}
