// POST /sync/push: checks the whole request first (schema, ids unique in the batch, doc sizes, the
// device belongs to the caller) and answers 4xx with nothing stored if any check fails; then stores
// the batch in one transaction with a result per item (see store-push.ts and classify-push.ts).
import { Hono } from 'hono';
import { docBytes, MAX_DOC_BYTES, pushRequestSchema } from '../../src/shared/protocol/sync-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { createLearnerGate } from '../learner-gate';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { storePush } from '../store-push';

// A device's last use is recorded to within this much, so most pushes add no write for it.
const DEVICE_USE_PRECISION_MS = 60 * 60 * 1000;

function firstRepeat(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export function syncPushRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, clock } = deps;
  const gate = createLearnerGate(deps.config.syncRequestsPerLearner);
  return new Hono<AppEnv>().post('/sync/push', requireLearner(deps), async (c) => {
    const push = await readJson(c, pushRequestSchema);
    const learnerId = c.get('learnerId');
    const repeatedEvent = firstRepeat(push.events.map((e) => e.id));
    if (repeatedEvent) {
      throw new HttpError(
        400,
        'repeated_id',
        `event id ${repeatedEvent} appears more than once in this batch`,
      );
    }
    const repeatedDoc = firstRepeat(push.docs.map((d) => d.id));
    if (repeatedDoc)
      throw new HttpError(400, 'repeated_id', `doc ${repeatedDoc} appears more than once in this batch`);
    const bigDoc = push.docs.find((d) => docBytes(d.body) > MAX_DOC_BYTES);
    if (bigDoc)
      throw new HttpError(413, 'doc_too_large', `doc ${bigDoc.id} is larger than ${MAX_DOC_BYTES} bytes`);
    const device = await db.kysely
      .selectFrom('devices')
      .select(['id', 'last_used_at'])
      .where('id', '=', push.deviceId)
      .where('learner_id', '=', learnerId)
      .executeTakeFirst();
    // The same answer whether the device is unknown or someone else's: ids are not probed this way.
    if (!device) throw new HttpError(403, 'unknown_device', 'This device is not registered to your account.');
    const now = clock();
    if (now - device.last_used_at > DEVICE_USE_PRECISION_MS) {
      await db.kysely.updateTable('devices').set({ last_used_at: now }).where('id', '=', device.id).execute();
    }
    return c.json(
      await gate.run(learnerId, () => storePush(db, learnerId, push, now, deps.config.quotas, deps.course)),
    );
  });
}
