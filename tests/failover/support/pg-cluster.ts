// A PostgreSQL primary and a synchronous streaming replica on loopback, made by the test itself from
// Debian's packages (as .ci/run makes its cluster): initdb as the postgres user via runuser, a base
// backup for the replica, then synchronous_standby_names so every commit waits until the replica has
// flushed it. Each server gets a free port and its socket in its own data folder.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../e2e/helpers/app-server';

const STANDBY_NAME = 'replica1';

export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions.length ? path.join(root, versions.at(-1) as string, 'bin') : '';
  if (!bin || !existsSync(path.join(bin, 'initdb'))) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)',
    );
  }
  return bin;
}

export type Node = { dir: string; port: number; url: (db?: string) => string };

export type Cluster = {
  primary: Node;
  replica: Node;
  /** A multi-host URL naming both, primary first. */
  multiHostUrl: (db: string) => string;
  stopPrimary: () => void;
  promoteReplica: () => void;
  query: <T extends pg.QueryResultRow>(node: Node, sql: string, db?: string) => Promise<T[]>;
  destroy: () => void;
};

export async function startCluster(): Promise<Cluster> {
  const bin = postgresBin();
  const root = mkdtempSync(path.join(tmpdir(), 'pocket-failover-'));
  chownSync(root, ...postgresIds());
  const asPostgres = (tool: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' });
  const node = (name: string, port: number): Node => ({
    dir: path.join(root, name),
    port,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
  });
  const primary = node('primary', await freePort());
  const replica = node('replica', await freePort());
  const start = (n: Node) =>
    asPostgres('pg_ctl', [
      '-D',
      n.dir,
      '-l',
      path.join(n.dir, 'log'),
      '-w',
      '-o',
      `-p ${n.port} -k ${n.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  const query = async <T extends pg.QueryResultRow>(n: Node, sql: string, db?: string) => {
    const client = new pg.Client({ connectionString: n.url(db) });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  };

  asPostgres('initdb', ['-D', primary.dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  start(primary);
  asPostgres('pg_basebackup', [
    '-d',
    `host=127.0.0.1 port=${primary.port} user=postgres application_name=${STANDBY_NAME}`,
    '-D',
    replica.dir,
    '-R',
    '-X',
    'stream',
  ]);
  start(replica);
  // Only now, so nothing before (the base backup) waited for a standby that was not there yet.
  await query(primary, `alter system set synchronous_standby_names = '${STANDBY_NAME}'`);
  await query(primary, 'select pg_reload_conf()');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await query<{ sync_state: string }>(primary, 'select sync_state from pg_stat_replication');
    if (rows[0]?.sync_state === 'sync') break;
    if (Date.now() > deadline) throw new Error(`replica never became synchronous: ${JSON.stringify(rows)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const stop = (n: Node) => {
    try {
      asPostgres('pg_ctl', ['-D', n.dir, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
  };
  return {
    primary,
    replica,
    multiHostUrl: (db) =>
      `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${replica.port}/${db}?target_session_attrs=read-write`,
    // Immediate: the primary vanishes as in a crash or a lost machine, with no clean shutdown.
    stopPrimary: () => stop(primary),
    promoteReplica: () => asPostgres('pg_ctl', ['-D', replica.dir, '-w', 'promote']),
    query,
    destroy: () => {
      stop(primary);
      stop(replica);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return [uid, gid];
}
