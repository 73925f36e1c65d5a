// Push reminders for this device, over the engine's api client (so a 401 takes the one 401 path) and the
// stored session: the server sends the reminders, so they need a signed-in learner. The browser's side of
// the subscription is src/pwa/push-subscription.ts. Sign-out ends them through here too.
import type { ApiClient, ApiFailure } from '../api/api-client';
import type { SyncStore } from '../db/sync-store';
import { currentSubscription, subscribe, unsubscribe } from '../pwa/push-subscription';

export type RemindersStatus = 'signed-out' | 'on' | 'off';

export type TurnOnResult =
  | { ok: true }
  | { ok: false; reason: 'signed-out' | 'not-allowed' | 'no-worker' }
  | { ok: false; reason: 'browser'; detail: string }
  | { ok: false; reason: 'server'; failure: ApiFailure };

export type Reminders = ReturnType<typeof createReminders>;

export function createReminders(api: ApiClient, store: Pick<SyncStore, 'getSession'>) {
  const token = async () => (await store.getSession())?.token;

  return {
    async status(): Promise<RemindersStatus> {
      if (!(await token())) return 'signed-out';
      return (await currentSubscription()) ? 'on' : 'off';
    },

    /** Asks permission, subscribes this browser with the server's key and gives the server the subscription. */
    async turnOn(): Promise<TurnOnResult> {
      const bearer = await token();
      if (!bearer) return { ok: false, reason: 'signed-out' };
      const key = await api.reminderKey(bearer);
      if (!key.ok) return { ok: false, reason: 'server', failure: key.failure };
      const subscribed = await subscribe(key.value.publicKey);
      if (!subscribed.ok) return subscribed;
      const { subscription } = subscribed;
      const json = subscription.toJSON();
      const put = await api.putPushSubscription(bearer, {
        endpoint: subscription.endpoint,
        keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
      });
      if (!put.ok) {
        await unsubscribe(subscription);
        return { ok: false, reason: 'server', failure: put.failure };
      }
      return { ok: true };
    },

    /**
     * The browser's side first: once unsubscribed, the push service answers the server 410 and the server
     * forgets the subscription on its own, even if telling it now fails (offline).
     */
    async turnOff(): Promise<void> {
      const endpoint = await unsubscribe();
      const bearer = await token();
      if (endpoint && bearer) await api.deletePushSubscription(bearer, endpoint);
    },
  };
}
