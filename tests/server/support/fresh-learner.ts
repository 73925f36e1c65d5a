// The setup most sync suites share: an emptied database, a fresh app over it and one signed-up learner
// with a device, before each test.
import { beforeEach } from 'vitest';
import { type Learner, makeTestApp, newLearner, type TestApp } from './test-app';
import { emptyDatabasePerTest, type TestDb, type TestDbKind } from './test-databases';

export type FreshLearner = { testDb: TestDb; t: TestApp; a: Learner };

/**
 * Registers the hooks; `receive` gets each test's database, app and learner before the test runs (a
 * suite keeps them in its own variables: `freshLearnerPerTest(kind, (f) => ({ testDb, t, a } = f))`).
 */
export function freshLearnerPerTest(
  kind: TestDbKind,
  receive: (fresh: FreshLearner) => void,
  email?: string,
): void {
  let testDb: TestDb;
  emptyDatabasePerTest(kind, (db) => {
    testDb = db;
  });
  beforeEach(async () => {
    const t = makeTestApp(testDb.db);
    receive({ testDb, t, a: await newLearner(t, email) });
  });
}
