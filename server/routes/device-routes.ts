// POST /devices: registers a device to the signed-in learner. Pushes name a device id, and the server
// accepts only ids registered to the caller.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { deviceRequestSchema } from '../../src/shared/protocol/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';

export function deviceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  return new Hono<AppEnv>().post('/devices', requireLearner(deps), async (c) => {
    const body = await readJson(c, deviceRequestSchema);
    const deviceId = randomUUID();
    const learnerId = c.get('learnerId');
    const now = clock();
    await db.kysely.transaction().execute(async (trx) => {
      // Past the device quota the oldest unused devices are retired rather than the new one refused: a
      // learner who cleared a browser's data or changed phone should never be locked out. A retired
      // device that comes back is told `unknown_device` and registers again, keeping its unsent items.
      const devices = await trx
        .selectFrom('devices')
        .select('id')
        .where('learner_id', '=', learnerId)
        .orderBy('last_used_at', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      const retired = devices.slice(deps.config.quotas.devices - 1).map((d) => d.id);
      if (retired.length > 0) await trx.deleteFrom('devices').where('id', 'in', retired).execute();
      await trx
        .insertInto('devices')
        .values({
          id: deviceId,
          learner_id: learnerId,
          name: body.name || null,
          created_at: now,
          last_used_at: now,
        })
        .execute();
    });
    return c.json({ deviceId }, 201);
  });
}
