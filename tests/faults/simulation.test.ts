// The seeded fault simulation (docs/reliability.md). `npm test` runs a few fixed seeds; longer runs:
//   FAULT_SEEDS=200 npm run test:faults            (seeds 1..200; FAULT_SEED_BASE moves the start)
//   FAULT_SEED=1234 npm run test:faults            (replays one seed, e.g. one that failed)
// With TEST_DATABASE_URL set, every seed also runs against PostgreSQL, and again with the devices'
// requests alternating between two server apps, each with its own connection pool (two processes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/open-database';
import { openTestDb, type TestDb, testDbKinds } from '../server/support/test-databases';
import { runSimulation, type SimulationReport } from './support/run-simulation';

function seedsToRun(): number[] {
  const one = process.env.FAULT_SEED;
  if (one) return [Number(one)];
  const count = Number(process.env.FAULT_SEEDS ?? 3);
  const base = Number(process.env.FAULT_SEED_BASE ?? 1);
  return Array.from({ length: count }, (_, i) => base + i);
}

const steps = Number(process.env.FAULT_STEPS ?? 120);

describe.each(testDbKinds)('no progress is lost under injected faults, on %s', (kind) => {
  let testDb: TestDb;
  const reports: SimulationReport[] = [];

  beforeAll(async () => {
    testDb = await openTestDb(kind);
  });
  afterAll(async () => {
    await testDb.close();
    const sum = (pick: (r: SimulationReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
    const byKind: Record<string, number> = {};
    for (const r of reports) for (const [k, n] of Object.entries(r.faults)) byKind[k] = (byKind[k] ?? 0) + n;
    console.info(
      `[faults/${kind}] seeds=${reports.length} steps=${sum((r) => r.steps)} injected=${sum((r) => r.injected)} ` +
        `kills=${sum((r) => r.kills)} sessionsEnded=${sum((r) => r.sessionsEnded)} events=${sum((r) => r.events)} ` +
        `noteLines=${sum((r) => r.lines)} ${JSON.stringify(byKind)}`,
    );
  });

  it.each(seedsToRun())('seed %i: devices and server agree after faults stop', async (seed) => {
    await testDb.reset();
    let report: SimulationReport;
    try {
      report = await runSimulation({ seed, db: testDb.db, steps });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      throw new Error(
        `Fault simulation failed on ${kind} with seed ${seed}. Replay: FAULT_SEED=${seed} npm run test:faults\n${message}`,
        { cause: error },
      );
    }
    reports.push(report);
    expect(report.injected).toBeGreaterThan(0);
    expect(report.events).toBeGreaterThan(0);
  });
});

describe.each(testDbKinds.filter((kind) => kind === 'postgres'))(
  'no progress is lost when devices alternate between two server processes on one %s',
  (kind) => {
    let testDb: TestDb;
    let secondDb: Db;
    beforeAll(async () => {
      testDb = await openTestDb(kind);
      const another = testDb.openAnother;
      if (!another) throw new Error('a second handle needs PostgreSQL');
      secondDb = another();
    });
    afterAll(async () => {
      await secondDb.close();
      await testDb.close();
    });

    it.each(seedsToRun())('seed %i: devices and server agree after faults stop', async (seed) => {
      await testDb.reset();
      const report = await runSimulation({ seed, db: testDb.db, secondDb, steps });
      console.info(
        `[faults/${kind}, two processes] seed=${seed} injected=${report.injected} events=${report.events} noteLines=${report.lines}`,
      );
      expect(report.injected).toBeGreaterThan(0);
      expect(report.events).toBeGreaterThan(0);
    });
  },
);
