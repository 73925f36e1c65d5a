// GET /health: liveness plus a trivial query, so a load balancer drops a process that lost its database.

import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps, AppEnv } from '../app-env';

export function healthRoutes({ db }: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/health', async (c) => {
    await sql`select 1`.execute(db.kysely);
    return c.json({ ok: true, db: db.dialect });
  });
}
