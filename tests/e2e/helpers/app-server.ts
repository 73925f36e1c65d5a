// Starts the real server (server/main.ts) on a free loopback port over the built dist/, with its own
// temporary data directory (its SQLite file, unless `env` gives a DATABASE_URL), and stops it by pid
// afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type AppServer = {
  url: string;
  /** The server process, for a test that kills it or checks it is still running. */
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  log: () => string;
  stop: () => Promise<void>;
};

/** A loopback port nothing listens on yet (the benches start their own servers on one too). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Resolves once the server at `url` answers its health check. If it dies or never answers, throws with
 * `log()`, and stops a server that is still running so no test or benchmark leaves one behind.
 */
export async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`server did not become healthy:\n${log()}`);
}

/** `port`: when the test must know the address before the server starts (PUBLIC_URL for reset links). */
export async function startAppServer(env: Record<string, string> = {}, port?: number): Promise<AppServer> {
  port ??= await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'pocket-cpd-data-'));
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: process.env.E2E_DIST ?? 'dist',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    child,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
