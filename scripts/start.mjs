// `npm start`: checks the configuration, builds the PWA when dist/ is missing or older than its
// sources, precompresses it, then runs the server (SQLite at ./data/pocket-cpd.sqlite unless DATABASE_URL
// says otherwise). A person sees a few plain lines: a progress line while building, the URL once the
// server listens, or one line saying what is wrong. The build's own output goes to a log file
// (BUILD_LOG below), or to the terminal with LOG_LEVEL=debug.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.resolve(root, process.env.DIST_DIR || 'dist');
const sources = ['src', 'content', 'public', 'index.html', 'vite.config.ts'].map((p) => path.join(root, p));
const BUILD_LOG = path.join(root, 'node_modules/.cache/pocket-cpd/build.log');
const verbose = process.env.LOG_LEVEL === 'debug';

// The same validation the server does, before a minute of building: a wrong PORT is one plain message.
const { loadConfig } = await tsImport('../server/config.ts', import.meta.url);
const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\nSee docs/deployment.md for the variables.\n`);
  process.exit(1);
}

let child;
let stopping = false;
const stop = (signal) => {
  stopping = true;
  if (child && child.exitCode === null) child.kill(signal);
  else process.exit(1);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
// `npm start` runs this under a shell that may die on SIGTERM without passing it on: when the parent
// goes away this process is adopted by another one, and stops the server rather than leave it running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) stop('SIGTERM');
}, 500).unref();

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Runs a step to completion; its output goes to the terminal when verbose, else to `logFd`. */
function runStep(command, args, logFd) {
  return new Promise((resolve) => {
    child = spawn(command, args, {
      cwd: root,
      env: process.env,
      stdio: verbose ? 'inherit' : ['ignore', logFd, logFd],
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

mkdirSync(path.dirname(BUILD_LOG), { recursive: true });
const logFd = openSync(BUILD_LOG, 'w');
const builtAt = existsSync(path.join(distDir, 'index.html'))
  ? statSync(path.join(distDir, 'index.html')).mtimeMs
  : 0;
if (builtAt === 0 || Math.max(...sources.map(newestMtime)) > builtAt) {
  const started = Date.now();
  process.stdout.write(
    `Building the app (${builtAt === 0 ? 'first start' : 'sources changed'}; about a minute)… `,
  );
  const code = await runStep(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--outDir', distDir, '--emptyOutDir'],
    logFd,
  );
  if (stopping) process.exit(1);
  if (code !== 0) {
    process.stdout.write('failed.\n');
    if (!verbose) process.stderr.write(`${tail(BUILD_LOG, 20)}\nThe full build log is in ${BUILD_LOG}\n`);
    process.exit(code);
  }
  process.stdout.write(
    `done in ${Math.round((Date.now() - started) / 1000)} s${verbose ? '' : ` (log: ${path.relative(root, BUILD_LOG)})`}.\n`,
  );
}
// Always: cheap when the siblings are fresh, and it catches a dist/ built by hand with `vite build`.
const precompressed = await runStep(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'server/precompress-cli.ts'), distDir],
  logFd,
);
closeSync(logFd);
if (stopping) process.exit(1);
if (precompressed !== 0) {
  process.stderr.write(`${tail(BUILD_LOG, 5)}\nPreparing ${distDir} failed (log: ${BUILD_LOG}).\n`);
  process.exit(precompressed);
}

child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
  cwd: root,
  // An IPC channel: the server says when it listens, and notices when this process is gone.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, DIST_DIR: distDir },
});
child.on('message', (message) => {
  if (message && typeof message.listening === 'string') {
    process.stdout.write(`Pocket CPD on ${message.listening}  (Ctrl+C to stop)\n`);
  }
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
