// Several PostgreSQL hosts in one DATABASE_URL, written the libpq way so the same string works in psql:
//   postgres://user:pass@db1:5432,db2:5432/pocket_cpd?target_session_attrs=read-write
// node-postgres takes one host only, so the pool's connections are made here: each new connection goes
// to the host that last worked, and one that is refused, or that is a standby still in recovery
// (read-only), moves the choice on to the next host and fails that connection. The request that wanted
// it fails (a 5xx the device retries); the next one tries the next host. After a failover, once the
// replica is promoted, every process finds it within a few requests, with no restart and no pooler.
import pg from 'pg';

type ConnectCallback = ((err: Error) => void) | ((err: null, c: pg.Client) => void);

export type HostTarget = { url: string; label: string };

/** One single-host URL per host of a (possibly multi-host) URL, `target_session_attrs` removed. */
export function splitHosts(url: string): HostTarget[] {
  const match = /^(postgres(?:ql)?:\/\/)(?:([^@/]*)@)?([^/?]*)(.*)$/.exec(url);
  if (!match) return [{ url, label: 'database' }];
  const [, scheme = '', userInfo, hostList = '', rest = ''] = match;
  const [path = '', query = ''] = rest.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.delete('target_session_attrs');
  const search = params.toString();
  return hostList.split(',').map((host) => ({
    url: `${scheme}${userInfo === undefined ? '' : `${userInfo}@`}${host}${path}${search ? `?${search}` : ''}`,
    // Logged on a switch: the host, never the credentials.
    label: host,
  }));
}

export function pgHostOptions(url: string, onSwitch: (to: string, why: string) => void): pg.PoolConfig {
  const targets = splitHosts(url);
  if (targets.length === 1) return { connectionString: url };
  let current = 0;
  const moveOn = (from: number, why: string) => {
    // Only the first failure on a host moves the choice; concurrent ones must not skip the next host.
    if (current !== from) return;
    current = (current + 1) % targets.length;
    onSwitch(targets[current]?.label ?? '', why);
  };
  class MultiHostClient extends pg.Client {
    readonly targetIndex: number;
    constructor(config: pg.ClientConfig) {
      const index = current;
      super({ ...config, connectionString: targets[index]?.url });
      this.targetIndex = index;
    }
    connect(): Promise<pg.Client>;
    connect(callback: ConnectCallback): void;
    connect(callback?: ConnectCallback): Promise<pg.Client> | undefined {
      const tried = this.targetIndex;
      if (!callback) {
        return super.connect().catch((error: unknown) => {
          moveOn(tried, 'unreachable');
          throw error;
        });
      }
      super.connect(((error: Error | null) => {
        if (error) moveOn(tried, 'unreachable');
        (callback as (error: Error | null, client: pg.Client) => void)(error, this);
      }) as ConnectCallback);
      return undefined;
    }
  }
  return {
    Client: MultiHostClient as unknown as new () => pg.ClientBase,
    // target_session_attrs=read-write: a standby answers but cannot take a push.
    onConnect: async (client: pg.ClientBase) => {
      const { rows } = await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
      if (rows[0]?.standby) {
        moveOn((client as MultiHostClient).targetIndex, 'read-only standby');
        throw new Error('connected to a read-only standby');
      }
    },
  } as pg.PoolConfig;
}
