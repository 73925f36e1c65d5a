// POST /devices: registers a device to the signed-in learner. Pushes name a device id, and the server
// accepts only ids registered to the caller.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { deviceRequestSchema } from '../../src/shared/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';

export function deviceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  return new Hono<AppEnv>().post('/devices', requireLearner(deps), async (c) => {
    const body = await readJson(c, deviceRequestSchema);
    const deviceId = randomUUID();
    await db.kysely
      .insertInto('devices')
      .values({ id: deviceId, learner_id: c.get('learnerId'), name: body.name || null, created_at: clock() })
      .execute();
    return c.json({ deviceId }, 201);
  });
}
