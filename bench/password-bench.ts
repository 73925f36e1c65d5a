// Sign-in cost benchmark: what one password hash costs at the server's scrypt cost (SCRYPT_LOG_N, default 17,
// OWASP's minimum), next to the old default (14) for comparison, and a whole sign-in (POST /sessions through
// the app, SQLite in memory) at the default. Prints the median and the 90th percentile in ms and the memory
// one hash holds (128 × N × r bytes). `npm run bench:password`; BENCH_RUNS sets the runs (default 15).
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../server/config';
import { createApp } from '../server/create-app';
import { createLogger } from '../server/logger';
import { migrateToLatest } from '../server/migrations';
import { openDatabase } from '../server/open-database';
import { checkPassword, hashPassword } from '../server/passwords';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PASSWORD = 'a short sentence is easy to remember';

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms`;
}

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    out.push(performance.now() - start);
  }
  return out;
}

const loaded = loadConfig({ ...process.env, DATA_DIR: '/nonexistent' });
if (!loaded.ok) throw new Error(loaded.message);
const defaultLogN = loaded.config.scryptLogN;

for (const logN of [14, defaultLogN]) {
  const stored = await hashPassword(PASSWORD, logN);
  const verify = await timed(() => checkPassword(PASSWORD, stored, logN));
  const mib = (128 * 2 ** logN * 8) / 1024 / 1024;
  console.log(`scrypt N=2^${logN} r=8 p=1 (${mib} MiB per hash): verify ${stats(verify)}`);
}

const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
await migrateToLatest(db.kysely);
const app = createApp({
  db,
  config: { ...loaded.config, authRatePerIpPerMin: 1_000_000, reminderIntervalMs: 0 },
  clock: () => Date.now(),
  logger: createLogger('silent'),
});
const post = (path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const created = await post('/api/v1/accounts', {
  email: 'bench@example.org',
  name: 'Bench',
  password: PASSWORD,
});
if (created.status !== 201) throw new Error(`sign-up failed: ${created.status}`);
const signIns = await timed(async () => {
  const res = await post('/api/v1/sessions', { email: 'bench@example.org', password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
});
console.log(`sign-in (POST /sessions) at N=2^${defaultLogN}: ${stats(signIns)} over ${RUNS} runs`);
await db.close();
