// `npm start`: builds the PWA when dist/ is missing or older than its sources, precompresses it, then
// runs the server (SQLite at ./data/pocket-cpd.sqlite unless DATABASE_URL says otherwise).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.resolve(root, process.env.DIST_DIR || 'dist');
const sources = ['src', 'content', 'public', 'index.html', 'vite.config.ts'].map((p) => path.join(root, p));

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(
      `${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`,
    );
    process.exit(result.status ?? 1);
  }
}

const builtAt = existsSync(path.join(distDir, 'index.html'))
  ? statSync(path.join(distDir, 'index.html')).mtimeMs
  : 0;
if (builtAt === 0 || Math.max(...sources.map(newestMtime)) > builtAt) {
  console.log('Building the app (dist/ is missing or older than its sources)…');
  run(path.join(root, 'node_modules/.bin/vite'), ['build', '--outDir', distDir, '--emptyOutDir']);
}
// Always: cheap when the siblings are fresh, and it catches a dist/ built by hand with `vite build`.
run(process.execPath, ['--import', 'tsx', path.join(root, 'server/precompress-cli.ts'), distDir]);

const host = process.env.HOST || '127.0.0.1';
const port = process.env.PORT || '8080';
console.log(`Pocket CPD on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}  (Ctrl+C to stop)`);
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DIST_DIR: distDir },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
