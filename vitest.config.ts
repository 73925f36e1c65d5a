import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The failover project starts its own PostgreSQL primary and replica (root, Debian's packages), so it runs
// only when asked for: .ci/run calls `VITEST_FAILOVER=1 npx vitest run --project failover` after `npm test`.
const failover =
  process.env.VITEST_FAILOVER === '1'
    ? [
        {
          extends: true as const,
          test: {
            name: 'failover',
            environment: 'node',
            include: ['tests/failover/**/*.test.ts'],
            testTimeout: 180_000,
            hookTimeout: 120_000,
          },
        },
      ]
    : [];

// One `vitest run` covers every layer; each project picks its environment.
// The build and e2e projects read dist/, which `npm test` builds first.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/helpers/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          environment: 'node',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: { name: 'build', environment: 'node', include: ['tests/build/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll gives up after 1 s by default: a reload that reads IndexedDB takes longer than that
          // on a loaded 2-core machine (reader.test.ts failed there 2 runs in 4). A poll that can pass
          // passes at once; this only moves when one that cannot is reported.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
      ...failover,
    ],
  },
});
