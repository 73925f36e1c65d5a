// The reminder routes, behind the learner's token: the server's public VAPID key (the browser needs it to
// subscribe) and this device's push subscription, put when the learner turns reminders on and deleted when
// they turn them off or sign out.
import { Hono } from 'hono';
import {
  deletePushSubscriptionSchema,
  pushSubscriptionSchema,
} from '../../src/shared/protocol/reminder-protocol';
import type { AppDeps, AppEnv } from '../app-env';
import { HttpError } from '../http-error';
import { readJson } from '../read-json';
import { requireLearner } from '../require-learner';
import { acceptedPushEndpoint } from './push-endpoint';
import type { VapidKeys } from './vapid-keys';

export function reminderRoutes(deps: AppDeps, vapidKeys: () => Promise<VapidKeys>): Hono<AppEnv> {
  const { db, clock, config } = deps;
  return new Hono<AppEnv>()
    .get('/reminders/vapid-key', requireLearner(deps), async (c) => {
      const { publicKey } = await vapidKeys();
      return c.json({ publicKey });
    })
    .put('/reminders/subscription', requireLearner(deps), async (c) => {
      const body = await readJson(c, pushSubscriptionSchema);
      if (!acceptedPushEndpoint(body.endpoint, config.allowLoopbackPush === true)) {
        throw new HttpError(
          400,
          'unsupported_push_service',
          'That push service is not one this server sends to.',
        );
      }
      const row = {
        learner_id: c.get('learnerId'),
        p256dh: body.keys.p256dh,
        auth: body.keys.auth,
        created_at: clock(),
      };
      // The endpoint belongs to one browser profile: if another learner signed in on it before, it is ours now.
      await db.kysely
        .insertInto('push_subscriptions')
        .values({ endpoint: body.endpoint, ...row })
        .onConflict((oc) => oc.column('endpoint').doUpdateSet(row))
        .execute();
      return c.body(null, 204);
    })
    .delete('/reminders/subscription', requireLearner(deps), async (c) => {
      const { endpoint } = await readJson(c, deletePushSubscriptionSchema);
      await db.kysely
        .deleteFrom('push_subscriptions')
        .where('endpoint', '=', endpoint)
        .where('learner_id', '=', c.get('learnerId'))
        .execute();
      return c.body(null, 204);
    });
}
