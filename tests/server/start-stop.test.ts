// `npm start` as an operator meets it, on the real processes: the URL appears only once the server
// answers, a stop signal (also one sent to npm itself) frees the port and closes the database, a port in
// use and a bad PORT are one plain line and a non-zero exit, and the data is readable by its owner only.
// dist/ is a fresh stand-in newer than every source, so start.mjs does not build.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/helpers/app-server';

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

let dir = '';
const running: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pocket-start-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Pocket CPD</title>');
});
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(command: string, args: string[], env: Record<string, string>): Started {
  let output = '';
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DIST_DIR: dir,
      DATA_DIR: path.join(dir, 'data'),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor<T>(
  check: () => T | undefined,
  what: string,
  output: () => string,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}; output:\n${output()}`);
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('npm start', { timeout: 60_000 }, () => {
  it('prints the URL once the server answers, and on SIGTERM frees the port, closes the database and exits 0', async () => {
    const port = await freePort();
    const s = start(process.execPath, ['scripts/start.mjs'], { PORT: String(port) });
    const url = await waitFor(() => /Pocket CPD on (http:\S+)/.exec(s.output())?.[1], 'the URL', s.output);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    // Printed only now, so it already answers.
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    // Created for its owner only: the data folder 0700, the database and its WAL 0600.
    const data = path.join(dir, 'data');
    expect(statSync(data).mode & 0o777).toBe(0o700);
    for (const file of ['pocket-cpd.sqlite', 'pocket-cpd.sqlite-wal']) {
      expect(statSync(path.join(data, file)).mode & 0o777).toBe(0o600);
    }
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(await refused(port)).toBe(true);
    expect(s.output()).toContain('"msg":"stopped"');
    // Closing the last connection checkpoints the WAL into the database and removes it.
    expect(existsSync(path.join(data, 'pocket-cpd.sqlite-wal'))).toBe(false);
  });

  it('stops the server when npm itself is sent SIGTERM', async () => {
    const port = await freePort();
    const s = start('npm', ['start', '--silent'], { PORT: String(port) });
    await waitFor(() => /Pocket CPD on (http:\S+)/.exec(s.output())?.[1], 'the URL', s.output);
    s.child.kill('SIGTERM');
    await waitFor(
      () => (s.output().includes('"msg":"stopped"') ? true : undefined),
      'the stop',
      s.output,
      10_000,
    );
    expect(await waitFor(async () => ((await refused(port)) ? true : undefined), 'the port', s.output)).toBe(
      true,
    );
  });

  it('says in one plain line that the port is in use, and exits non-zero', async () => {
    const port = await freePort();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const s = start(process.execPath, ['scripts/start.mjs'], { PORT: String(port) });
      expect(await s.exited).toBe(1);
      const problem = s
        .output()
        .split('\n')
        .filter((line) => line.includes('already in use'));
      expect(problem).toEqual([
        `Port ${port} on 127.0.0.1 is already in use: stop the program using it, or set PORT to a free port.`,
      ]);
      expect(s.output()).not.toMatch(/^\s+at /m);
      expect(s.output()).not.toContain('Pocket CPD on');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('refuses PORT=abc as a plain configuration error before anything else', async () => {
    const s = start(process.execPath, ['scripts/start.mjs'], { PORT: 'abc' });
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('PORT: must be a whole number from 0 to 65535 (got "abc")');
    expect(s.output()).not.toContain('http://');
    expect(s.output()).not.toMatch(/^\s+at /m);
  });
});
